package dev.tollgate.identity;

import java.time.Instant;

/** How a device sign-in ended. Failures to reach AWS are thrown instead, as {@code GatewayException}s. */
public sealed interface SignInOutcome {

    /** Signed in; the token is in the shared cache until {@code expiresAt} (and refreshable after, when possible). */
    record SignedIn(SsoPortal portal, Instant expiresAt) implements SignInOutcome {
    }

    /** The person declined the request in the browser. */
    record Denied() implements SignInOutcome {
    }

    /** Nobody approved the code before it expired. */
    record CodeExpired() implements SignInOutcome {
    }

    /** The approver cancelled the wait in the app. */
    record Cancelled() implements SignInOutcome {
    }
}
