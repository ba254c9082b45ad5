package dev.tollgate.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClocksTest {

    private static final Instant ORIGIN = Instant.parse("2025-06-02T09:30:00Z");

    @Test
    void theAcceleratedClockRunsSpeedTimesWallTimeAndCanSkipAhead() {
        AtomicLong nanos = new AtomicLong(5_000);
        AcceleratedClock clock = new AcceleratedClock(ORIGIN, 60, nanos::get);
        assertThat(clock.now()).isEqualTo(ORIGIN);

        nanos.addAndGet(Duration.ofSeconds(3).toNanos());
        assertThat(clock.now()).isEqualTo(ORIGIN.plus(Duration.ofMinutes(3)));

        clock.advance(Duration.ofHours(1));
        assertThat(clock.now()).isEqualTo(ORIGIN.plus(Duration.ofMinutes(63)));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AcceleratedClock(ORIGIN, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theManualClockMovesOnlyWhenTold() {
        ManualClock clock = new ManualClock(ORIGIN);
        assertThat(clock.now()).isEqualTo(ORIGIN);
        clock.advance(Duration.ofDays(7));
        assertThat(clock.now()).isEqualTo(ORIGIN.plus(Duration.ofDays(7)));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCallerSuppliedClockThatCannotAdvanceSaysSo() {
        SandboxClock fixed = () -> ORIGIN;
        assertThatThrownBy(() -> fixed.advance(Duration.ofSeconds(1))).isInstanceOf(UnsupportedOperationException.class);
    }
}
