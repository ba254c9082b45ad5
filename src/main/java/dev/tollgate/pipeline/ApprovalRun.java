package dev.tollgate.pipeline;

import java.time.Instant;
import java.util.Objects;

/**
 * One execution's run of a manual approval, as ListActionExecutions reports it. In PARALLEL mode several
 * executions wait at the same approval and GetPipelineState shows none of their tokens: these runs are how
 * Tollgate tells the waits apart, each with its own execution id and token.
 *
 * @param token    the approval's external execution id, which PutApprovalResult takes as the token
 * @param updatedBy who decided, once somebody did
 * @param summary  the approver's comment, once somebody decided
 */
public record ApprovalRun(
        String pipelineExecutionId,
        String stageName,
        String actionName,
        Status status,
        String token,
        Instant startTime,
        Instant lastUpdateTime,
        String updatedBy,
        String summary) {

    public ApprovalRun {
        Objects.requireNonNull(pipelineExecutionId, "pipelineExecutionId");
        Objects.requireNonNull(stageName, "stageName");
        Objects.requireNonNull(actionName, "actionName");
        Objects.requireNonNull(status, "status");
    }

    /** Waits for a decision now, with a token to send it with. */
    public boolean isWaiting() {
        return status.is(Status.Kind.IN_PROGRESS) && token != null;
    }

    public boolean isAt(String stage, String action) {
        return stageName.equals(stage) && actionName.equals(action);
    }
}
