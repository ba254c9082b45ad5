package dev.tollgate.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A clock that only moves when told to: tests advance it and the engine follows on the next request. */
public final class ManualClock implements SandboxClock {

    private Instant now;

    public ManualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A sandbox clock never goes back: " + duration);
        }
        now = now.plus(duration);
    }
}
