package dev.tollgate.sandbox.fault;

import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Decides, per AWS call, whether to answer with an injected fault. Settings can change while the sandbox
 * runs (control API {@code /_sandbox/faults}). Draws come from a seeded source, so a single-threaded client
 * sees the same sequence of faults for a seed.
 */
public final class FaultInjector {

    private final Random random;
    private final LongSupplier nanoTime;
    private FaultConfig config;
    private long windowStart;
    private int callsInWindow;
    private boolean windowStarted;
    private long calls;
    private long throttled;
    private long failed;
    /** Until when (nanoTime) every AWS call loses its connection without an answer; 0 when none is cut. */
    private long cutUntil;
    private long dropped;

    /** How many AWS calls the sandbox saw and how many it answered with an injected fault, since start. */
    public record Counts(long calls, long throttled, long failed) {
    }

    public FaultInjector(FaultConfig config, long seed) {
        this(config, seed, System::nanoTime);
    }

    FaultInjector(FaultConfig config, long seed, LongSupplier nanoTime) {
        this.config = config;
        this.random = new Random(seed ^ 0x5DEECE66DL);
        this.nanoTime = nanoTime;
    }

    public synchronized FaultConfig config() {
        return config;
    }

    public synchronized void configure(FaultConfig newConfig) {
        this.config = newConfig;
        this.windowStarted = false;
    }

    /** How long to hold the answer to this operation back. */
    public synchronized int latencyMillis(String operation) {
        return config.appliesTo(operation) ? config.latencyMillis() : 0;
    }

    /**
     * A network outage as clients see it: for this long, every AWS call's connection is closed before any
     * answer, as when a proxy, a VPN or the endpoint itself goes away. Zero ends one early.
     */
    public synchronized void cutConnectionsFor(java.time.Duration duration) {
        cutUntil = duration.isZero() || duration.isNegative() ? 0 : nanoTime.getAsLong() + duration.toNanos();
    }

    /** Whether this call's connection is to be closed unanswered; counted when it is. */
    public synchronized boolean dropsConnection() {
        if (cutUntil == 0 || nanoTime.getAsLong() - cutUntil >= 0) {
            cutUntil = 0;
            return false;
        }
        dropped++;
        return true;
    }

    /** Calls whose connection was cut since start. */
    public synchronized long droppedConnections() {
        return dropped;
    }

    public synchronized Counts counts() {
        return new Counts(calls, throttled, failed);
    }

    /** The fault to answer a call to this operation with, if any; every call counts against the quota. */
    public synchronized Optional<Fault> next(String operation) {
        return next(operation, true);
    }

    /**
     * The fault to answer a call to this operation with, if any. Every call counts; calls to operations the
     * faults do not apply to neither fail nor count against the quota, nor do calls to a service with quotas
     * of its own ({@code countsAgainstQuota=false}).
     */
    public synchronized Optional<Fault> next(String operation, boolean countsAgainstQuota) {
        calls++;
        Optional<Fault> fault = config.appliesTo(operation) ? decide(countsAgainstQuota) : Optional.empty();
        fault.ifPresent(chosen -> {
            if (chosen.httpStatus() >= 500) {
                failed++;
            } else {
                throttled++;
            }
        });
        return fault;
    }

    private Optional<Fault> decide(boolean countsAgainstQuota) {
        if (!config.active()) {
            return Optional.empty();
        }
        if (countsAgainstQuota && config.quotaPerSecond() > 0) {
            long now = nanoTime.getAsLong();
            if (!windowStarted || now - windowStart >= TimeUnit.SECONDS.toNanos(1)) {
                windowStart = now;
                callsInWindow = 0;
                windowStarted = true;
            }
            callsInWindow++;
            if (callsInWindow > config.quotaPerSecond()) {
                return Optional.of(Fault.throttled(": more than " + config.quotaPerSecond() + " calls per second"));
            }
        }
        if (config.throttleRate() > 0 && random.nextDouble() < config.throttleRate()) {
            return Optional.of(Fault.throttled(""));
        }
        if (config.errorRate() > 0 && random.nextDouble() < config.errorRate()) {
            return Optional.of(random.nextBoolean() ? Fault.internalFailure() : Fault.unavailable());
        }
        return Optional.empty();
    }
}
