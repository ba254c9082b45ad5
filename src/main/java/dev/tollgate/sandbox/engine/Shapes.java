package dev.tollgate.sandbox.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Read-only snapshots the engine hands out, named and shaped after the CodePipeline model's output shapes
 * so they serialise straight to the wire (null members are left out).
 */
public final class Shapes {

    private Shapes() {
    }

    public record Page<T>(List<T> items, String nextToken) {
    }

    public record PipelineSummary(String name, int version, String pipelineType, ExecutionMode executionMode,
                                  Instant created, Instant updated) {
    }

    public record PipelineMetadata(String pipelineArn, Instant created, Instant updated) {
    }

    public record PipelineState(String pipelineName, int pipelineVersion, List<StageState> stageStates,
                                Instant created, Instant updated) {
    }

    public record StageState(String stageName, StageExecution inboundExecution, List<StageExecution> inboundExecutions,
                             TransitionState inboundTransitionState, List<ActionState> actionStates,
                             StageExecution latestExecution, StageConditionState beforeEntryConditionState,
                             StageConditionState onSuccessConditionState, StageConditionState onFailureConditionState,
                             RetryStageMetadata retryStageMetadata) {
    }

    public record StageConditionState(StageConditionsExecution latestExecution, List<ConditionState> conditionStates) {
    }

    public record StageConditionsExecution(String status, String summary) {
    }

    public record ConditionState(ConditionExecution latestExecution, List<RuleState> ruleStates) {
    }

    public record ConditionExecution(String status, String summary, Instant lastStatusChange) {
    }

    public record RuleState(String ruleName, RuleExecution latestExecution) {
    }

    public record RuleExecution(String ruleExecutionId, String status, String summary, Instant lastStatusChange) {
    }

    public record PipelineRollbackMetadata(String rollbackTargetPipelineExecutionId) {
    }

    public record RetryStageMetadata(int manualStageRetryAttempt, String latestRetryTrigger) {
    }

    public record ResolvedPipelineVariable(String name, String resolvedValue) {
    }

    public record StageExecution(String pipelineExecutionId, String status, String type) {
    }

    public record TransitionState(boolean enabled, String lastChangedBy, Instant lastChangedAt, String disabledReason) {
    }

    public record ActionState(String actionName, ActionRevision currentRevision, ActionExecution latestExecution,
                              String entityUrl, String revisionUrl) {
    }

    public record ActionRevision(String revisionId, String revisionChangeId, Instant created) {
    }

    public record ActionExecution(String actionExecutionId, ActionExecutionStatus status, String summary,
                                  Instant lastStatusChange, String token, String lastUpdatedBy,
                                  String externalExecutionId, String externalExecutionUrl, ErrorDetails errorDetails) {
    }

    public record PipelineExecutionSummary(String pipelineExecutionId, PipelineExecutionStatus status,
                                           String statusSummary, Instant startTime, Instant lastUpdateTime,
                                           List<SourceRevision> sourceRevisions, Trigger trigger,
                                           StopExecutionTrigger stopTrigger, ExecutionMode executionMode,
                                           String executionType, PipelineRollbackMetadata rollbackMetadata) {
    }

    public record SourceRevision(String actionName, String revisionId, String revisionSummary, String revisionUrl) {
    }

    public record StopExecutionTrigger(String reason) {
    }

    public record PipelineExecution(String pipelineName, int pipelineVersion, String pipelineExecutionId,
                                    PipelineExecutionStatus status, String statusSummary,
                                    List<ArtifactRevision> artifactRevisions,
                                    List<ResolvedPipelineVariable> variables, Trigger trigger,
                                    ExecutionMode executionMode, String executionType,
                                    PipelineRollbackMetadata rollbackMetadata) {
    }

    public record ArtifactRevision(String name, String revisionId, String revisionChangeIdentifier,
                                   String revisionSummary, Instant created, String revisionUrl) {
    }

    public record ActionExecutionDetail(String pipelineExecutionId, String actionExecutionId, int pipelineVersion,
                                        String stageName, String actionName, Instant startTime,
                                        Instant lastUpdateTime, String updatedBy, ActionExecutionStatus status,
                                        ActionExecutionInput input, ActionExecutionOutput output) {
    }

    public record ActionExecutionInput(ActionTypeId actionTypeId, Map<String, String> configuration,
                                       Map<String, String> resolvedConfiguration, String roleArn, String region,
                                       List<ArtifactDetail> inputArtifacts) {
    }

    public record ArtifactDetail(String name, S3Location s3location) {
    }

    public record S3Location(String bucket, String key) {
    }

    public record ActionExecutionOutput(List<ArtifactDetail> outputArtifacts, ActionExecutionResult executionResult,
                                        Map<String, String> outputVariables) {
    }

    public record ActionExecutionResult(String externalExecutionId, String externalExecutionSummary,
                                        String externalExecutionUrl, ErrorDetails errorDetails) {
    }
}
