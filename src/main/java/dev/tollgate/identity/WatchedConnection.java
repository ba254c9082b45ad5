package dev.tollgate.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * A connection the approver chose to watch, as it is remembered between runs: where the credentials come
 * from and the region. Names only, never keys or tokens: credentials stay in the AWS files and the CLI's
 * cache, and are resolved again at each start.
 */
public sealed interface WatchedConnection {

    /** The region whose pipelines are watched. */
    String region();

    /** How the board and the saved lists name this connection. */
    ConnectionId id();

    /** The embedded sandbox, started inside the app on a free port. */
    record Sandbox() implements WatchedConnection {
        public static final String KEY = "sandbox";

        @Override
        public String region() {
            return "us-east-1";
        }

        @Override
        public ConnectionId id() {
            return new ConnectionId(KEY, "Sandbox");
        }
    }

    /** A profile of the shared config files, resolved by the SDK (keys, assumed role, SSO, process...). */
    record Profile(String name, String region) implements WatchedConnection {
        public Profile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(region, "region");
        }

        @Override
        public ConnectionId id() {
            return new ConnectionId("profile:" + name + "@" + region, name + " · " + region);
        }
    }

    /**
     * An account and role picked after an IAM Identity Center sign-in in the app.
     *
     * @param accountName as the portal lists it; may be blank
     * @param onSandbox   whether it was picked on the embedded sandbox's Identity Center, whose endpoint
     *                    changes from run to run
     */
    record SsoRole(SsoPortal portal, String accountId, String accountName, String roleName, String region,
                   boolean onSandbox) implements WatchedConnection {
        public SsoRole {
            Objects.requireNonNull(portal, "portal");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(roleName, "roleName");
            Objects.requireNonNull(region, "region");
            accountName = accountName == null ? "" : accountName;
        }

        @Override
        public ConnectionId id() {
            String account = Optional.of(accountName).filter(n -> !n.isBlank()).orElse(accountId);
            return new ConnectionId("sso:" + portal.cacheKey() + "/" + accountId + "/" + roleName + "@" + region,
                    account + " · " + roleName + " · " + region);
        }
    }
}
