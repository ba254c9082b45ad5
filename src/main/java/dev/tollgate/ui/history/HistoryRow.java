package dev.tollgate.ui.history;

import dev.tollgate.pipeline.ExecutionSummary;
import dev.tollgate.release.ExecutionImages;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One line of the history table: the execution with its approvals, and the images it carried once somebody
 * scrolled it into view (they cost a few calls each, so they are looked up only for rows that are shown).
 */
public final class HistoryRow {

    private final ExecutionSummary summary;
    private final ReadOnlyObjectWrapper<ExecutionImages> images = new ReadOnlyObjectWrapper<>(this, "images");
    private boolean imagesRequested;

    HistoryRow(ExecutionSummary summary) {
        this.summary = Objects.requireNonNull(summary);
    }

    public ExecutionSummary summary() {
        return summary;
    }

    /** Null until looked up; a problem reading them is part of the value. */
    public ReadOnlyObjectProperty<ExecutionImages> imagesProperty() {
        return images.getReadOnlyProperty();
    }

    void setImages(ExecutionImages found) {
        images.set(found);
    }

    /** True the first time only: the row asks for its images once. */
    boolean requestImages() {
        if (imagesRequested) {
            return false;
        }
        imagesRequested = true;
        return true;
    }

    @Override
    public String toString() {
        return "HistoryRow[" + summary.executionId() + "]";
    }
}
