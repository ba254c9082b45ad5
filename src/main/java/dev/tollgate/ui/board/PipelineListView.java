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

    private static final class RowCell extends ListCell<PipelineRow> {
        @Override
        protected void updateItem(PipelineRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            Label name = new Label(row.name());
            name.getStyleClass().add("pipeline-name");
            Label status = StatusLook.badge(row.headline(), null);
            VBox text = new VBox(2, name, status);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox line = new HBox(8, text, spacer);
            line.setAlignment(Pos.CENTER_LEFT);
            if (row.pendingApprovals() > 0) {
                Label approvals = new Label(String.valueOf(row.pendingApprovals()), new FontIcon(Feather.USER_CHECK));
                approvals.getStyleClass().add("approval-badge");
                approvals.setTooltip(new Tooltip(row.pendingApprovals() + " approval(s) waiting"));
                line.getChildren().add(approvals);
            }
            if (row.disabledTransitions() > 0) {
                Label locked = new Label("", new FontIcon(Feather.LOCK));
                locked.getStyleClass().add("locked-badge");
                locked.setTooltip(new Tooltip(row.disabledTransitions() + " disabled transition(s)"));
                line.getChildren().add(locked);
            }
            if (row.problem() != null) {
                Label warning = new Label("", new FontIcon(Feather.ALERT_TRIANGLE));
                warning.getStyleClass().add("problem-badge");
                line.getChildren().add(warning);
                setTooltip(new Tooltip(row.problem()));
            } else {
                setTooltip(null);
            }
            setText(null);
            setGraphic(line);
        }
    }
}
