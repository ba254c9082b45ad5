package dev.tollgate.ui.history;

import dev.tollgate.ui.common.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/** The orders the history can be read in. Only newest-first is the order AWS pages in; see the view model. */
public enum HistorySort {
    NEWEST, OLDEST, LONGEST, SHORTEST;

    /** Running executions count as lasting until {@code now}. Ties keep the newest first. */
    public Comparator<HistoryRow> comparator(Instant now) {
        Comparator<HistoryRow> newest = Comparator.comparing((HistoryRow row) -> row.summary().startTime(),
                Comparator.nullsLast(Comparator.<Instant>reverseOrder()));
        Comparator<HistoryRow> byDuration = Comparator.comparing(
                (HistoryRow row) -> row.summary().duration(now).orElse(Duration.ZERO));
        return switch (this) {
            case NEWEST -> newest;
            case OLDEST -> newest.reversed();
            case LONGEST -> byDuration.reversed().thenComparing(newest);
            case SHORTEST -> byDuration.thenComparing(newest);
        };
    }

    /** The order in the user's language, as the combo box shows it. */
    @Override
    public String toString() {
        return Texts.get("history.sort." + name());
    }
}
