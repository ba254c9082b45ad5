package dev.tollgate.pipeline;

/**
 * What an approver changes in CodePipeline besides approvals: transitions, stops, retries and releases.
 * Implemented over the AWS SDK in {@code aws}; every method blocks on the network and must never be called
 * on the JavaFX thread. Failures are reported as {@link GatewayException} whose message is a sentence naming
 * the pipeline and stage and carrying AWS's reason.
 */
public interface PipelineCommands {

    /** Stops executions from entering the stage (its inbound transition) until enabled again. */
    void disableTransition(String pipelineName, String stageName, TransitionReason reason);

    /** Lets executions enter the stage again; one held before it enters at once. */
    void enableTransition(String pipelineName, String stageName);

    /** Stops a running execution, letting its running actions finish or abandoning them. */
    void stopExecution(String pipelineName, String executionId, StopMode mode, StopReason reason);

    /**
     * Runs a failed or stopped stage of the stage's latest execution again.
     *
     * @return the id of the execution that runs again (the same one)
     */
    String retryStage(String pipelineName, String stageName, String executionId, RetryMode mode);

    /**
     * Starts a new execution with the latest source revisions ("Release change").
     *
     * @return the new execution's id
     */
    String startExecution(String pipelineName);
}
