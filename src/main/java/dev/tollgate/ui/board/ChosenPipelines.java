package dev.tollgate.ui.board;

import dev.tollgate.identity.ConnectionId;
import dev.tollgate.pipeline.PipelineSnapshot;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;

/** The pipelines of one connection chosen together on the board, and what the board last saw of them. */
public interface ChosenPipelines {

    /** The connection the pipelines are in. */
    ConnectionId connection();

    /** Who the approver is there ("alice · Approver · 123456789012"), empty until known. */
    ReadOnlyStringProperty identityProperty();

    /** In the order they were chosen. */
    ObservableList<String> chosenNames();

    /** Changes whenever a pipeline's row changes, for what is computed from the snapshots. */
    Observable entries();

    Optional<PipelineSnapshot> snapshotOf(String pipelineName);
}
