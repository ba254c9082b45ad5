package dev.tollgate.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything about one execution: its line in the history and the run of each of its actions, oldest first,
 * which is the order a timeline reads.
 */
public record ExecutionDetail(ExecutionSummary summary, List<ActionStep> steps) {

    public ExecutionDetail {
        Objects.requireNonNull(summary, "summary");
        List<ActionStep> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.comparing(ActionStep::startTime, Comparator.nullsLast(Comparator.naturalOrder())));
        steps = List.copyOf(sorted);
    }

    /** The span of one stage in this execution: from its first action's start to its last action's end. */
    public record StageSpan(String stageName, Instant start, Instant end, Status status, boolean finished) {
        public Duration duration() {
            return Duration.between(start, end);
        }
    }

    /**
     * Each stage the execution reached, in the order it entered them. A stage still running ends at {@code now};
     * its status is the worst of its actions (failed before running before succeeded).
     */
    public List<StageSpan> stageSpans(Instant now) {
        Map<String, List<ActionStep>> byStage = new LinkedHashMap<>();
        for (ActionStep step : steps) {
            if (step.startTime() != null) {
                byStage.computeIfAbsent(step.stageName(), name -> new ArrayList<>()).add(step);
            }
        }
        List<StageSpan> spans = new ArrayList<>();
        byStage.forEach((stage, actions) -> {
            Instant start = actions.stream().map(ActionStep::startTime).min(Comparator.naturalOrder()).orElseThrow();
            boolean finished = actions.stream().allMatch(step -> step.endTime().isPresent());
            Instant end = actions.stream().map(step -> step.endTime().orElse(now)).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(start);
            spans.add(new StageSpan(stage, start, end.isBefore(start) ? start : end, worst(actions), finished));
        });
        return spans;
    }

    /** The duration of the named stage in this execution, if it ran. */
    public Optional<Duration> stageDuration(String stageName, Instant now) {
        return stageSpans(now).stream().filter(span -> span.stageName().equals(stageName)).findFirst()
                .map(StageSpan::duration);
    }

    /** The earliest start and latest end of all actions: the width of the timeline. */
    public Optional<Instant> firstStart() {
        return steps.stream().map(ActionStep::startTime).filter(Objects::nonNull).min(Comparator.naturalOrder());
    }

    public Instant lastEnd(Instant now) {
        return steps.stream().map(step -> step.endTime().orElse(now)).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(now);
    }

    private static Status worst(List<ActionStep> actions) {
        Status worst = null;
        for (ActionStep step : actions) {
            if (worst == null || rank(step.status()) > rank(worst)) {
                worst = step.status();
            }
        }
        return worst == null ? Status.NOT_RUN : worst;
    }

    private static int rank(Status status) {
        return switch (status.kind()) {
            case FAILED -> 5;
            case IN_PROGRESS, STOPPING -> 4;
            case STOPPED, ABANDONED, CANCELLED -> 3;
            case SUPERSEDED, SKIPPED, UNKNOWN -> 2;
            case SUCCEEDED -> 1;
            case NOT_RUN -> 0;
        };
    }
}
