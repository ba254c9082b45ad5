package dev.tollgate.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One IAM Identity Center sign-in as the AWS CLI v2 caches it in {@code ~/.aws/sso/cache/<sha1>.json}: the
 * access token and its expiry, the portal, and (for refreshing) the OIDC client registration and refresh
 * token. {@link #toString()} names no secret, so a stray log line cannot leak one.
 */
record CachedSsoToken(String startUrl, String region, String accessToken, Instant expiresAt,
                      Optional<String> clientId, Optional<String> clientSecret,
                      Optional<Instant> registrationExpiresAt, Optional<String> refreshToken) {

    // The SDK refreshes this long before expiry too, so a call never starts with a token about to lapse.
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    CachedSsoToken {
        Objects.requireNonNull(startUrl, "startUrl");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        clientId = clientId == null ? Optional.empty() : clientId;
        clientSecret = clientSecret == null ? Optional.empty() : clientSecret;
        registrationExpiresAt = registrationExpiresAt == null ? Optional.empty() : registrationExpiresAt;
        refreshToken = refreshToken == null ? Optional.empty() : refreshToken;
    }

    boolean isUsableAt(Instant now) {
        return now.plus(REFRESH_MARGIN).isBefore(expiresAt);
    }

    /** Whether a refresh can be tried: a refresh token and a client registration that has not lapsed. */
    boolean isRefreshableAt(Instant now) {
        return refreshToken.isPresent() && clientId.isPresent() && clientSecret.isPresent()
                && registrationExpiresAt.map(now::isBefore).orElse(true);
    }

    @Override
    public String toString() {
        return "CachedSsoToken[" + startUrl + ", " + region + ", expires " + expiresAt
                + (refreshToken.isPresent() ? ", refreshable" : "") + "]";
    }
}
