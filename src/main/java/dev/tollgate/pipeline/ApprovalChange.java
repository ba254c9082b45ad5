package dev.tollgate.pipeline;

import java.time.Instant;
import java.util.Optional;

/**
 * What happened to an approval while somebody reviewed it. A reviewer's decision is only ever sent for the
 * wait they reviewed; when it changed, Tollgate shows one of these instead of sending.
 */
public sealed interface ApprovalChange {

    /** One sentence for the reviewer. */
    String message();

    /** Somebody (or the timeout) decided the reviewed wait. */
    record Decided(Status outcome, String by, Instant at, String summary) implements ApprovalChange {

        /** Who decided, as a person reads it ("alice"); null when nobody did (the approval timed out). */
        public String byName() {
            return by == null || by.isBlank() ? null : shortIdentity(by);
        }

        @Override
        public String message() {
            String verdict = outcome.is(Status.Kind.SUCCEEDED) ? "approved" : outcome.is(Status.Kind.FAILED) ? "rejected" : outcome.label().toLowerCase(java.util.Locale.ROOT);
            return "This approval was already " + verdict
                    + (by == null ? "" : " by " + shortIdentity(by))
                    + (summary == null || summary.isBlank() ? "" : ": \u201c" + summary + "\u201d")
                    + ".";
        }
    }

    /** A newer execution (or a retry) now waits at the same action: the reviewed one is gone. */
    record Replaced(String reviewedExecutionId, String newExecutionId) implements ApprovalChange {
        @Override
        public String message() {
            if (java.util.Objects.equals(reviewedExecutionId, newExecutionId)) {
                return "Execution " + shortId(newExecutionId) + " asks for this approval again (its stage was retried)."
                        + " Review it again before deciding.";
            }
            return "The approval now waits for execution " + shortId(newExecutionId) + ", not the "
                    + shortId(reviewedExecutionId) + " you reviewed. Review the new one before deciding.";
        }
    }

    /** The wait ended without a recorded decision (superseded, stopped, or the action no longer exists). */
    record Ended(String reviewedExecutionId) implements ApprovalChange {
        @Override
        public String message() {
            return "Execution " + shortId(reviewedExecutionId) + " no longer waits for approval.";
        }
    }

    /** How the reviewed wait stands in a newer snapshot of its pipeline; empty while it still waits unchanged. */
    static Optional<ApprovalChange> between(ApprovalRequest reviewed, PipelineSnapshot now) {
        Optional<Stage> stage = now.stage(reviewed.stageName());
        Optional<Action> action = stage.flatMap(s -> s.actions().stream()
                .filter(a -> a.name().equals(reviewed.actionName())).findFirst());
        if (action.isEmpty()) {
            return Optional.of(new Ended(reviewed.pipelineExecutionId()));
        }
        Optional<ApprovalRun> own = reviewed.pipelineExecutionId() == null ? Optional.empty()
                : now.approvalRun(reviewed.pipelineExecutionId(), reviewed.stageName(), reviewed.actionName());
        if (now.isParallel() || own.isPresent()) {
            return ofOwnRun(reviewed, own);
        }
        Optional<String> executionNow = stage.flatMap(Stage::latest).map(Stage.StageRun::pipelineExecutionId);
        ActionRun run = action.get().latest().orElse(null);
        if (action.get().isWaitingForApproval()) {
            boolean sameExecution = executionNow.map(id -> id.equals(reviewed.pipelineExecutionId())).orElse(false);
            if (sameExecution && run.token().equals(reviewed.token())) {
                return Optional.empty();
            }
            return Optional.of(new Replaced(reviewed.pipelineExecutionId(), executionNow.orElse("?")));
        }
        boolean stillThatExecution = executionNow.map(id -> id.equals(reviewed.pipelineExecutionId())).orElse(false);
        if (run != null && stillThatExecution && run.status().isTerminal()) {
            return Optional.of(new Decided(run.status(), run.lastUpdatedBy(), run.lastStatusChange(), run.summary()));
        }
        return Optional.of(new Ended(reviewed.pipelineExecutionId()));
    }

    /**
     * In PARALLEL mode executions do not replace each other at an approval: only the reviewed execution's own
     * run of the action tells how its wait stands.
     */
    private static Optional<ApprovalChange> ofOwnRun(ApprovalRequest reviewed, Optional<ApprovalRun> own) {
        if (own.isEmpty()) {
            return Optional.of(new Ended(reviewed.pipelineExecutionId()));
        }
        ApprovalRun run = own.get();
        if (run.isWaiting()) {
            return run.token().equals(reviewed.token()) ? Optional.empty()
                    : Optional.of(new Replaced(reviewed.pipelineExecutionId(), run.pipelineExecutionId()));
        }
        if (run.status().isTerminal()) {
            return Optional.of(new Decided(run.status(), run.updatedBy(), run.lastUpdateTime(), run.summary()));
        }
        return Optional.of(new Ended(reviewed.pipelineExecutionId()));
    }

    /** The first eight characters of an execution id, as the console shows it. */
    static String shortId(String id) {
        return id == null ? "?" : id.substring(0, Math.min(8, id.length()));
    }

    /** "arn:aws:sts::123:assumed-role/Approver/alice" reads as "alice". */
    static String shortIdentity(String arn) {
        int slash = arn.lastIndexOf('/');
        return slash >= 0 && slash < arn.length() - 1 ? arn.substring(slash + 1) : arn;
    }
}
