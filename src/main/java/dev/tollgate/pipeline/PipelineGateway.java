package dev.tollgate.pipeline;

import java.time.Instant;
import java.util.List;

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

    /**
     * Records the decision for exactly the reviewed wait (execution and token).
     *
     * @return when CodePipeline recorded it
     */
    Instant decide(ApprovalRequest request, ApprovalDecision decision);
}
