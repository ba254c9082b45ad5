package dev.tollgate.ui.history;

import dev.tollgate.history.ExecutionComparison;
import dev.tollgate.history.ExecutionImageCache;
import dev.tollgate.pipeline.ExecutionDetail;
import dev.tollgate.pipeline.ExecutionHistory;
import dev.tollgate.pipeline.ExecutionSummary;
import dev.tollgate.pipeline.GatewayException;
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

/** Two executions side by side: read both (actions and images) in one background job, then compare. */
public final class ComparisonViewModel {

    private final ExecutionHistory history;
    private final ExecutionImageCache images;
    private final BackgroundTasks tasks;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<ExecutionComparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private Object request;

    ComparisonViewModel(ExecutionHistory history, ExecutionImageCache images, BackgroundTasks tasks, Clock clock) {
        this.history = Objects.requireNonNull(history);
        this.images = Objects.requireNonNull(images);
        this.tasks = Objects.requireNonNull(tasks);
        this.clock = Objects.requireNonNull(clock);
    }

    public void compare(ExecutionSummary one, ExecutionSummary other) {
        Object asked = new Object();
        request = asked;
        comparison.set(null);
        problem.set(null);
        loading.set(true);
        tasks.submit(() -> ExecutionComparison.between(side(one), side(other), clock.instant()))
                .onSuccess(found -> {
                    if (asked == request) {
                        loading.set(false);
                        comparison.set(found);
                    }
                })
                .onFailure(error -> {
                    if (asked == request) {
                        loading.set(false);
                        problem.set(HistoryViewModel.messageOf(error));
                    }
                });
    }

    private ExecutionComparison.Side side(ExecutionSummary summary) {
        String pipeline = summary.execution().pipelineName();
        ExecutionDetail detail = new ExecutionDetail(summary, history.actionSteps(pipeline, summary.executionId()));
        ExecutionImages carried;
        try {
            carried = images.imagesOf(summary.execution());
        } catch (GatewayException e) {
            carried = ExecutionImages.failed(pipeline, summary.executionId(), Optional.empty(), e.getMessage());
        }
        return new ExecutionComparison.Side(detail, carried);
    }

    public Instant now() {
        return clock.instant();
    }

    /** Null while loading. */
    public ReadOnlyObjectProperty<ExecutionComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
