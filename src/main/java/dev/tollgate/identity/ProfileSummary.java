package dev.tollgate.identity;

import java.util.Optional;

/**
 * A profile of the shared AWS config and credentials files, as far as choosing a connection needs: its name,
 * region and where its credentials come from. Never its keys.
 */
public record ProfileSummary(String name, Optional<String> region, Kind kind, Optional<SsoPortal> portal,
                             Optional<String> ssoAccountId, Optional<String> ssoRoleName) {

    /** Where a profile's credentials come from. */
    public enum Kind {
        /** aws_access_key_id in the files (or a session token with them). */
        KEYS,
        /** IAM Identity Center: sso_session or the legacy sso_start_url, with an account and role. */
        SSO,
        /** role_arn with a source profile or credential source. */
        ASSUME_ROLE,
        /** credential_process, web identity, or anything else the SDK resolves itself. */
        OTHER
    }

    /** "approver · SSO · eu-west-1" */
    public String label() {
        String how = switch (kind) {
            case KEYS -> "keys";
            case SSO -> "IAM Identity Center";
            case ASSUME_ROLE -> "assumed role";
            case OTHER -> "external";
        };
        return name + " · " + how + region.map(r -> " · " + r).orElse("");
    }
}
