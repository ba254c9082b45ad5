package dev.tollgate.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a pipeline's history: the execution as ListPipelineExecutions reports it, with the outcome of each
 * of its manual approvals (who, what they wrote, when), newest first.
 */
public record ExecutionSummary(PipelineExecution execution, List<ApprovalOutcome> approvals) {

    public ExecutionSummary {
        Objects.requireNonNull(execution, "execution");
        approvals = List.copyOf(approvals);
    }

    public String executionId() {
        return execution.executionId();
    }

    public Status status() {
        return execution.status();
    }

    public Instant startTime() {
        return execution.startTime();
    }

    /** When it ended; absent while it still runs (or waits). */
    public Optional<Instant> endTime() {
        return execution.status().isTerminal() ? Optional.ofNullable(execution.lastUpdateTime()) : Optional.empty();
    }

    /** How long it ran, or has been running by {@code now}. */
    public Optional<Duration> duration(Instant now) {
        Instant start = execution.startTime();
        Instant end = endTime().orElse(now);
        return start == null || end == null ? Optional.empty() : Optional.of(Duration.between(start, end));
    }

    /** Whether a person approved or rejected any approval of this execution. */
    public boolean hasDecision() {
        return approvals.stream().anyMatch(ApprovalOutcome::isDecision);
    }

    /** The approval to show in one cell: the latest decision, else the latest approval of any kind. */
    public Optional<ApprovalOutcome> headlineApproval() {
        return approvals.stream().filter(ApprovalOutcome::isDecision).findFirst()
                .or(() -> approvals.stream().findFirst());
    }

    /** The first revision's commit message, or empty. */
    public String commitMessage() {
        return execution.revisions().stream().map(Revision::summary).filter(Objects::nonNull).findFirst().orElse("");
    }
}
