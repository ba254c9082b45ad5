package dev.tollgate.sandbox.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One pipeline execution in flight or in history. */
final class PipelineRun {

    final String id;
    final PipelineRecord pipeline;
    /** The declaration this execution runs with; later updates to the pipeline do not change it. */
    final PipelineDefinition definition;
    final int pipelineVersion;
    final Trigger trigger;
    final Commit commit;
    final Instant startTime;
    /** For a rollback execution, the earlier execution whose artifacts it deploys again; null otherwise. */
    final String rollbackTarget;
    PipelineExecutionStatus status = PipelineExecutionStatus.InProgress;
    String statusSummary;
    String stopReason;
    boolean abandonRequested;
    final Map<String, String> variables = new LinkedHashMap<>();
    Instant lastUpdateTime;
    /** Index of the stage the execution is in or waiting to enter. */
    int stageIndex = -1;
    final List<StageRun> stageRuns = new ArrayList<>();
    final List<ActionRun> actionRuns = new ArrayList<>();
    final Map<String, ArtifactLocation> artifacts = new LinkedHashMap<>();

    PipelineRun(String id, PipelineRecord pipeline, Trigger trigger, Commit commit, Instant startTime) {
        this(id, pipeline, trigger, commit, startTime, null);
    }

    PipelineRun(String id, PipelineRecord pipeline, Trigger trigger, Commit commit, Instant startTime,
                String rollbackTarget) {
        this.id = id;
        this.rollbackTarget = rollbackTarget;
        this.pipeline = pipeline;
        this.definition = pipeline.definition;
        this.pipelineVersion = pipeline.version;
        this.trigger = trigger;
        this.commit = commit;
        this.startTime = startTime;
        this.lastUpdateTime = startTime;
    }

    boolean isRollback() {
        return rollbackTarget != null;
    }

    /** The model's ExecutionType. */
    String executionType() {
        return isRollback() ? "ROLLBACK" : "STANDARD";
    }

    StageDefinition currentStage() {
        return definition.stages().get(stageIndex);
    }

    StageRun stageRun(String stageName) {
        for (int i = stageRuns.size() - 1; i >= 0; i--) {
            if (stageRuns.get(i).stage.name().equals(stageName)) {
                return stageRuns.get(i);
            }
        }
        return null;
    }

    boolean succeededIn(String stageName) {
        return stageRuns.stream().anyMatch(s -> s.stage.name().equals(stageName)
                && s.status == StageExecutionStatus.Succeeded);
    }
}
