package dev.tollgate.ui.board;

import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.PipelineSummary;
import dev.tollgate.watch.WatchListener;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The pipelines of the connection as rows, and the snapshot of the selected one. Fed by the poller; every
 * update is applied on the UI thread, and unchanged rows are left alone so the list keeps its selection.
 */
public final class BoardViewModel implements WatchListener {

    private final Executor uiThread;
    private final ObservableList<PipelineRow> rows = FXCollections.observableArrayList();
    private final ObservableList<PipelineRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final Map<String, PipelineSnapshot> snapshots = new HashMap<>();
    private final ObjectProperty<String> selectedName = new SimpleObjectProperty<>(this, "selectedName");
    private final ReadOnlyObjectWrapper<PipelineSnapshot> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyObjectWrapper<Instant> lastUpdate = new ReadOnlyObjectWrapper<>(this, "lastUpdate");
    private final IntegerBinding waitingApprovals = Bindings.createIntegerBinding(
            () -> rows.stream().mapToInt(PipelineRow::pendingApprovals).sum(), rows);

    public BoardViewModel(Executor uiThread) {
        this.uiThread = Objects.requireNonNull(uiThread);
        selectedName.addListener((obs, old, name) -> selected.set(name == null ? null : snapshots.get(name)));
    }

    @Override
    public void pipelinesListed(List<PipelineSummary> pipelines) {
        uiThread.execute(() -> applyListing(pipelines));
    }

    @Override
    public void snapshotTaken(PipelineSnapshot snapshot) {
        uiThread.execute(() -> applySnapshot(snapshot));
    }

    @Override
    public void pollFailed(String pipelineName, GatewayException error) {
        uiThread.execute(() -> applyFailure(pipelineName, error));
    }

    private void applyListing(List<PipelineSummary> pipelines) {
        Set<String> listed = new HashSet<>();
        for (PipelineSummary pipeline : pipelines) {
            listed.add(pipeline.name());
            if (indexOf(pipeline.name()) < 0) {
                rows.add(PipelineRow.unknown(pipeline.name()));
            }
        }
        rows.removeIf(row -> !listed.contains(row.name()));
        snapshots.keySet().retainAll(listed);
        if (problem.get() != null && problem.get().startsWith("Could not list")) {
            problem.set(null);
        }
        if (selectedName.get() == null && !rows.isEmpty()) {
            selectedName.set(rows.get(0).name());
        }
    }

    private void applySnapshot(PipelineSnapshot snapshot) {
        snapshots.put(snapshot.name(), snapshot);
        PipelineRow row = PipelineRow.of(snapshot);
        int index = indexOf(snapshot.name());
        if (index < 0) {
            rows.add(row);
        } else if (!rows.get(index).sameContentAs(row)) {
            rows.set(index, row);
        }
        if (snapshot.name().equals(selectedName.get())) {
            selected.set(snapshot);
            problem.set(null);
        }
        lastUpdate.set(snapshot.fetchedAt());
    }

    private void applyFailure(String pipelineName, GatewayException error) {
        if (pipelineName == null) {
            problem.set(error.getMessage());
            return;
        }
        int index = indexOf(pipelineName);
        if (index >= 0) {
            rows.set(index, rows.get(index).failing(error.getMessage()));
        }
        if (pipelineName.equals(selectedName.get())) {
            problem.set(error.getMessage());
        }
    }

    private int indexOf(String name) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public ObservableList<PipelineRow> rows() {
        return readOnlyRows;
    }

    /** The name of the pipeline the user looks at; the view binds its selection to it. */
    public ObjectProperty<String> selectedNameProperty() {
        return selectedName;
    }

    public ReadOnlyObjectProperty<PipelineSnapshot> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The last failure that concerns what the user looks at, as a sentence; null when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Approvals waiting across all pipelines: shown in the window title. */
    public IntegerBinding waitingApprovalsProperty() {
        return waitingApprovals;
    }

    public ReadOnlyObjectProperty<Instant> lastUpdateProperty() {
        return lastUpdate.getReadOnlyProperty();
    }
}
