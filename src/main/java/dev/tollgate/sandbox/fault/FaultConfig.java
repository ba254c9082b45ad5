package dev.tollgate.sandbox.fault;

import java.util.Set;

/**
 * Trouble to inject into AWS API answers, so the app's retry and error handling can be exercised.
 *
 * @param throttleRate   share of calls (0..1) answered with ThrottlingException
 * @param errorRate      share of calls (0..1) answered with HTTP 500 InternalFailure or 503 ServiceUnavailableException
 * @param latencyMillis  delay added before every answer
 * @param quotaPerSecond calls allowed per second before ThrottlingException; 0 means no quota
 * @param operations     the operations (e.g. {@code PutApprovalResult}, S3 {@code GetObject}) the faults apply to;
 *                       empty means every call, so one step of a flow can fail while the rest works
 */
public record FaultConfig(double throttleRate, double errorRate, int latencyMillis, int quotaPerSecond,
                          Set<String> operations) {

    /** Faults for every call. */
    public FaultConfig(double throttleRate, double errorRate, int latencyMillis, int quotaPerSecond) {
        this(throttleRate, errorRate, latencyMillis, quotaPerSecond, Set.of());
    }

    public FaultConfig {
        operations = Set.copyOf(operations);
        requireRate("throttleRate", throttleRate);
        requireRate("errorRate", errorRate);
        if (latencyMillis < 0 || latencyMillis > 60_000) {
            throw new IllegalArgumentException("latencyMillis must be between 0 and 60000, was " + latencyMillis);
        }
        if (quotaPerSecond < 0) {
            throw new IllegalArgumentException("quotaPerSecond must not be negative, was " + quotaPerSecond);
        }
    }

    public static FaultConfig none() {
        return new FaultConfig(0, 0, 0, 0);
    }

    public boolean active() {
        return throttleRate > 0 || errorRate > 0 || latencyMillis > 0 || quotaPerSecond > 0;
    }

    /** The same faults, for these operations only. */
    public FaultConfig onlyFor(Set<String> names) {
        return new FaultConfig(throttleRate, errorRate, latencyMillis, quotaPerSecond, names);
    }

    public boolean appliesTo(String operation) {
        return operations.isEmpty() || operations.contains(operation);
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + rate);
        }
    }
}
