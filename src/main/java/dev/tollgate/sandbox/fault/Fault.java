package dev.tollgate.sandbox.fault;

/** What the injector decided for one call, as the AWS error it stands for. */
public record Fault(int httpStatus, String code, String message) {

    static Fault throttled(String why) {
        return new Fault(400, "ThrottlingException", "Rate exceeded" + why);
    }

    static Fault internalFailure() {
        return new Fault(500, "InternalFailure", "The request processing has failed because of an unknown error, "
                + "exception or failure (injected by the Tollgate sandbox).");
    }

    static Fault unavailable() {
        return new Fault(503, "ServiceUnavailableException", "The service is unavailable. Please try again later "
                + "(injected by the Tollgate sandbox).");
    }
}
