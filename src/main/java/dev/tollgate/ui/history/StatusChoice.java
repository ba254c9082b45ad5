package dev.tollgate.ui.history;

import dev.tollgate.pipeline.Status.Kind;
import dev.tollgate.ui.common.Texts;
import java.util.EnumSet;
import java.util.Set;

/** The status filter's choices: statuses an approver tells apart, each covering the kinds that mean it. */
public enum StatusChoice {
    ANY,
    SUCCEEDED(Kind.SUCCEEDED),
    FAILED(Kind.FAILED),
    IN_PROGRESS(Kind.IN_PROGRESS, Kind.STOPPING),
    STOPPED(Kind.STOPPED, Kind.CANCELLED, Kind.ABANDONED),
    SUPERSEDED(Kind.SUPERSEDED);

    private final Set<Kind> kinds;

    StatusChoice(Kind... kinds) {
        this.kinds = kinds.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(kinds[0], kinds));
    }

    /** The kinds it keeps; empty for {@link #ANY}. */
    public Set<Kind> kinds() {
        return kinds;
    }

    /** The choice in the user's language, as the combo box shows it. */
    @Override
    public String toString() {
        return Texts.get("history.status." + name());
    }
}
