package dev.tollgate.sandbox.identity;

/**
 * An error of the identity services in their own REST JSON terms: an exception type (sent as
 * {@code x-amzn-ErrorType}), an HTTP status, and for SSO-OIDC the RFC 8628 error code
 * ({@code authorization_pending}, {@code slow_down}, {@code expired_token}...).
 */
final class IdentityError extends RuntimeException {

    private final String type;
    private final String oauthError;
    private final int httpStatus;

    IdentityError(String type, String oauthError, String message, int httpStatus) {
        super(message, null, false, false);
        this.type = type;
        this.oauthError = oauthError;
        this.httpStatus = httpStatus;
    }

    String type() {
        return type;
    }

    /** The OAuth error code, or null for the portal's errors. */
    String oauthError() {
        return oauthError;
    }

    int httpStatus() {
        return httpStatus;
    }
}
