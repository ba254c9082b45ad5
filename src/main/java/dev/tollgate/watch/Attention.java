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
    BEFORE_APPROVAL(true),
    /** Never asked yet: anything may be waiting there. */
    UNKNOWN(true),
    /** An execution runs past its approvals (deploying) or in a pipeline without approval. */
    RUNNING(false),
    /** An approval waits for a decision; somebody may decide it outside Tollgate. */
    AWAITING_DECISION(false),
    /** Nothing runs, but something changed lately: a follow-up push is likely. */
    RECENTLY_ACTIVE(false),
    /** Nothing runs and nothing changed lately. */
    IDLE(false);

    /**
     * Urgent pipelines go before all others when due. The others share what is left in order of due time
     * only: their kinds differ in how often they want to be asked, not in rank, so that when the budget is
     * short a crowd of running or waiting pipelines cannot starve the idle ones, where new executions start.
     */
    private final boolean urgent;

    Attention(boolean urgent) {
        this.urgent = urgent;
    }

    boolean urgent() {
        return urgent;
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
            // In PARALLEL mode the state shows no token: the snapshot's own list of waits tells.
            boolean waitingHere = stage.actions().stream()
                    .anyMatch(action -> snapshot.waitsForApprovalAt(stage.name(), action.name()));
            boolean runningHere = isActive(stage.status());
            // A held execution moves in as soon as the stage frees up, unless a person holds it: a disabled
            // transition, or an approval in this stage that waits for somebody's decision.
            boolean heldMovingIn = stage.heldExecutionId().isPresent() && stage.inbound().enabled() && !waitingHere;
            if ((runningHere && approvalAhead(snapshot, i, false)) || (heldMovingIn && approvalAhead(snapshot, i, true))) {
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
    private static boolean approvalAhead(PipelineSnapshot snapshot, int from, boolean notEnteredYet) {
        List<Stage> stages = snapshot.stages();
        for (int j = from; j < stages.size(); j++) {
            for (Action action : stages.get(j).actions()) {
                // Executions queue behind a waiting approval, so none reaches it soon; in PARALLEL mode they do
                // not queue, and only a wait in the stage the execution is in is the one already known.
                boolean waitHoldsBack = snapshot.waitsForApprovalAt(stages.get(j).name(), action.name())
                        && (j == from || !snapshot.isParallel());
                if (action.category() == ActionCategory.APPROVAL && !waitHoldsBack
                        && (j > from || notEnteredYet || !action.status().isTerminal())) {
                    return true;
                }
            }
        }
        return false;
    }
}
