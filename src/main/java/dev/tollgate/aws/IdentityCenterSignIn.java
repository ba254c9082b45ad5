package dev.tollgate.aws;

import dev.tollgate.identity.PendingSignIn;
import dev.tollgate.identity.SignInOutcome;
import dev.tollgate.identity.SignInService;
import dev.tollgate.identity.SsoAccount;
import dev.tollgate.identity.SsoPortal;
import dev.tollgate.pipeline.GatewayException;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.auth.ExpiredTokenException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * IAM Identity Center over the SDK's {@code ssooidc} and {@code sso} clients, with the CLI's token cache:
 * device sign-in, silent refresh with the refresh token, and the accounts and roles of the signed-in person.
 * Clients are built per Identity Center region on first use and share the connection's HTTP client.
 */
public final class IdentityCenterSignIn implements SignInService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityCenterSignIn.class);
    static final String CLIENT_NAME = "tollgate";
    /** The scope the CLI asks for with sso-session: enough to list accounts and get role credentials. */
    static final String ACCOUNT_ACCESS_SCOPE = "sso:account:access";

    private final SsoTokenCache cache;
    private final SdkHttpClient http;
    private final Optional<URI> oidcEndpoint;
    private final Optional<URI> portalEndpoint;
    private final Clock clock;
    private final Map<String, SsoOidcClient> oidcClients = new ConcurrentHashMap<>();
    private final Map<String, SsoClient> portalClients = new ConcurrentHashMap<>();

    /**
     * @param cacheDirectory the CLI's {@code ~/.aws/sso/cache} (a temporary folder in tests)
     * @param oidcEndpoint   endpoint override for SSO-OIDC (the sandbox, AWS_ENDPOINT_URL_SSO_OIDC), if any
     * @param portalEndpoint endpoint override for the SSO portal (the sandbox, AWS_ENDPOINT_URL_SSO), if any
     */
    public IdentityCenterSignIn(java.nio.file.Path cacheDirectory, SdkHttpClient http, Optional<URI> oidcEndpoint,
            Optional<URI> portalEndpoint, Clock clock) {
        this.cache = new SsoTokenCache(cacheDirectory);
        this.http = http;
        this.oidcEndpoint = oidcEndpoint;
        this.portalEndpoint = portalEndpoint;
        this.clock = clock;
    }

    @Override
    public Optional<SignInOutcome.SignedIn> existingSignIn(SsoPortal portal) {
        return usableToken(portal).map(token -> new SignInOutcome.SignedIn(portal, token.expiresAt()));
    }

    @Override
    public PendingSignIn begin(SsoPortal portal) {
        SsoOidcClient oidc = oidc(portal.region());
        try {
            RegisterClientResponse client = oidc.registerClient(request -> {
                request.clientName(CLIENT_NAME).clientType("public");
                // Legacy start-URL sign-ins have no scopes, and so no refresh token, as with the CLI.
                portal.sessionName().ifPresent(name -> request.scopes(ACCOUNT_ACCESS_SCOPE));
            });
            StartDeviceAuthorizationResponse device = oidc.startDeviceAuthorization(request -> request
                    .clientId(client.clientId()).clientSecret(client.clientSecret()).startUrl(portal.startUrl()));
            LOG.info("Started an IAM Identity Center sign-in for {}", portal.label());
            return new DeviceSignIn(portal, oidc, cache, clock, client, device);
        } catch (SdkException e) {
            throw AwsErrors.translate("Could not start signing in to " + portal.startUrl(), e);
        }
    }

    @Override
    public List<SsoAccount> accounts(SsoPortal portal) {
        String token = accessToken(portal);
        try {
            List<SsoAccount> accounts = new ArrayList<>();
            portal(portal.region()).listAccountsPaginator(request -> request.accessToken(token)).accountList()
                    .forEach(a -> accounts.add(new SsoAccount(a.accountId(), a.accountName(), a.emailAddress())));
            return accounts;
        } catch (UnauthorizedException e) {
            throw signInNeeded(portal, "Could not list your AWS accounts", e);
        } catch (SdkException e) {
            throw AwsErrors.translate("Could not list your AWS accounts", e);
        }
    }

    @Override
    public List<String> roles(SsoPortal portal, String accountId) {
        String token = accessToken(portal);
        try {
            List<String> roles = new ArrayList<>();
            portal(portal.region()).listAccountRolesPaginator(request -> request.accessToken(token).accountId(accountId))
                    .roleList().forEach(r -> roles.add(r.roleName()));
            return roles;
        } catch (UnauthorizedException e) {
            throw signInNeeded(portal, "Could not list your roles in " + accountId, e);
        } catch (SdkException e) {
            throw AwsErrors.translate("Could not list your roles in " + accountId, e);
        }
    }

    /**
     * A valid access token for the portal, refreshed if it has expired and can be.
     *
     * @throws ExpiredTokenException (an SDK client exception, so SDK calls pass it through) when only a new
     *         sign-in helps
     */
    String accessToken(SsoPortal portal) {
        return usableToken(portal).map(CachedSsoToken::accessToken).orElseThrow(() -> ExpiredTokenException.builder()
                .message("The IAM Identity Center sign-in for " + portal.startUrl() + " has expired or is missing")
                .build());
    }

    /** The portal client of a region, for the role credentials of SSO connections. */
    SsoClient portal(String region) {
        return portalClients.computeIfAbsent(region, r -> {
            var builder = SsoClient.builder().region(Region.of(r)).httpClient(http)
                    .credentialsProvider(AnonymousCredentialsProvider.create());
            portalEndpoint.ifPresent(builder::endpointOverride);
            return builder.build();
        });
    }

    private SsoOidcClient oidc(String region) {
        return oidcClients.computeIfAbsent(region, r -> {
            var builder = SsoOidcClient.builder().region(Region.of(r)).httpClient(http)
                    .credentialsProvider(AnonymousCredentialsProvider.create());
            oidcEndpoint.ifPresent(builder::endpointOverride);
            return builder.build();
        });
    }

    // Serialised: two refreshes with one refresh token would leave one of them with a token Identity Center revoked.
    private synchronized Optional<CachedSsoToken> usableToken(SsoPortal portal) {
        Instant now = clock.instant();
        Optional<CachedSsoToken> cached = cache.read(portal);
        if (cached.isEmpty() || cached.get().isUsableAt(now)) {
            return cached;
        }
        CachedSsoToken expired = cached.get();
        if (!expired.isRefreshableAt(now)) {
            return Optional.empty();
        }
        try {
            CreateTokenResponse fresh = oidc(portal.region()).createToken(request -> request
                    .clientId(expired.clientId().get()).clientSecret(expired.clientSecret().get())
                    .grantType("refresh_token").refreshToken(expired.refreshToken().get()));
            CachedSsoToken refreshed = new CachedSsoToken(expired.startUrl(), expired.region(), fresh.accessToken(),
                    now.plusSeconds(fresh.expiresIn()), expired.clientId(), expired.clientSecret(),
                    expired.registrationExpiresAt(),
                    Optional.ofNullable(fresh.refreshToken()).or(expired::refreshToken));
            cache.write(portal, refreshed);
            LOG.info("Refreshed the IAM Identity Center sign-in for {}", portal.label());
            return Optional.of(refreshed);
        } catch (InvalidGrantException e) {
            // Another program (the CLI) may have refreshed first and rotated the refresh token: use its result.
            Optional<CachedSsoToken> reread = cache.read(portal).filter(t -> t.isUsableAt(now));
            if (reread.isEmpty()) {
                LOG.info("The IAM Identity Center sign-in for {} can no longer be refreshed", portal.label());
            }
            return reread;
        } catch (SdkException e) {
            LOG.warn("Could not refresh the IAM Identity Center sign-in for {}: {}", portal.label(),
                    AwsErrors.translate("Refresh failed", e).getMessage());
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Could not save the refreshed sign-in for {} ({})", portal.label(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static GatewayException signInNeeded(SsoPortal portal, String action, Exception cause) {
        return new GatewayException(GatewayException.Problem.EXPIRED_CREDENTIALS,
                action + ": your IAM Identity Center sign-in for " + portal.startUrl() + " has expired. Sign in again.",
                cause);
    }

    @Override
    public void close() {
        oidcClients.values().forEach(SsoOidcClient::close);
        portalClients.values().forEach(SsoClient::close);
    }
}
