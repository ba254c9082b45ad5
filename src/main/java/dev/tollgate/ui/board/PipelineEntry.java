package dev.tollgate.ui.board;

import java.time.Instant;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A pipeline's place in the board, in its connection's group. The entry stays the same object for as long
 * as the pipeline exists, and only its row changes: the list never removes and re-adds it on a poll, so
 * selection (also a multiple one) and scroll position survive every update.
 */
public final class PipelineEntry implements BoardItem {

    private final ConnectionGroup group;
    private final PipelineKey key;
    private final String name;
    private final ReadOnlyObjectWrapper<PipelineRow> row;
    private final ReadOnlyBooleanWrapper pinned;
    private Instant fetchedAt;

    PipelineEntry(ConnectionGroup group, PipelineRow initial, boolean pinned) {
        this.group = Objects.requireNonNull(group);
        this.name = initial.name();
        this.key = new PipelineKey(group.connection(), name);
        this.row = new ReadOnlyObjectWrapper<>(this, "row", initial);
        this.pinned = new ReadOnlyBooleanWrapper(this, "pinned", pinned);
    }

    public String name() {
        return name;
    }

    /** The connection and the name: what identifies the pipeline across connections. */
    public PipelineKey key() {
        return key;
    }

    @Override
    public ConnectionGroup group() {
        return group;
    }

    public PipelineRow row() {
        return row.get();
    }

    public ReadOnlyObjectProperty<PipelineRow> rowProperty() {
        return row.getReadOnlyProperty();
    }

    public boolean isPinned() {
        return pinned.get();
    }

    public ReadOnlyBooleanProperty pinnedProperty() {
        return pinned.getReadOnlyProperty();
    }

    /** When the last snapshot arrived; changes every poll, so it is read on the clock's tick, not observed. */
    public Instant fetchedAt() {
        return fetchedAt;
    }

    void update(PipelineRow next) {
        Objects.requireNonNull(next);
        if (!next.sameContentAs(row.get())) {
            row.set(next);
        }
    }

    void fetched(Instant at) {
        fetchedAt = at;
    }

    void pin(boolean value) {
        pinned.set(value);
    }

    @Override
    public String toString() {
        return name;
    }
}
