package dev.tollgate.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A manual approval waiting for a decision. The pipeline execution id and the token together identify
 * exactly what is being reviewed: a decision is only ever sent for this pair.
 */
public record ApprovalRequest(
        String pipelineName,
        String stageName,
        String actionName,
        String pipelineExecutionId,
        String token,
        Instant waitingSince,
        Duration timeout,
        String customData,
        String externalEntityLink) {

    /** CodePipeline fails an approval nobody decided after seven days unless the action says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofDays(7);

    public ApprovalRequest {
        Objects.requireNonNull(pipelineName, "pipelineName");
        Objects.requireNonNull(stageName, "stageName");
        Objects.requireNonNull(actionName, "actionName");
        Objects.requireNonNull(token, "token");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    public Instant expiresAt() {
        return waitingSince == null ? null : waitingSince.plus(timeout);
    }

    /** True when both describe the same wait: same execution, same token. */
    public boolean sameWaitAs(ApprovalRequest other) {
        return other != null
                && pipelineName.equals(other.pipelineName)
                && stageName.equals(other.stageName)
                && actionName.equals(other.actionName)
                && token.equals(other.token)
                && Objects.equals(pipelineExecutionId, other.pipelineExecutionId);
    }

    public String location() {
        return pipelineName + " › " + stageName + " › " + actionName;
    }
}
