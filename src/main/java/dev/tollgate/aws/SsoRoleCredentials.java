package dev.tollgate.aws;

import dev.tollgate.identity.SsoPortal;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sso.auth.ExpiredTokenException;
import software.amazon.awssdk.services.sso.auth.SsoCredentialsProvider;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsRequest;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Credentials of one account and role through IAM Identity Center: the SDK's {@link SsoCredentialsProvider}
 * (which caches the role credentials and renews them before they expire), fed with the access token of the
 * CLI's cache, refreshed when needed. After a new sign-in, {@link #forget()} drops role credentials that the
 * server may already have ended.
 */
final class SsoRoleCredentials implements AwsCredentialsProvider, SdkAutoCloseable {

    private final IdentityCenterSignIn signIn;
    private final SsoPortal portal;
    private final String accountId;
    private final String roleName;
    private volatile SsoCredentialsProvider delegate;

    SsoRoleCredentials(IdentityCenterSignIn signIn, SsoPortal portal, String accountId, String roleName) {
        this.signIn = signIn;
        this.portal = portal;
        this.accountId = accountId;
        this.roleName = roleName;
        this.delegate = build();
    }

    private SsoCredentialsProvider build() {
        SsoCredentialsProvider.Builder builder = SsoCredentialsProvider.builder();
        return builder
                .ssoClient(signIn.portal(portal.region()))
                .refreshRequest(() -> GetRoleCredentialsRequest.builder()
                        .accountId(accountId).roleName(roleName).accessToken(signIn.accessToken(portal)).build())
                // Renewal happens on the calling thread: Tollgate's calls already run off the UI thread.
                .asyncCredentialUpdateEnabled(false)
                .build();
    }

    @Override
    public AwsCredentials resolveCredentials() {
        try {
            return delegate.resolveCredentials();
        } catch (UnauthorizedException e) {
            // The portal no longer accepts the cached access token (signed out elsewhere, or ended early).
            throw ExpiredTokenException.builder()
                    .message("The IAM Identity Center sign-in for " + portal.startUrl() + " is no longer valid")
                    .cause(e).build();
        }
    }

    /** Drops cached role credentials so the next call asks the portal again. */
    void forget() {
        SsoCredentialsProvider old = delegate;
        delegate = build();
        old.close();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "SsoRoleCredentials[" + roleName + " @ " + accountId + " via " + portal.startUrl() + "]";
    }
}
