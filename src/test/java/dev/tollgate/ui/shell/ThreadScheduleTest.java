package dev.tollgate.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ThreadScheduleTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void countsTheCallingThreadsTimeOnACpu() {
        try (ThreadSchedule schedule = ThreadSchedule.ofCurrentThread().orElseThrow()) {
            long before = schedule.onCpuNanos();
            long spinUntil = System.nanoTime() + 30_000_000;
            long spins = 0;
            while (System.nanoTime() < spinUntil) {
                spins++;
            }
            assertThat(schedule.read()).isTrue();
            assertThat(spins).isPositive();
            assertThat(schedule.onCpuNanos() - before).isGreaterThan(0);
            assertThat(schedule.queuedNanos()).isNotNegative();
        }
    }
}
