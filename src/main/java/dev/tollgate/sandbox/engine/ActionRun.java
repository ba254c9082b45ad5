package dev.tollgate.sandbox.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One action execution. */
final class ActionRun {

    final String id;
    final StageRun stageRun;
    final ActionDefinition action;
    final Instant startTime;
    ActionExecutionStatus status = ActionExecutionStatus.InProgress;
    Instant lastUpdateTime;
    String summary;
    String token;
    String updatedBy;
    String externalExecutionId;
    String externalExecutionUrl;
    String externalExecutionSummary;
    ErrorDetails errorDetails;
    /** Set at start when this execution is meant to fail when its work is done. */
    ErrorDetails plannedFailure;
    final List<ArtifactLocation> inputs = new ArrayList<>();
    final List<ArtifactLocation> outputs = new ArrayList<>();

    ActionRun(String id, StageRun stageRun, ActionDefinition action, Instant startTime) {
        this.id = id;
        this.stageRun = stageRun;
        this.action = action;
        this.startTime = startTime;
        this.lastUpdateTime = startTime;
    }

    PipelineRun run() {
        return stageRun.run;
    }

    String stageName() {
        return stageRun.stage.name();
    }

    boolean inProgress() {
        return status == ActionExecutionStatus.InProgress;
    }
}
