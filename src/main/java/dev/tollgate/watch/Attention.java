package dev.tollgate.watch;

import dev.tollgate.pipeline.Action;
import dev.tollgate.pipeline.ActionCategory;
import dev.tollgate.pipeline.ActionRun;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How closely a pipeline is watched, from what its last snapshot shows. Declared in priority order: when
 * several pipelines are due, the first kind goes first.
 */
enum Attention {

    /** An execution runs (or is held) in a stage at or before a manual approval: a new approval is coming. */
    BEFORE_APPROVAL(0.5),
    /** Never asked yet: anything may be waiting there. */
    UNKNOWN(1.0),
    /** An execution runs past its approvals (deploying) or in a pipeline without approval. */
    RUNNING(0.15),
    /** An approval waits for a decision; somebody may decide it outside Tollgate. */
    AWAITING_DECISION(0.1),
    /** Nothing runs, but something changed lately: a follow-up push is likely. */
    RECENTLY_ACTIVE(0.1),
    /** Nothing runs and nothing changed lately. */
    IDLE(1.0);

    /**
     * The largest share of the current rate pipelines of this kind may use together; beyond it their interval
     * stretches. The shares of the watched kinds add up to 0.85, so idle pipelines always keep some budget and
     * a new execution anywhere is still noticed when many run at once.
     */
    private final double maxShare;

    Attention(double maxShare) {
        this.maxShare = maxShare;
    }

    double maxShare() {
        return maxShare;
    }

    /**
     * @param lastChange when the watcher last saw this pipeline change, or null
     */
    static Attention of(PipelineSnapshot snapshot, Instant lastChange, Instant now, Duration recentWindow) {
        List<Stage> stages = snapshot.stages();
        boolean running = false;
        boolean awaitingDecision = false;
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            boolean waitingHere = stage.actions().stream().anyMatch(Action::isWaitingForApproval);
            boolean runningHere = isActive(stage.status());
            // A held execution moves in as soon as the stage frees up, unless a person holds it: a disabled
            // transition, or an approval in this stage that waits for somebody's decision.
            boolean heldMovingIn = stage.heldExecutionId().isPresent() && stage.inbound().enabled() && !waitingHere;
            if ((runningHere && approvalAhead(stages, i, false)) || (heldMovingIn && approvalAhead(stages, i, true))) {
                return BEFORE_APPROVAL;
            }
            running |= runningHere || stage.heldExecutionId().isPresent();
            awaitingDecision |= waitingHere;
        }
        if (awaitingDecision) {
            return AWAITING_DECISION;
        }
        if (running) {
            return RUNNING;
        }
        Instant recentSince = now.minus(recentWindow);
        boolean changedLately = lastChange != null && lastChange.isAfter(recentSince);
        boolean ranLately = stages.stream().flatMap(stage -> stage.actions().stream())
                .flatMap(action -> action.latest().stream())
                .map(ActionRun::lastStatusChange)
                .anyMatch(at -> at != null && at.isAfter(recentSince));
        return changedLately || ranLately ? RECENTLY_ACTIVE : IDLE;
    }

    private static boolean isActive(Status status) {
        return status.is(Status.Kind.IN_PROGRESS) || status.is(Status.Kind.STOPPING);
    }

    /**
     * A manual approval that the execution in stage {@code from} has still to reach: in a later stage, or in
     * this one when the execution has not entered it yet or the approval has not run in it yet.
     */
    private static boolean approvalAhead(List<Stage> stages, int from, boolean notEnteredYet) {
        for (int j = from; j < stages.size(); j++) {
            for (Action action : stages.get(j).actions()) {
                if (action.category() == ActionCategory.APPROVAL && !action.isWaitingForApproval()
                        && (j > from || notEnteredYet || !action.status().isTerminal())) {
                    return true;
                }
            }
        }
        return false;
    }
}
