package dev.tollgate.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttentionTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration RECENT = Duration.ofMinutes(15);

    @Test
    void aBuildRunningTowardsAnApprovalComesFirst() {
        assertThat(Attention.of(PipelineStates.building("a"), null, NOW, RECENT)).isEqualTo(Attention.BEFORE_APPROVAL);
    }

    @Test
    void theApprovalAfterABuildCannotAppearBeforeTheBuildHasRunAsLongAsItsRunsSayItTakesAtTheLeast() {
        ActionDurations durations = new ActionDurations();
        for (int i = 1; i <= 3; i++) {
            Instant started = NOW.minusSeconds(1000L * i);
            durations.learn(PipelineStates.buildRunning("a", "run-" + i, started),
                    PipelineStates.builtAndAwaitingApproval("a", "run-" + i, started.plusSeconds(110 + 10 * i)));
        }

        assertThat(Attention.approvalNotBefore(PipelineStates.buildRunning("a", "run-2", NOW), durations))
                .as("runs of 120 to 140 s seen: at least half the shortest").contains(NOW.plusSeconds(60));
        assertThat(Attention.approvalNotBefore(PipelineStates.buildRunning("b", "run-3", NOW), new ActionDurations()))
                .as("a build never seen to end").isEmpty();
        assertThat(Attention.approvalNotBefore(PipelineStates.heldBehindWaitingApproval("a"), durations))
                .as("no build runs: the held execution may move in any moment").isEmpty();
    }

    @Test
    void aWaitingApprovalAwaitsADecision() {
        assertThat(Attention.of(PipelineStates.awaitingApproval("a"), null, NOW, RECENT))
                .isEqualTo(Attention.AWAITING_DECISION);
    }

    @Test
    void anExecutionHeldBehindAWaitingApprovalIsNextInLine() {
        // Whoever decides the waiting approval lets it in, and its own approval appears at once.
        assertThat(Attention.of(PipelineStates.heldBehindWaitingApproval("a"), null, NOW, RECENT))
                .isEqualTo(Attention.NEXT_IN_LINE);
    }

    @Test
    void aBuildRunningWhileAnEarlierExecutionWaitsAtTheApprovalIsNextInLine() {
        assertThat(Attention.of(PipelineStates.buildingBehindWaitingApproval("a"), null, NOW, RECENT))
                .isEqualTo(Attention.NEXT_IN_LINE);
    }

    @Test
    void parallelExecutionsWaitingAtAnApprovalAwaitADecisionThoughTheStateShowsNoToken() {
        assertThat(Attention.of(PipelineStates.parallelWithTwoWaiting("a", false), null, NOW, RECENT))
                .isEqualTo(Attention.AWAITING_DECISION);
    }

    @Test
    void inParallelModeABuildStillRunsTowardsAnApprovalWhereOthersWait() {
        // It does not queue behind them: its own approval comes as soon as it is built.
        assertThat(Attention.of(PipelineStates.parallelWithTwoWaiting("a", true), null, NOW, RECENT))
                .isEqualTo(Attention.BEFORE_APPROVAL);
    }

    @Test
    void aDeployPastTheApprovalIsMerelyRunning() {
        assertThat(Attention.of(PipelineStates.deploying("a"), null, NOW, RECENT)).isEqualTo(Attention.RUNNING);
    }

    @Test
    void aPipelineThatFinishedMinutesAgoIsRecentlyActive() {
        assertThat(Attention.of(PipelineStates.finishedAt("a", NOW.minusSeconds(300)), null, NOW, RECENT))
                .isEqualTo(Attention.RECENTLY_ACTIVE);
    }

    @Test
    void aPipelineSeenChangingLatelyIsRecentlyActiveEvenIfItsRunsAreOld() {
        assertThat(Attention.of(PipelineStates.idle("a"), NOW.minusSeconds(60), NOW, RECENT))
                .isEqualTo(Attention.RECENTLY_ACTIVE);
    }

    @Test
    void aPipelineQuietForLongerThanTheWindowIsIdle() {
        assertThat(Attention.of(PipelineStates.idle("a"), NOW.minus(RECENT).minusSeconds(1), NOW, RECENT))
                .isEqualTo(Attention.IDLE);
    }
}
