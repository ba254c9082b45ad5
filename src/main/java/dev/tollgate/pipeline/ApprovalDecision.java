package dev.tollgate.pipeline;

import java.util.Objects;
import java.util.Optional;

/** An approver's verdict with the comment CodePipeline records as the approval summary. */
public record ApprovalDecision(Verdict verdict, String comment) {

    /** PutApprovalResult rejects summaries longer than this (ApprovalSummary, max 512). */
    public static final int MAX_COMMENT_LENGTH = 512;

    public enum Verdict { APPROVE, REJECT }

    public ApprovalDecision {
        Objects.requireNonNull(verdict, "verdict");
        comment = comment == null ? "" : comment;
        problemWith(comment).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /** What is wrong with a draft comment, if anything, in words an approver reads next to the field. */
    public static Optional<String> problemWith(String comment) {
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            return Optional.of("The comment is " + comment.length() + " characters; CodePipeline accepts at most "
                    + MAX_COMMENT_LENGTH + ".");
        }
        return Optional.empty();
    }
}
