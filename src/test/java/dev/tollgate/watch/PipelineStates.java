package dev.tollgate.watch;

import dev.tollgate.pipeline.Action;
import dev.tollgate.pipeline.ActionCategory;
import dev.tollgate.pipeline.ActionRun;
import dev.tollgate.pipeline.ApprovalRun;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.Status;
import dev.tollgate.pipeline.Transition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Snapshots of a Source → Build → Approval → Deploy pipeline in the states the watcher tells apart. Runs
 * ended at {@link #LONG_AGO} unless said otherwise, so the pipeline reads as idle.
 */
final class PipelineStates {

    static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");

    private PipelineStates() {
    }

    static PipelineSnapshot idle(String name) {
        return of(name, 1, "Succeeded", "Succeeded", "Succeeded", "Succeeded", null, LONG_AGO);
    }

    static PipelineSnapshot idleWithVersion(String name, int version) {
        return of(name, version, "Succeeded", "Succeeded", "Succeeded", "Succeeded", null, LONG_AGO);
    }

    /** Finished a moment before {@code at}: idle, but recently active. */
    static PipelineSnapshot finishedAt(String name, Instant at) {
        return of(name, 1, "Succeeded", "Succeeded", "Succeeded", "Succeeded", null, at);
    }

    static PipelineSnapshot building(String name) {
        return of(name, 1, "Succeeded", "InProgress", "Succeeded", "Succeeded", null, LONG_AGO);
    }

    static PipelineSnapshot awaitingApproval(String name) {
        return of(name, 1, "Succeeded", "Succeeded", "InProgress", "Succeeded", "token-" + name, LONG_AGO);
    }

    static PipelineSnapshot deploying(String name) {
        return of(name, 1, "Succeeded", "Succeeded", "Succeeded", "InProgress", null, LONG_AGO);
    }

    /** A newer execution held before the Approval stage while an older one waits for a decision there. */
    static PipelineSnapshot heldBehindWaitingApproval(String name) {
        PipelineSnapshot waiting = awaitingApproval(name);
        List<Stage> stages = new java.util.ArrayList<>(waiting.stages());
        Stage approval = stages.get(2);
        stages.set(2, new Stage(approval.name(), approval.inbound(), approval.actions(), approval.latest(),
                Optional.of("exec-newer")));
        return new PipelineSnapshot(name, 1, "SUPERSEDED", stages, waiting.fetchedAt());
    }

    /** A newer execution builds while an older one waits for a decision at the approval. */
    static PipelineSnapshot buildingBehindWaitingApproval(String name) {
        return of(name, 1, "Succeeded", "InProgress", "InProgress", "Succeeded", "token-" + name, LONG_AGO);
    }

    /**
     * PARALLEL mode: two executions wait at the approval (their tokens only in the approval runs, the state has
     * none), and a third builds when {@code building} says so.
     */
    static PipelineSnapshot parallelWithTwoWaiting(String name, boolean building) {
        PipelineSnapshot state = of(name, 1, "Succeeded", building ? "InProgress" : "Succeeded", "InProgress",
                "Succeeded", null, LONG_AGO);
        List<ApprovalRun> runs = List.of(
                new ApprovalRun("exec-a", "Approval", "Approval", Status.fromWire("InProgress"), "token-a", LONG_AGO,
                        LONG_AGO, null, null),
                new ApprovalRun("exec-b", "Approval", "Approval", Status.fromWire("InProgress"), "token-b", LONG_AGO,
                        LONG_AGO, null, null));
        return new PipelineSnapshot(name, 1, "PARALLEL", state.stages(), LONG_AGO, List.of(), runs);
    }

    /** Build run {@code runId} in progress since {@code startedAt}; the approval after it has not run yet. */
    static PipelineSnapshot buildRunning(String name, String runId, Instant startedAt) {
        return withBuildRun(building(name), runId, "InProgress", startedAt);
    }

    /** Build run {@code runId} succeeded at {@code endedAt} and the approval after it waits. */
    static PipelineSnapshot builtAndAwaitingApproval(String name, String runId, Instant endedAt) {
        return withBuildRun(awaitingApproval(name), runId, "Succeeded", endedAt);
    }

    private static PipelineSnapshot withBuildRun(PipelineSnapshot snapshot, String runId, String status, Instant at) {
        List<Stage> stages = new java.util.ArrayList<>(snapshot.stages());
        stages.set(1, stage("Build", ActionCategory.BUILD, runId, status, null, at));
        return new PipelineSnapshot(snapshot.name(), snapshot.version(), snapshot.executionMode(), stages, at);
    }

    private static PipelineSnapshot of(String name, int version, String source, String build, String approval,
            String deploy, String token, Instant changedAt) {
        return new PipelineSnapshot(name, version, "SUPERSEDED", List.of(
                stage("Source", ActionCategory.SOURCE, source, null, changedAt),
                stage("Build", ActionCategory.BUILD, build, null, changedAt),
                stage("Approval", ActionCategory.APPROVAL, approval, token, changedAt),
                stage("Deploy", ActionCategory.DEPLOY, deploy, null, changedAt)), changedAt);
    }

    private static Stage stage(String name, ActionCategory category, String status, String token, Instant changedAt) {
        return stage(name, category, "ae-" + name + "-" + status, status, token, changedAt);
    }

    private static Stage stage(String name, ActionCategory category, String runId, String status, String token,
            Instant changedAt) {
        ActionRun run = new ActionRun(runId, Status.fromWire(status), null, changedAt, token,
                null, null, null, null, null);
        Action action = new Action(name, category, "Provider", 1, Map.of(), Optional.of(run), Optional.empty(), null,
                Optional.empty());
        return new Stage(name, Transition.ALWAYS_ENABLED, List.of(action),
                Optional.of(new Stage.StageRun("exec-1", Status.fromWire(status))), Optional.empty());
    }
}
