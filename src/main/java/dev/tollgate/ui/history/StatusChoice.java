package dev.tollgate.ui.history;

import dev.tollgate.pipeline.Status.Kind;
import java.util.EnumSet;
import java.util.Set;

/** The status filter's choices: statuses an approver tells apart, each covering the kinds that mean it. */
public enum StatusChoice {
    ANY("Any status"),
    SUCCEEDED("Succeeded", Kind.SUCCEEDED),
    FAILED("Failed", Kind.FAILED),
    IN_PROGRESS("In progress", Kind.IN_PROGRESS, Kind.STOPPING),
    STOPPED("Stopped", Kind.STOPPED, Kind.CANCELLED, Kind.ABANDONED),
    SUPERSEDED("Superseded", Kind.SUPERSEDED);

    private final String label;
    private final Set<Kind> kinds;

    StatusChoice(String label, Kind... kinds) {
        this.label = label;
        this.kinds = kinds.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(kinds[0], kinds));
    }

    /** The kinds it keeps; empty for {@link #ANY}. */
    public Set<Kind> kinds() {
        return kinds;
    }

    @Override
    public String toString() {
        return label;
    }
}
