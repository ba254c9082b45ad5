package dev.tollgate.aws;

import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineCommands;
import dev.tollgate.pipeline.RetryMode;
import dev.tollgate.pipeline.StopMode;
import dev.tollgate.pipeline.StopReason;
import dev.tollgate.pipeline.TransitionReason;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.StageRetryMode;
import software.amazon.awssdk.services.codepipeline.model.StageTransitionType;

/**
 * {@link PipelineCommands} over the AWS SDK's CodePipeline client. Errors are translated by {@link AwsErrors};
 * the refusals that only these commands meet (nothing to stop, a stage that cannot be retried now) are worded
 * here, with AWS's own reason, because they are not failures of the connection but answers about the pipeline.
 */
public final class CodePipelineCommands implements PipelineCommands {

    /** Answers that mean "not in this state", whose AWS message already says why. */
    private static final Set<String> REFUSED_IN_THIS_STATE = Set.of(
            "PipelineExecutionNotStoppableException", "DuplicatedStopRequestException",
            "StageNotRetryableException", "NotLatestPipelineExecutionException", "ConflictException",
            "ConcurrentPipelineExecutionsLimitExceededException", "PipelineExecutionOutdatedException");

    private final CodePipelineClient client;

    public CodePipelineCommands(CodePipelineClient client) {
        this.client = Objects.requireNonNull(client);
    }

    @Override
    public void disableTransition(String pipelineName, String stageName, TransitionReason reason) {
        Objects.requireNonNull(reason, "reason");
        try {
            client.disableStageTransition(request -> request
                    .pipelineName(pipelineName)
                    .stageName(stageName)
                    .transitionType(StageTransitionType.INBOUND)
                    .reason(reason.text()));
        } catch (SdkException e) {
            throw translate("Could not disable the transition into " + stageName + " of " + pipelineName, e);
        }
    }

    @Override
    public void enableTransition(String pipelineName, String stageName) {
        try {
            client.enableStageTransition(request -> request
                    .pipelineName(pipelineName)
                    .stageName(stageName)
                    .transitionType(StageTransitionType.INBOUND));
        } catch (SdkException e) {
            throw translate("Could not enable the transition into " + stageName + " of " + pipelineName, e);
        }
    }

    @Override
    public void stopExecution(String pipelineName, String executionId, StopMode mode, StopReason reason) {
        try {
            client.stopPipelineExecution(request -> request
                    .pipelineName(pipelineName)
                    .pipelineExecutionId(executionId)
                    .abandon(mode == StopMode.STOP_AND_ABANDON)
                    // An empty reason is sent as none: AWS records "" as a reason otherwise.
                    .reason(reason == null || reason.isEmpty() ? null : reason.text()));
        } catch (SdkException e) {
            throw translate("Could not stop execution " + shortId(executionId) + " of " + pipelineName, e);
        }
    }

    @Override
    public String retryStage(String pipelineName, String stageName, String executionId, RetryMode mode) {
        try {
            return client.retryStageExecution(request -> request
                            .pipelineName(pipelineName)
                            .stageName(stageName)
                            .pipelineExecutionId(executionId)
                            .retryMode(mode == RetryMode.ALL_ACTIONS ? StageRetryMode.ALL_ACTIONS
                                    : StageRetryMode.FAILED_ACTIONS))
                    .pipelineExecutionId();
        } catch (SdkException e) {
            throw translate("Could not retry " + stageName + " of " + pipelineName, e);
        }
    }

    @Override
    public String startExecution(String pipelineName) {
        try {
            // The SDK fills in the idempotency token, so its own retries never start a second execution.
            return client.startPipelineExecution(request -> request.name(pipelineName)).pipelineExecutionId();
        } catch (SdkException e) {
            throw translate("Could not release a change in " + pipelineName, e);
        }
    }

    private static GatewayException translate(String action, SdkException error) {
        if (error instanceof AwsServiceException service && service.awsErrorDetails() != null
                && REFUSED_IN_THIS_STATE.contains(service.awsErrorDetails().errorCode())) {
            String reason = sentence(service.awsErrorDetails().errorMessage());
            return new GatewayException(GatewayException.Problem.INVALID_REQUEST,
                    action + ": " + (reason.isEmpty() ? "not possible in its current state." : reason), error);
        }
        return AwsErrors.translate(action, error);
    }

    /** AWS's message as the end of a sentence: first line, lower-case start kept as is, one final period. */
    private static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String line = message.strip().lines().findFirst().orElse("");
        if (line.length() > 300) {
            line = line.substring(0, 300) + "…";
        }
        return line.endsWith(".") ? line : line + ".";
    }

    private static String shortId(String id) {
        return id == null ? "?" : id.substring(0, Math.min(8, id.length()));
    }
}
