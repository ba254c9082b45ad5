package dev.tollgate.pipeline;

import java.time.Instant;
import java.util.Optional;

/** How a stage condition, or one rule of it, last evaluated. */
public record ConditionState(Status status, Optional<String> summary, Optional<Instant> lastStatusChange) {

    public ConditionState {
        status = status == null ? Status.NOT_RUN : status;
        summary = summary == null ? Optional.empty() : summary.filter(text -> !text.isBlank());
        lastStatusChange = lastStatusChange == null ? Optional.empty() : lastStatusChange;
    }

    /**
     * Reads a ConditionExecutionStatus or RuleExecutionStatus. Two of its values are conditions' own: a rule
     * that could not be evaluated (Errored) reads as a failure, a condition a person overrode as skipped; the
     * wire value keeps which it was.
     */
    public static Status statusFromWire(String wire) {
        if ("Errored".equals(wire)) {
            return new Status(Status.Kind.FAILED, wire);
        }
        if ("Overridden".equals(wire)) {
            return new Status(Status.Kind.SKIPPED, wire);
        }
        return Status.fromWire(wire);
    }
}
