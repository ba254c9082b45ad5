package dev.tollgate.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.Action;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionDurationsTest {

    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    private final ActionDurations durations = new ActionDurations();

    @Test
    void anActionSeenInProgressThenSucceededTookTheTimeBetweenItsTwoStatusChangesAndOneRunSaysHalfOfIt() {
        watchBuild("team-api", "run-1", T, Duration.ofSeconds(150));

        assertThat(atLeast("team-api")).contains(Duration.ofSeconds(75));
    }

    @Test
    void nothingIsLearntFromAnotherRunNorFromARunFirstSeenFinished() {
        durations.learn(PipelineStates.buildRunning("team-api", "run-1", T),
                PipelineStates.builtAndAwaitingApproval("team-api", "run-2", T.plusSeconds(150)));
        durations.learn(PipelineStates.idle("team-api"),
                PipelineStates.builtAndAwaitingApproval("team-api", "run-3", T.plusSeconds(40)));

        assertThat(atLeast("team-api")).isEmpty();
    }

    @Test
    void aFewRunsFromAWideSpreadSayLittleManyCloseRunsSayMuch() {
        // Shortest 130 s, longest 290 s, 3 runs: 130 - 160 / 2.
        assertThat(ActionDurations.lowerBound(seconds(200, 130, 290))).isEqualTo(Duration.ofSeconds(50));
        // Shortest 200 s, longest 210 s, 6 runs: 200 - 10 / 5, but never above nine tenths of 200.
        assertThat(ActionDurations.lowerBound(seconds(200, 202, 204, 206, 208, 210))).isEqualTo(Duration.ofSeconds(180));
        assertThat(ActionDurations.lowerBound(seconds(30, 600))).isEqualTo(Duration.ZERO);
    }

    @Test
    void thePipelinesOwnLastFiveRunsCountFromTheThirdOn() {
        watchBuild("billing-api", "other", T, Duration.ofSeconds(40));
        watchBuild("team-api", "run-1", T, Duration.ofSeconds(60));
        watchBuild("team-api", "run-2", T.plusSeconds(1000), Duration.ofSeconds(200));
        assertThat(atLeast("team-api")).as("two own runs: the account's three stand in").contains(Duration.ZERO);

        for (int i = 3; i <= 7; i++) {
            watchBuild("team-api", "run-" + i, T.plusSeconds(1000L * i), Duration.ofSeconds(200 + 2 * (i - 3)));
        }

        // The last five own runs: 200 to 208 s, nine tenths of the shortest; the 60-second run is forgotten.
        assertThat(atLeast("team-api")).contains(Duration.ofSeconds(180));
    }

    @Test
    void aPipelineNeverSeenBuildingBorrowsTheRunsOfTheSameActionElsewhere() {
        watchBuild("team-api", "run-1", T, Duration.ofSeconds(200));
        watchBuild("billing-api", "run-2", T, Duration.ofSeconds(130));

        // 130 - 70 / 1.
        assertThat(atLeast("new-service")).contains(Duration.ofSeconds(60));
    }

    @Test
    void aDeletedPipelinesRunsNoLongerCountAsItsOwn() {
        for (int i = 1; i <= 3; i++) {
            watchBuild("team-api", "run-" + i, T.plusSeconds(1000L * i), Duration.ofSeconds(200));
        }
        watchBuild("billing-api", "other", T, Duration.ofSeconds(100));
        assertThat(atLeast("team-api")).contains(Duration.ofSeconds(180));

        durations.forget("team-api");

        // The account's four runs: 100 - 100 / 3.
        assertThat(atLeast("team-api")).contains(Duration.ofNanos(66_666_666_667L));
    }

    private void watchBuild(String pipeline, String runId, Instant startedAt, Duration took) {
        durations.learn(PipelineStates.buildRunning(pipeline, runId, startedAt),
                PipelineStates.builtAndAwaitingApproval(pipeline, runId, startedAt.plus(took)));
    }

    private static List<Duration> seconds(long... values) {
        return java.util.Arrays.stream(values).mapToObj(Duration::ofSeconds).toList();
    }

    private Optional<Duration> atLeast(String pipeline) {
        PipelineSnapshot snapshot = PipelineStates.building(pipeline);
        Stage build = snapshot.stage("Build").orElseThrow();
        Action action = build.actions().get(0);
        return durations.atLeast(pipeline, build, action);
    }
}
