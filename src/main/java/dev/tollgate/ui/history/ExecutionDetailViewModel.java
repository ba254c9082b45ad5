package dev.tollgate.ui.history;

import dev.tollgate.history.ExecutionImageCache;
import dev.tollgate.pipeline.ExecutionDetail;
import dev.tollgate.pipeline.ExecutionHistory;
import dev.tollgate.pipeline.ExecutionSummary;
import dev.tollgate.release.ExecutionImages;
import dev.tollgate.ui.common.BackgroundTasks;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One execution opened from the history: the run of each of its actions (for the timeline, artifacts, errors
 * and links) and the images it carried. Both are read in the background when it opens.
 */
public final class ExecutionDetailViewModel {

    private final ExecutionHistory history;
    private final ExecutionImageCache images;
    private final BackgroundTasks tasks;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<ExecutionSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyObjectWrapper<ExecutionDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyObjectWrapper<ExecutionImages> executionImages = new ReadOnlyObjectWrapper<>(this, "images");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");

    ExecutionDetailViewModel(ExecutionHistory history, ExecutionImageCache images, BackgroundTasks tasks, Clock clock) {
        this.history = Objects.requireNonNull(history);
        this.images = Objects.requireNonNull(images);
        this.tasks = Objects.requireNonNull(tasks);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Shows the execution at once from its history line, then fills in its actions and images. */
    public void open(ExecutionSummary opened) {
        summary.set(opened);
        detail.set(null);
        executionImages.set(null);
        problem.set(null);
        loading.set(true);
        String pipeline = opened.execution().pipelineName();
        tasks.submit(() -> new ExecutionDetail(opened, history.actionSteps(pipeline, opened.executionId())))
                .onSuccess(found -> {
                    if (opened.equals(summary.get())) {
                        loading.set(false);
                        detail.set(found);
                    }
                })
                .onFailure(error -> {
                    if (opened.equals(summary.get())) {
                        loading.set(false);
                        problem.set(HistoryViewModel.messageOf(error));
                    }
                });
        tasks.submit(() -> images.imagesOf(opened.execution()))
                .onSuccess(found -> {
                    if (opened.equals(summary.get())) {
                        executionImages.set(found);
                    }
                })
                .onFailure(error -> {
                    if (opened.equals(summary.get())) {
                        executionImages.set(ExecutionImages.failed(pipeline, opened.executionId(), Optional.empty(),
                                HistoryViewModel.messageOf(error)));
                    }
                });
    }

    public Instant now() {
        return clock.instant();
    }

    public ReadOnlyObjectProperty<ExecutionSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Null while the actions are being read. */
    public ReadOnlyObjectProperty<ExecutionDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** Null while being looked up; a problem reading them is part of the value. */
    public ReadOnlyObjectProperty<ExecutionImages> imagesProperty() {
        return executionImages.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
