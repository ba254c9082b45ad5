package dev.tollgate.ui.review;

import dev.tollgate.pipeline.ApprovalChange;
import dev.tollgate.pipeline.Status;
import dev.tollgate.ui.common.StatusLook;
import dev.tollgate.ui.common.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * What happened to the reviewed wait, in one sentence in the user's language: who decided and when, or which
 * execution waits now. Shown calmly in the review instead of an error.
 */
final class ChangeText {

    private final Clock clock;

    ChangeText(Clock clock) {
        this.clock = clock;
    }

    String of(ApprovalChange change) {
        if (change instanceof ApprovalChange.Decided decided) {
            return decided(decided);
        }
        if (change instanceof ApprovalChange.Replaced replaced) {
            return replaced.reviewedExecutionId().equals(replaced.newExecutionId())
                    ? Texts.get("review.change.retried", shortId(replaced.newExecutionId()))
                    : Texts.get("review.change.replaced", shortId(replaced.newExecutionId()),
                            shortId(replaced.reviewedExecutionId()));
        }
        ApprovalChange.Ended ended = (ApprovalChange.Ended) change;
        return Texts.get("review.change.ended", shortId(ended.reviewedExecutionId()));
    }

    private String decided(ApprovalChange.Decided decided) {
        String at = when(decided.at());
        String who = decided.byName();
        Status outcome = decided.outcome();
        String sentence;
        if (who != null && outcome.is(Status.Kind.SUCCEEDED)) {
            sentence = Texts.get("review.change.approved", who, at);
        } else if (who != null && outcome.is(Status.Kind.FAILED)) {
            sentence = Texts.get("review.change.rejected", who, at);
        } else if (outcome.is(Status.Kind.FAILED)) {
            // A failed approval nobody decided timed out.
            sentence = Texts.get("review.change.expired", at);
        } else {
            sentence = Texts.get("review.change.closed", StatusLook.label(outcome).toLowerCase(Texts.locale()), at);
        }
        String comment = decided.summary();
        return comment == null || comment.isBlank() ? sentence : sentence + " " + Texts.get("review.change.comment", comment);
    }

    /** A time today reads as 14:05:09; an earlier one carries its date. */
    private String when(Instant at) {
        if (at == null) {
            return "?";
        }
        boolean today = LocalDate.ofInstant(at, clock.getZone()).equals(LocalDate.now(clock));
        String pattern = today ? "HH:mm:ss" : "d MMM HH:mm";
        return DateTimeFormatter.ofPattern(pattern, Texts.locale()).withZone(clock.getZone()).format(at);
    }

    private static String shortId(String id) {
        return id == null ? "?" : id.substring(0, Math.min(8, id.length()));
    }
}
