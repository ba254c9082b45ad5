package dev.tollgate.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What Tollgate asks of CodePipeline, in the approver's terms. Implemented over the AWS SDK in {@code aws};
 * every method blocks on the network and must never be called on the JavaFX thread.
 * Failures are reported as {@link GatewayException} with a message fit for the user.
 */
public interface PipelineGateway {

    /** Every pipeline of the connection, all pages. */
    List<PipelineSummary> listPipelines();

    /** The pipeline's declaration joined with its current state. */
    PipelineSnapshot snapshot(String pipelineName);

    /** One execution with its source revisions and trigger. */
    PipelineExecution execution(String pipelineName, String executionId);

    /** Every action execution of one pipeline execution, all pages, newest first as AWS returns them. */
    List<ActionExecutionRecord> actionExecutions(String pipelineName, String executionId);

    /** The newest execution that succeeded through the named stage: what that stage runs today. */
    Optional<PipelineExecution> lastSucceededThrough(String pipelineName, String stageName);

    /**
     * Records the decision for exactly the reviewed wait (execution and token).
     *
     * @return when CodePipeline recorded it
     */
    Instant decide(ApprovalRequest request, ApprovalDecision decision);
}
