package dev.tollgate.sandbox.engine;

/**
 * An error the sandbox answers the way AWS would: an error shape name from the service model
 * (e.g. {@code PipelineNotFoundException}), a message, and the HTTP status.
 */
public final class ServiceError extends RuntimeException {

    private final String code;
    private final int httpStatus;

    public ServiceError(String code, String message) {
        this(code, message, 400);
    }

    public ServiceError(String code, String message, int httpStatus) {
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public static ServiceError validation(String message) {
        return new ServiceError("ValidationException", message);
    }
}
