package dev.tollgate.sandbox.engine;

/** The four-part type of an action, e.g. Build/AWS/CodeBuild/1. */
public record ActionTypeId(String category, String owner, String provider, String version) {

    public boolean isSource() {
        return "Source".equals(category);
    }

    public boolean isManualApproval() {
        return "Approval".equals(category) && "Manual".equals(provider);
    }
}
