package dev.tollgate.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which executions of a history to show. Every criterion left empty lets everything through.
 *
 * @param statuses         the status kinds to keep; empty keeps every status
 * @param from             executions started at or after this instant
 * @param until            executions started before this instant
 * @param decidedOnly      only executions where a person approved or rejected an approval
 * @param approver         part of the approver's identity (name or ARN), case-insensitive; blank for anybody
 * @param text             part of a commit message, commit id or execution id, case-insensitive; blank for any
 */
public record HistoryFilter(Set<Status.Kind> statuses, Optional<Instant> from, Optional<Instant> until,
        boolean decidedOnly, String approver, String text) {

    public static final HistoryFilter ALL = new HistoryFilter(Set.of(), Optional.empty(), Optional.empty(), false, "", "");

    public HistoryFilter {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        approver = approver == null ? "" : approver.strip();
        text = text == null ? "" : text.strip();
    }

    public HistoryFilter withStatuses(Set<Status.Kind> kinds) {
        return new HistoryFilter(kinds, from, until, decidedOnly, approver, text);
    }

    public HistoryFilter withRange(Optional<Instant> newFrom, Optional<Instant> newUntil) {
        return new HistoryFilter(statuses, newFrom, newUntil, decidedOnly, approver, text);
    }

    public HistoryFilter withDecidedOnly(boolean only) {
        return new HistoryFilter(statuses, from, until, only, approver, text);
    }

    public HistoryFilter withApprover(String who) {
        return new HistoryFilter(statuses, from, until, decidedOnly, who, text);
    }

    public HistoryFilter withText(String contains) {
        return new HistoryFilter(statuses, from, until, decidedOnly, approver, contains);
    }

    /** Whether any criterion is set. */
    public boolean isActive() {
        return !equals(ALL);
    }

    /** The criteria in words, for the header of an export: "status Failed; approver contains \"mei\"". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!statuses.isEmpty()) {
            parts.add("status " + statuses.stream().sorted()
                    .map(kind -> kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')).collect(Collectors.joining(", ")));
        }
        from.ifPresent(at -> parts.add("started at or after " + at));
        until.ifPresent(at -> parts.add("started before " + at));
        if (decidedOnly) {
            parts.add("approved or rejected by a person");
        }
        if (!approver.isEmpty()) {
            parts.add("approver contains \"" + approver + "\"");
        }
        if (!text.isEmpty()) {
            parts.add("commit or id contains \"" + text + "\"");
        }
        return parts.isEmpty() ? "all executions" : String.join("; ", parts);
    }

    /** Whether the criteria need each execution's approvals to decide. */
    public boolean needsApprovals() {
        return decidedOnly || !approver.isEmpty();
    }

    /**
     * Executions come newest first, so one that started before {@code from} means every later one did too:
     * the history can stop there.
     */
    public boolean isBeforeRange(PipelineExecution execution) {
        return from.isPresent() && execution.startTime() != null && execution.startTime().isBefore(from.get());
    }

    /** The criteria that need only what ListPipelineExecutions says: status, dates and text. */
    public boolean matchesExecution(PipelineExecution execution) {
        if (!statuses.isEmpty() && !statuses.contains(execution.status().kind())) {
            return false;
        }
        Instant started = execution.startTime();
        if (from.isPresent() && (started == null || started.isBefore(from.get()))) {
            return false;
        }
        if (until.isPresent() && (started == null || !started.isBefore(until.get()))) {
            return false;
        }
        return text.isEmpty() || mentions(execution, lower(text));
    }

    /** Every criterion, approvals included. */
    public boolean matches(ExecutionSummary summary) {
        if (!matchesExecution(summary.execution())) {
            return false;
        }
        if (decidedOnly && !summary.hasDecision()) {
            return false;
        }
        if (approver.isEmpty()) {
            return true;
        }
        String wanted = lower(approver);
        return summary.approvals().stream()
                .filter(ApprovalOutcome::isDecision)
                .anyMatch(approval -> lower(approval.approver()).contains(wanted));
    }

    private static boolean mentions(PipelineExecution execution, String wanted) {
        if (lower(execution.executionId()).startsWith(wanted)) {
            return true;
        }
        for (Revision revision : execution.revisions()) {
            if (lower(revision.summary()).contains(wanted) || lower(revision.revisionId()).startsWith(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
