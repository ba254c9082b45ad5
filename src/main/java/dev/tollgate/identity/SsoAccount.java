package dev.tollgate.identity;

/** An AWS account the signed-in person may enter through the access portal. */
public record SsoAccount(String id, String name, String email) {

    /** "tollgate-demo-production (123456789012)" */
    public String label() {
        return (name == null || name.isBlank() ? id : name + " (" + id + ")");
    }
}
