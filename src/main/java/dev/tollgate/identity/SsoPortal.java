package dev.tollgate.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * An IAM Identity Center sign-in: the start URL of the AWS access portal and the region Identity Center runs
 * in, and, for the CLI's {@code [sso-session NAME]} form, the session's name. The CLI caches a sign-in under
 * the SHA-1 of the session name, or of the start URL for legacy profiles, and Tollgate does the same.
 */
public record SsoPortal(Optional<String> sessionName, String startUrl, String region) {

    public SsoPortal {
        sessionName = sessionName == null ? Optional.empty() : sessionName.filter(n -> !n.isBlank());
        Objects.requireNonNull(startUrl, "startUrl");
        Objects.requireNonNull(region, "region");
    }

    public static SsoPortal session(String name, String startUrl, String region) {
        return new SsoPortal(Optional.of(name), startUrl, region);
    }

    public static SsoPortal legacy(String startUrl, String region) {
        return new SsoPortal(Optional.empty(), startUrl, region);
    }

    /** What the token cache file is named after. */
    public String cacheKey() {
        return sessionName.orElse(startUrl);
    }

    /** "my-sso (https://example.awsapps.com/start)" */
    public String label() {
        return sessionName.map(n -> n + " (" + startUrl + ")").orElse(startUrl);
    }
}
