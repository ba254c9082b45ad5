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
    void anActionSeenInProgressThenSucceededTookTheTimeBetweenItsTwoStatusChanges() {
        watchBuild("team-api", "run-1", T, Duration.ofSeconds(150));

        assertThat(shortest("team-api")).contains(Duration.ofSeconds(150));
    }

    @Test
    void nothingIsLearntFromAnotherRunNorFromARunFirstSeenFinished() {
        durations.learn(PipelineStates.buildRunning("team-api", "run-1", T),
                PipelineStates.builtAndAwaitingApproval("team-api", "run-2", T.plusSeconds(150)));
        durations.learn(PipelineStates.idle("team-api"),
                PipelineStates.builtAndAwaitingApproval("team-api", "run-3", T.plusSeconds(40)));

        assertThat(shortest("team-api")).isEmpty();
    }

    @Test
    void theShortestOfThePipelinesLastFiveRunsCounts() {
        watchBuild("team-api", "run-1", T, Duration.ofSeconds(60));
        for (int i = 2; i <= 6; i++) {
            watchBuild("team-api", "run-" + i, T.plusSeconds(1000L * i), Duration.ofSeconds(100 + i));
        }

        // The 60-second run is six runs old: forgotten.
        assertThat(shortest("team-api")).contains(Duration.ofSeconds(102));
    }

    @Test
    void aPipelineNeverSeenBuildingBorrowsTheShortestOfTheSameActionElsewhereButItsOwnRunsComeFirst() {
        watchBuild("team-api", "run-1", T, Duration.ofSeconds(200));
        watchBuild("billing-api", "run-2", T, Duration.ofSeconds(130));

        assertThat(shortest("new-service")).contains(Duration.ofSeconds(130));
        assertThat(shortest("team-api")).contains(Duration.ofSeconds(200));
    }

    @Test
    void aDeletedPipelinesRunsNoLongerCountAsItsOwn() {
        watchBuild("team-api", "run-1", T, Duration.ofSeconds(200));
        watchBuild("billing-api", "run-2", T, Duration.ofSeconds(130));

        durations.forget("team-api");

        assertThat(shortest("team-api")).contains(Duration.ofSeconds(130));
    }

    @Test
    void theEarliestEndAllowsForARunFasterThanAnySeen() {
        assertThat(ActionDurations.earliestEnd(T, Duration.ofSeconds(120))).isEqualTo(T.plusSeconds(90));
    }

    private void watchBuild(String pipeline, String runId, Instant startedAt, Duration took) {
        durations.learn(PipelineStates.buildRunning(pipeline, runId, startedAt),
                PipelineStates.builtAndAwaitingApproval(pipeline, runId, startedAt.plus(took)));
    }

    private Optional<Duration> shortest(String pipeline) {
        PipelineSnapshot snapshot = PipelineStates.building(pipeline);
        Stage build = snapshot.stage("Build").orElseThrow();
        Action action = build.actions().get(0);
        return durations.shortest(pipeline, build, action);
    }
}
