package dev.tollgate.aws;

import dev.tollgate.identity.DeviceCode;
import dev.tollgate.identity.PendingSignIn;
import dev.tollgate.identity.SignInOutcome;
import dev.tollgate.identity.SignInWait;
import dev.tollgate.identity.SsoPortal;
import dev.tollgate.pipeline.GatewayException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * One OAuth device authorization (RFC 8628) against IAM Identity Center: polls CreateToken at the interval
 * Identity Center asked for, five seconds slower after each {@code slow_down}, until the person approves,
 * declines, the code expires or the approver cancels; then writes the token to the CLI's cache.
 */
final class DeviceSignIn implements PendingSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSignIn.class);
    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    // RFC 8628 §3.5: on slow_down the interval grows by 5 seconds for this and all later requests.
    private static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    private final SsoPortal portal;
    private final SsoOidcClient oidc;
    private final SsoTokenCache cache;
    private final Clock clock;
    private final String clientId;
    private final String clientSecret;
    private final Optional<Instant> registrationExpiresAt;
    private final String deviceCode;
    private final DeviceCode code;
    private Duration interval;

    DeviceSignIn(SsoPortal portal, SsoOidcClient oidc, SsoTokenCache cache, Clock clock, RegisterClientResponse client,
            StartDeviceAuthorizationResponse device) {
        this.portal = portal;
        this.oidc = oidc;
        this.cache = cache;
        this.clock = clock;
        this.clientId = client.clientId();
        this.clientSecret = client.clientSecret();
        this.registrationExpiresAt = Optional.ofNullable(client.clientSecretExpiresAt())
                .filter(seconds -> seconds > 0).map(Instant::ofEpochSecond);
        this.deviceCode = device.deviceCode();
        Instant expires = clock.instant().plusSeconds(device.expiresIn() == null ? 600 : device.expiresIn());
        this.code = new DeviceCode(device.userCode(), device.verificationUri(),
                Optional.ofNullable(device.verificationUriComplete()).orElse(device.verificationUri()), expires);
        this.interval = device.interval() == null || device.interval() <= 0 ? DEFAULT_INTERVAL
                : Duration.ofSeconds(device.interval());
    }

    @Override
    public DeviceCode code() {
        return code;
    }

    @Override
    public SignInOutcome await(SignInWait wait) {
        while (true) {
            if (!wait.pause(interval)) {
                LOG.info("Sign-in to {} cancelled", portal.label());
                return new SignInOutcome.Cancelled();
            }
            if (!clock.instant().isBefore(code.expiresAt())) {
                return new SignInOutcome.CodeExpired();
            }
            try {
                CreateTokenResponse token = oidc.createToken(request -> request.clientId(clientId)
                        .clientSecret(clientSecret).grantType(DEVICE_GRANT).deviceCode(deviceCode));
                return signedIn(token);
            } catch (AuthorizationPendingException pending) {
                // The person has not answered yet.
            } catch (SlowDownException slowDown) {
                interval = interval.plus(SLOW_DOWN_STEP);
                LOG.info("Identity Center asked to poll more slowly: every {} s now", interval.toSeconds());
            } catch (ExpiredTokenException expired) {
                return new SignInOutcome.CodeExpired();
            } catch (AccessDeniedException denied) {
                return new SignInOutcome.Denied();
            } catch (SdkException e) {
                throw AwsErrors.translate("Could not finish signing in to " + portal.startUrl(), e);
            }
        }
    }

    private SignInOutcome.SignedIn signedIn(CreateTokenResponse response) {
        Instant expiresAt = clock.instant().plusSeconds(response.expiresIn() == null ? 3600 : response.expiresIn());
        CachedSsoToken token = new CachedSsoToken(portal.startUrl(), portal.region(), response.accessToken(), expiresAt,
                Optional.of(clientId), Optional.of(clientSecret), registrationExpiresAt,
                Optional.ofNullable(response.refreshToken()));
        try {
            cache.write(portal, token);
        } catch (IOException e) {
            throw new GatewayException(GatewayException.Problem.SERVICE_ERROR, "Signed in, but could not save the sign-in to "
                    + cache.fileFor(portal) + " (" + e.getClass().getSimpleName() + ")", e);
        }
        LOG.info("Signed in to {} until {}", portal.label(), expiresAt);
        return new SignInOutcome.SignedIn(portal, expiresAt);
    }

    @Override
    public String toString() {
        return "DeviceSignIn[" + portal.label() + ", code " + code.userCode() + "]";
    }
}
