package dev.tollgate.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One run of one action in a pipeline execution, as the execution history (ListActionExecutions) reports it:
 * when it started and last changed, how it ended and why, the artifacts it read and wrote, and who decided it
 * when it is a manual approval.
 *
 * @param updatedBy the ARN of whoever last changed it: the approver, for a decided approval
 * @param summary   the external execution summary: the approver's comment, for an approval
 */
public record ActionStep(
        String pipelineExecutionId,
        String actionExecutionId,
        String stageName,
        String actionName,
        ActionCategory category,
        String provider,
        Status status,
        Instant startTime,
        Instant lastUpdateTime,
        String updatedBy,
        String summary,
        String externalExecutionId,
        String externalExecutionUrl,
        String errorCode,
        String errorMessage,
        List<ArtifactLocation> inputArtifacts,
        List<ArtifactLocation> outputArtifacts) {

    public ActionStep {
        category = category == null ? ActionCategory.UNKNOWN : category;
        status = status == null ? Status.NOT_RUN : status;
        inputArtifacts = List.copyOf(inputArtifacts);
        outputArtifacts = List.copyOf(outputArtifacts);
    }

    public boolean isApproval() {
        return category == ActionCategory.APPROVAL;
    }

    /** When it ended; absent while it runs, because AWS keeps moving lastUpdateTime until then. */
    public Optional<Instant> endTime() {
        return status.isTerminal() ? Optional.ofNullable(lastUpdateTime) : Optional.empty();
    }

    /** How long it ran, or has been running by {@code now}. */
    public Optional<Duration> duration(Instant now) {
        if (startTime == null) {
            return Optional.empty();
        }
        Instant end = endTime().orElse(now);
        return end == null ? Optional.empty() : Optional.of(Duration.between(startTime, end));
    }

    /** The approval this step records, if it is one. */
    public Optional<ApprovalOutcome> approval() {
        return isApproval() ? Optional.of(ApprovalOutcome.of(this)) : Optional.empty();
    }
}
