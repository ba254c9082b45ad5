package dev.tollgate.ui.board;

import dev.tollgate.ui.common.StatusLook;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The list of pipelines, each with its latest status and badges for waiting approvals and disabled transitions. */
public final class PipelineListView extends ListView<PipelineRow> {

    public PipelineListView(BoardViewModel viewModel) {
        super(viewModel.rows());
        setId("pipelineList");
        getStyleClass().add("pipeline-list");
        setCellFactory(list -> new RowCell());
        getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                viewModel.selectedNameProperty().set(row.name());
            }
        });
        // A replaced row (new status) must stay selected: select by name whenever the model's choice changes.
        viewModel.selectedNameProperty().addListener((obs, old, name) -> selectByName(name));
        getItems().addListener((javafx.collections.ListChangeListener<PipelineRow>) change ->
                selectByName(viewModel.selectedNameProperty().get()));
        selectByName(viewModel.selectedNameProperty().get());
    }

    private void selectByName(String name) {
        if (name == null) {
            return;
        }
        PipelineRow current = getSelectionModel().getSelectedItem();
        if (current != null && current.name().equals(name) && getItems().contains(current)) {
            return;
        }
        for (int i = 0; i < getItems().size(); i++) {
            if (getItems().get(i).name().equals(name)) {
                getSelectionModel().select(i);
                return;
            }
        }
    }

    /** Builds its nodes once and only updates them, so rows refreshed by polling never flicker or detach. */
    private static final class RowCell extends ListCell<PipelineRow> {
        private final Label name = new Label();
        private final Label status = new Label();
        private final Label approvals = new Label("", new FontIcon(Feather.USER_CHECK));
        private final Label locked = new Label("", new FontIcon(Feather.LOCK));
        private final Label warning = new Label("", new FontIcon(Feather.ALERT_TRIANGLE));
        private final Tooltip approvalsTip = new Tooltip();
        private final Tooltip lockedTip = new Tooltip();
        private final HBox line;

        RowCell() {
            name.getStyleClass().add("pipeline-name");
            status.getStyleClass().add("status-badge");
            approvals.getStyleClass().add("approval-badge");
            approvals.setTooltip(approvalsTip);
            locked.getStyleClass().add("locked-badge");
            locked.setTooltip(lockedTip);
            warning.getStyleClass().add("problem-badge");
            for (Label badge : new Label[] {approvals, locked, warning}) {
                badge.managedProperty().bind(badge.visibleProperty());
            }
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            line = new HBox(8, new VBox(2, name, status), spacer, approvals, locked, warning);
            line.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(PipelineRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            name.setText(row.name());
            StatusLook.restyle(status, row.headline(), null);
            approvals.setVisible(row.pendingApprovals() > 0);
            approvals.setText(String.valueOf(row.pendingApprovals()));
            approvalsTip.setText(row.pendingApprovals() + " approval(s) waiting");
            locked.setVisible(row.disabledTransitions() > 0);
            lockedTip.setText(row.disabledTransitions() + " disabled transition(s)");
            warning.setVisible(row.problem() != null);
            setTooltip(row.problem() == null ? null : new Tooltip(row.problem()));
            setGraphic(line);
        }
    }
}
