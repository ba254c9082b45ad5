package dev.tollgate.pipeline;

import java.time.Instant;
import java.util.Locale;

/**
 * How one manual approval of one execution went: who decided, what they wrote, and when. An approval nobody
 * decided has no approver: it still waits, expired, or ended with its execution.
 *
 * @param approver the approver's ARN, as CodePipeline records it; null when nobody decided
 * @param comment  the summary the approver gave; null or empty when they gave none
 */
public record ApprovalOutcome(String stageName, String actionName, Status status, String approver, String comment,
        Instant at) {

    /** What became of the approval, in the approver's words. */
    public enum Verdict {
        APPROVED, REJECTED, WAITING, EXPIRED, ENDED;

        public String label() {
            String name = name().toLowerCase(Locale.ROOT);
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
    }

    static ApprovalOutcome of(ActionStep step) {
        return new ApprovalOutcome(step.stageName(), step.actionName(), step.status(), blankToNull(step.updatedBy()),
                blankToNull(step.summary()), step.lastUpdateTime());
    }

    public Verdict verdict() {
        return switch (status.kind()) {
            case SUCCEEDED -> Verdict.APPROVED;
            // A failed approval with an approver was rejected; without one, it timed out.
            case FAILED -> approver == null ? Verdict.EXPIRED : Verdict.REJECTED;
            case IN_PROGRESS, NOT_RUN -> Verdict.WAITING;
            default -> Verdict.ENDED;
        };
    }

    /** A person approved or rejected it (rather than a timeout, or nobody yet). */
    public boolean isDecision() {
        return approver != null && (verdict() == Verdict.APPROVED || verdict() == Verdict.REJECTED);
    }

    /** "arn:aws:sts::123:assumed-role/Approver/alice" reads as "alice"; empty when nobody decided. */
    public String approverName() {
        return approver == null ? "" : ApprovalChange.shortIdentity(approver);
    }

    public String location() {
        return stageName + " › " + actionName;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
