package dev.tollgate.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.Action;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionDurationsTest {

    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    private final ActionDurations durations = new ActionDurations();

    @Test
    void anActionSeenInProgressThenSucceededTookTheTimeBetweenItsTwoStatusChangesAndThreeRunsSayHalfTheShortest() {
        watchBuild("team-api", "run-1", T, Duration.ofSeconds(150));
        watchBuild("team-api", "run-2", T.plusSeconds(1000), Duration.ofSeconds(170));
        assertThat(atLeast("team-api")).as("two runs say little").isEmpty();

        watchBuild("team-api", "run-3", T.plusSeconds(2000), Duration.ofSeconds(160));

        assertThat(atLeast("team-api")).contains(Duration.ofSeconds(75));
    }

    @Test
    void nothingIsLearntFromAnotherRunNorFromARunFirstSeenFinished() {
        for (int i = 0; i < 3; i++) {
            durations.learn(PipelineStates.buildRunning("team-api", "run-1", T),
                    PipelineStates.builtAndAwaitingApproval("team-api", "run-2", T.plusSeconds(150)));
            durations.learn(PipelineStates.idle("team-api"),
                    PipelineStates.builtAndAwaitingApproval("team-api", "run-3", T.plusSeconds(40)));
        }

        assertThat(atLeast("team-api")).isEmpty();
    }

    @Test
    void thePipelinesOwnLastFiveRunsCountFromTheThirdOnTheAccountsBefore() {
        watchBuild("billing-api", "other", T, Duration.ofSeconds(40));
        watchBuild("team-api", "run-1", T, Duration.ofSeconds(60));
        watchBuild("team-api", "run-2", T.plusSeconds(1000), Duration.ofSeconds(200));
        assertThat(atLeast("team-api")).as("two own runs: the account's three stand in").contains(Duration.ofSeconds(20));

        for (int i = 3; i <= 7; i++) {
            watchBuild("team-api", "run-" + i, T.plusSeconds(1000L * i), Duration.ofSeconds(200 + 2 * (i - 3)));
        }

        // The last five own runs, 200 to 208 s; the 60-second run is forgotten.
        assertThat(atLeast("team-api")).contains(Duration.ofSeconds(100));
    }

    @Test
    void aPipelineNeverSeenBuildingBorrowsTheRunsOfTheSameActionElsewhere() {
        watchBuild("team-api", "run-1", T, Duration.ofSeconds(200));
        watchBuild("billing-api", "run-2", T, Duration.ofSeconds(130));
        watchBuild("orders-api", "run-3", T, Duration.ofSeconds(150));

        assertThat(atLeast("new-service")).contains(Duration.ofSeconds(65));
    }

    @Test
    void aDeletedPipelinesRunsNoLongerCountAsItsOwn() {
        for (int i = 1; i <= 3; i++) {
            watchBuild("team-api", "run-" + i, T.plusSeconds(1000L * i), Duration.ofSeconds(200));
        }
        watchBuild("billing-api", "other", T, Duration.ofSeconds(100));
        assertThat(atLeast("team-api")).contains(Duration.ofSeconds(100));

        durations.forget("team-api");

        assertThat(atLeast("team-api")).contains(Duration.ofSeconds(50));
    }

    private void watchBuild(String pipeline, String runId, Instant startedAt, Duration took) {
        durations.learn(PipelineStates.buildRunning(pipeline, runId, startedAt),
                PipelineStates.builtAndAwaitingApproval(pipeline, runId, startedAt.plus(took)));
    }

    private Optional<Duration> atLeast(String pipeline) {
        PipelineSnapshot snapshot = PipelineStates.building(pipeline);
        Stage build = snapshot.stage("Build").orElseThrow();
        Action action = build.actions().get(0);
        return durations.atLeast(pipeline, build, action);
    }
}
