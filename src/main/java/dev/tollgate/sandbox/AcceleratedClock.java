package dev.tollgate.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Wall time sped up: {@code speed} simulated seconds pass per real second, counted from {@code origin}.
 * At speed 60 a three-minute build takes three real seconds, which keeps a demo lively.
 */
public final class AcceleratedClock implements SandboxClock {

    private final Instant origin;
    private final double speed;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private long skippedNanos;

    public AcceleratedClock(Instant origin, double speed) {
        this(origin, speed, System::nanoTime);
    }

    AcceleratedClock(Instant origin, double speed, LongSupplier nanoTime) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, was " + speed);
        }
        this.origin = origin;
        this.speed = speed;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    public double speed() {
        return speed;
    }

    @Override
    public synchronized Instant now() {
        long elapsed = nanoTime.getAsLong() - startNanos;
        long simulatedNanos = (long) (elapsed * speed) + skippedNanos;
        return origin.plusNanos(simulatedNanos);
    }

    @Override
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A sandbox clock never goes back: " + duration);
        }
        skippedNanos += duration.toNanos();
    }
}
