package dev.tollgate.pipeline;

import java.util.Objects;

/**
 * A failed call to AWS, translated into what it means for the approver. The message is a sentence meant for
 * the window; it never carries credentials, tokens or stack traces.
 */
public final class GatewayException extends RuntimeException {

    /** What went wrong, so that callers can react (refresh, retry later, go read-only) without parsing text. */
    public enum Problem {
        NOT_FOUND,
        ACCESS_DENIED,
        THROTTLED,
        /** Somebody decided this approval already, or the wait ended. */
        APPROVAL_ALREADY_DECIDED,
        /** The token no longer matches the waiting approval: a newer execution or a retry replaced it. */
        APPROVAL_TOKEN_CHANGED,
        INVALID_REQUEST,
        EXPIRED_CREDENTIALS,
        NO_CREDENTIALS,
        UNREACHABLE,
        SERVICE_ERROR
    }

    private final Problem problem;

    public GatewayException(Problem problem, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public GatewayException(Problem problem, String message) {
        this(problem, message, null);
    }

    public Problem problem() {
        return problem;
    }

    /** Worth trying again later without the user changing anything. */
    public boolean isTransient() {
        return problem == Problem.THROTTLED || problem == Problem.UNREACHABLE || problem == Problem.SERVICE_ERROR;
    }
}
