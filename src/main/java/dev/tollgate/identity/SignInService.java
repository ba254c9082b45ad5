package dev.tollgate.identity;

import java.util.List;
import java.util.Optional;

/**
 * Signing in to IAM Identity Center the way the AWS CLI does, sharing its token cache. All methods block on
 * the network or disk; call them off the UI thread. Failures are {@code GatewayException}s whose messages
 * never contain a token or secret.
 */
public interface SignInService {

    /** A usable sign-in already in the cache (refreshed with its refresh token if it had expired), if any. */
    Optional<SignInOutcome.SignedIn> existingSignIn(SsoPortal portal);

    /** Registers Tollgate with Identity Center and starts a device authorization. */
    PendingSignIn begin(SsoPortal portal);

    /** The accounts the signed-in person may enter. */
    List<SsoAccount> accounts(SsoPortal portal);

    /** The roles (permission sets) the signed-in person may take in an account. */
    List<String> roles(SsoPortal portal, String accountId);
}
