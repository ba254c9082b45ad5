package dev.tollgate.sandbox.model;

/** One broken constraint, phrased the way AWS phrases it in a ValidationException. */
public record Violation(String path, String renderedValue, String constraint) {

    public String message() {
        return "Value " + renderedValue + " at '" + path + "' failed to satisfy constraint: " + constraint;
    }
}
