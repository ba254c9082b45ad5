package dev.tollgate.history;

import dev.tollgate.pipeline.ExecutionDetail;
import dev.tollgate.release.ExecutionImages;
import dev.tollgate.release.ImageComparison;
import dev.tollgate.release.ReleaseDiff;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Two executions side by side, the older on the left: their commits, their images container by container (equal
 * only when the digests are), how long each stage took, and their approvals.
 *
 * @param images one row per container; empty when either side's images could not be read
 */
public record ExecutionComparison(Side older, Side newer, List<ImageComparison> images, List<StageRow> stages) {

    /** One execution with the images it carried (null while unknown). */
    public record Side(ExecutionDetail detail, ExecutionImages images) {
        public Side {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** A stage's duration in each execution; empty where that execution did not reach it. */
    public record StageRow(String stageName, Optional<Duration> older, Optional<Duration> newer) {
        /** How much longer (positive) or shorter the newer execution took; empty unless both ran it. */
        public Optional<Duration> change() {
            return older.isPresent() && newer.isPresent() ? Optional.of(newer.get().minus(older.get())) : Optional.empty();
        }
    }

    public ExecutionComparison {
        images = List.copyOf(images);
        stages = List.copyOf(stages);
    }

    /** Orders the two by start time, so "older" and "newer" mean what they say whichever was picked first. */
    public static ExecutionComparison between(Side one, Side other, Instant now) {
        Instant oneStart = one.detail().summary().startTime();
        Instant otherStart = other.detail().summary().startTime();
        boolean swap = oneStart != null && otherStart != null && oneStart.isAfter(otherStart);
        Side older = swap ? other : one;
        Side newer = swap ? one : other;
        return new ExecutionComparison(older, newer, images(older, newer), stages(older, newer, now));
    }

    private static List<ImageComparison> images(Side older, Side newer) {
        if (older.images() == null || newer.images() == null) {
            return List.of();
        }
        try {
            return ReleaseDiff.between(older.images().releaseImages(), newer.images().releaseImages()).containers();
        } catch (IllegalArgumentException duplicateContainer) {
            // A definitions file that names a container twice cannot be paired; the detail pages still show it.
            return List.of();
        }
    }

    private static List<StageRow> stages(Side older, Side newer, Instant now) {
        Set<String> names = new LinkedHashSet<>();
        older.detail().stageSpans(now).forEach(span -> names.add(span.stageName()));
        newer.detail().stageSpans(now).forEach(span -> names.add(span.stageName()));
        List<StageRow> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(new StageRow(name, older.detail().stageDuration(name, now), newer.detail().stageDuration(name, now)));
        }
        return rows;
    }
}
