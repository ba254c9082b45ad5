package dev.tollgate.sandbox;

/** The sandbox could not start, e.g. because its port is taken; the message says why in plain words. */
public final class SandboxStartException extends RuntimeException {

    public SandboxStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
