package dev.tollgate.ui.history;

import dev.tollgate.pipeline.ApprovalOutcome;
import dev.tollgate.pipeline.ExecutionSummary;
import dev.tollgate.pipeline.PipelineExecution;
import dev.tollgate.pipeline.Revision;
import dev.tollgate.ui.common.Durations;
import dev.tollgate.ui.common.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** How the history's values read on screen: times, durations, triggers and verdicts in an approver's words. */
final class HistoryFormat {

    private final DateTimeFormatter started;
    private final DateTimeFormatter day;
    private final DateTimeFormatter time;
    private final DateTimeFormatter full;

    HistoryFormat(ZoneId zone) {
        // Day before month reads right in English and in French: "Mon 24 Nov", "lun. 24 nov.".
        this.started = Texts.dates("EEE d MMM HH:mm", zone);
        this.day = Texts.dates("d MMM HH:mm", zone);
        this.time = Texts.dates("HH:mm:ss", zone);
        this.full = Texts.dates("EEE d MMM yyyy HH:mm:ss zzz", zone);
    }

    String started(Instant at) {
        return at == null ? "—" : started.format(at);
    }

    /** "24 Nov 20:08": short enough for a table column; the tooltip has the rest. */
    String day(Instant at) {
        return at == null ? "—" : day.format(at);
    }

    String time(Instant at) {
        return at == null ? "—" : time.format(at);
    }

    String full(Instant at) {
        return at == null ? "—" : full.format(at);
    }

    /** "12 min", or "running 25 min" while it runs. */
    static String duration(ExecutionSummary summary, Instant now) {
        String length = summary.duration(now).map(HistoryFormat::duration).orElse("—");
        return summary.endTime().isPresent() ? length : Texts.get("history.running", length);
    }

    /** "42 s", "3 min 20 s", "1 h 5 min": precise enough to compare two runs of a stage. */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return Texts.get("duration.seconds", seconds);
        }
        if (seconds < 600) {
            return seconds % 60 == 0 ? Texts.get("duration.minutes", seconds / 60)
                    : Texts.get("duration.minutesSeconds", seconds / 60, seconds % 60);
        }
        return Durations.format(duration);
    }

    /** "+3 min 10 s" or "−40 s"; "same" when equal. */
    static String change(Duration change) {
        if (change.abs().getSeconds() == 0) {
            return Texts.get("history.same");
        }
        return (change.isNegative() ? "\u2212" : "+") + duration(change.abs());
    }

    /** What started the execution, as an approver says it. */
    static String trigger(PipelineExecution execution) {
        String type = execution.triggerType();
        if (type == null) {
            return "—";
        }
        return switch (type) {
            case "Webhook", "WebhookV2" -> Texts.get("history.trigger.push");
            case "StartPipelineExecution", "PollForSourceChanges", "CloudWatchEvent", "PutActionRevision", "CreatePipeline",
                    "AutomatedRollback", "ManualRollback" -> Texts.get("history.trigger." + type);
            default -> type; // a newer trigger reads as CodePipeline names it
        };
    }

    static String shortId(String id) {
        return id == null ? "" : id.substring(0, Math.min(8, id.length()));
    }

    static String firstRevision(PipelineExecution execution) {
        return execution.revisions().isEmpty() ? "" : execution.revisions().get(0).shortId();
    }

    static String revisionLine(Revision revision) {
        return revision.shortId() + "  " + (revision.summary() == null ? "" : firstLine(revision.summary()));
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    static Ikon icon(ApprovalOutcome.Verdict verdict) {
        return switch (verdict) {
            case APPROVED -> Feather.CHECK_CIRCLE;
            case REJECTED -> Feather.X_CIRCLE;
            case WAITING -> Feather.CLOCK;
            case EXPIRED -> Feather.ALERT_CIRCLE;
            case ENDED -> Feather.SKIP_FORWARD;
        };
    }

    static String styleClass(ApprovalOutcome.Verdict verdict) {
        return switch (verdict) {
            case APPROVED -> "status-succeeded";
            case REJECTED -> "status-failed";
            case WAITING -> "status-in-progress";
            case EXPIRED -> "status-stopped";
            case ENDED -> "status-superseded";
        };
    }

    /** "Approved", "Waiting", "Expired", in the user's language. */
    static String verdict(ApprovalOutcome.Verdict verdict) {
        return Texts.get("history.verdict." + verdict.name());
    }

    /** "Approved by mei.chen", "Waiting", "Expired". */
    static String verdictLine(ApprovalOutcome approval) {
        return approval.approver() == null ? verdict(approval.verdict())
                : Texts.get("history.verdictBy." + approval.verdict().name(), approval.approverName());
    }
}
