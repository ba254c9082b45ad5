package dev.tollgate.identity;

import java.util.Objects;

/**
 * Who a connection's credentials belong to, as {@code sts:GetCallerIdentity} answers: the ARN (for a role
 * session {@code arn:aws:sts::123456789012:assumed-role/Role/session}), the account and the unique user id.
 * CodePipeline records the same ARN as an approval's {@code lastUpdatedBy}, which is how the review can
 * tell "approved by you" and warn before an approver signs off their own change.
 */
public record CallerIdentity(String arn, String accountId, String userId) {

    public CallerIdentity {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(accountId, "accountId");
        userId = userId == null ? "" : userId;
    }

    /**
     * Whether another recorded ARN is this same caller. Role sessions compare by role and session name
     * (the STS form and the IAM role form of one session are the same person); everything else by equality.
     */
    public boolean isSameAs(String otherArn) {
        if (otherArn == null || otherArn.isBlank()) {
            return false;
        }
        if (arn.equals(otherArn)) {
            return true;
        }
        return accountOf(otherArn).equals(accountId) && !sessionName().isEmpty()
                && roleName().equals(roleOf(otherArn)) && sessionName().equals(sessionOf(otherArn));
    }

    /** The role of an assumed-role session, without Identity Center's {@code AWSReservedSSO_} wrapping; empty otherwise. */
    public String roleName() {
        return roleOf(arn);
    }

    /** The session name of an assumed-role session (for SSO, the user name); empty otherwise. */
    public String sessionName() {
        return sessionOf(arn);
    }

    /** Short, for a header: "alice@example.com · Approver · 123456789012", or the user/role name and account. */
    public String displayName() {
        String role = roleName();
        String session = sessionName();
        if (!role.isEmpty()) {
            return (session.isEmpty() ? role : session + " · " + role) + " · " + accountId;
        }
        String resource = resourceOf(arn);
        int slash = resource.lastIndexOf('/');
        return (slash < 0 ? resource : resource.substring(slash + 1)) + " · " + accountId;
    }

    private static String accountOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length < 6 ? "" : parts[4];
    }

    private static String resourceOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length < 6 ? arn : parts[5];
    }

    private static String roleOf(String arn) {
        String resource = resourceOf(arn);
        String[] parts = resource.split("/");
        if (parts.length < 2 || !(parts[0].equals("assumed-role") || parts[0].equals("role"))) {
            return "";
        }
        // Identity Center names its roles AWSReservedSSO_<PermissionSet>_<hash>; approvers know the permission set.
        String role = parts[parts.length - (parts[0].equals("assumed-role") ? 2 : 1)];
        if (role.startsWith("AWSReservedSSO_")) {
            String inner = role.substring("AWSReservedSSO_".length());
            int last = inner.lastIndexOf('_');
            return last < 0 ? inner : inner.substring(0, last);
        }
        return role;
    }

    private static String sessionOf(String arn) {
        String[] parts = resourceOf(arn).split("/");
        return parts.length >= 3 && parts[0].equals("assumed-role") ? parts[parts.length - 1] : "";
    }
}
