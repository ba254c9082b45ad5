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
import java.util.Optional;

/**
 * How closely a pipeline is watched, from what its last snapshot shows. Declared in priority order: when
 * several pipelines are due, the first kind goes first.
 */
enum Attention {

    /** An execution runs (or is held) in a stage at or before a manual approval: a new approval is coming. */
    BEFORE_APPROVAL(true),
    /**
     * An execution runs or waits before an approval where an earlier one waits for a decision: whoever decides,
     * in Tollgate, the console or the CLI, lets it move on, and its own approval appears at once.
     */
    NEXT_IN_LINE(true),
    /**
     * An execution runs towards a manual approval that it cannot reach for a while yet: the actions it runs
     * have not run as long as their runs seen so far say they take at the least ({@link #approvalNotBefore}).
     * Asked at the running interval until then, and urgent so that the turn when the approval can be near is
     * taken on time.
     */
    BEFORE_APPROVAL_LATER(true),
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
        boolean nextInLine = false;
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            // In PARALLEL mode the state shows no token: the snapshot's own list of waits tells.
            boolean waitingHere = stage.actions().stream()
                    .anyMatch(action -> snapshot.waitsForApprovalAt(stage.name(), action.name()));
            boolean runningHere = isActive(stage.status());
            // A held execution moves in as soon as the stage frees up, unless a person holds it: a disabled
            // transition, or an approval in this stage that waits for somebody's decision.
            boolean heldMovingIn = stage.heldExecutionId().isPresent() && stage.inbound().enabled() && !waitingHere;
            Ahead ahead = runningHere ? approvalAhead(snapshot, i, false)
                    : heldMovingIn ? approvalAhead(snapshot, i, true) : Ahead.NONE;
            if (ahead == Ahead.FREE) {
                return BEFORE_APPROVAL;
            }
            // Held before this very stage, whose approval waits: the decision lets it in.
            boolean heldBehindWait = stage.heldExecutionId().isPresent() && stage.inbound().enabled() && waitingHere;
            nextInLine |= ahead == Ahead.HELD_BACK || heldBehindWait;
            running |= runningHere || stage.heldExecutionId().isPresent();
            awaitingDecision |= waitingHere;
        }
        if (nextInLine) {
            return NEXT_IN_LINE;
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

    /**
     * For a pipeline running towards an approval ({@link #BEFORE_APPROVAL}): the earliest instant the approval
     * can appear, from how long the actions in progress take at the least; empty when that is unknown (an
     * action never seen to succeed, an execution held before a stage that may free up any moment).
     */
    static Optional<Instant> approvalNotBefore(PipelineSnapshot snapshot, ActionDurations durations) {
        List<Stage> stages = snapshot.stages();
        Instant earliest = null;
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            boolean runningHere = isActive(stage.status());
            boolean heldMovingIn = stage.heldExecutionId().isPresent() && stage.inbound().enabled();
            if (heldMovingIn && approvalAhead(snapshot, i, true) == Ahead.FREE) {
                return Optional.empty();
            }
            if (runningHere && approvalAhead(snapshot, i, false) == Ahead.FREE) {
                Optional<Instant> stageEnd = earliestEnd(snapshot.name(), stage, durations);
                if (stageEnd.isEmpty()) {
                    return Optional.empty();
                }
                earliest = earliest == null || stageEnd.get().isBefore(earliest) ? stageEnd.get() : earliest;
            }
        }
        return Optional.ofNullable(earliest);
    }

    /**
     * When the actions in progress in the stage can all have succeeded at the earliest, so that an approval after
     * them can start; empty when an approval of this stage runs alongside them, or none of them is known.
     */
    private static Optional<Instant> earliestEnd(String pipelineName, Stage stage, ActionDurations durations) {
        int approvalOrder = stage.actions().stream().filter(action -> action.category() == ActionCategory.APPROVAL)
                .mapToInt(Action::runOrder).min().orElse(Integer.MAX_VALUE);
        Instant end = null;
        for (Action action : stage.actions()) {
            if (action.category() == ActionCategory.APPROVAL || !isActive(action.status())) {
                continue;
            }
            if (action.runOrder() >= approvalOrder) {
                return Optional.empty();
            }
            Instant startedAt = action.latest().map(ActionRun::lastStatusChange).orElse(null);
            Optional<Duration> atLeast = durations.atLeast(pipelineName, stage, action);
            if (startedAt != null && atLeast.isPresent()) {
                // The approval needs every one of them done: the latest of their earliest ends.
                Instant actionEnd = startedAt.plus(atLeast.get());
                end = end == null || actionEnd.isAfter(end) ? actionEnd : end;
            }
        }
        return Optional.ofNullable(end);
    }

    private static boolean isActive(Status status) {
        return status.is(Status.Kind.IN_PROGRESS) || status.is(Status.Kind.STOPPING);
    }

    /** What lies ahead of an execution: no approval, only approvals an earlier execution waits at, or a free one. */
    private enum Ahead { NONE, HELD_BACK, FREE }

    /**
     * The manual approvals that the execution in stage {@code from} has still to reach: in a later stage, or in
     * this one when the execution has not entered it yet or the approval has not run in it yet.
     */
    private static Ahead approvalAhead(PipelineSnapshot snapshot, int from, boolean notEnteredYet) {
        List<Stage> stages = snapshot.stages();
        Ahead found = Ahead.NONE;
        for (int j = from; j < stages.size(); j++) {
            for (Action action : stages.get(j).actions()) {
                // Executions queue behind a waiting approval: this one reaches it when somebody decides. In
                // PARALLEL mode they do not queue, and only a wait in the stage the execution is in is the one
                // already known.
                boolean waitHoldsBack = snapshot.waitsForApprovalAt(stages.get(j).name(), action.name())
                        && (j == from || !snapshot.isParallel());
                boolean stillToReach = j > from || notEnteredYet;
                if (action.category() == ActionCategory.APPROVAL && (stillToReach || !action.status().isTerminal())) {
                    if (!waitHoldsBack) {
                        return Ahead.FREE;
                    }
                    if (stillToReach) {
                        // Where it has entered the stage, the wait there is its own.
                        found = Ahead.HELD_BACK;
                    }
                }
            }
        }
        return found;
    }
}
