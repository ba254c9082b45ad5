package dev.tollgate.ui.review;

import dev.tollgate.ui.common.Texts;
import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.ui.common.Durations;
import java.time.Clock;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The inbox: every waiting approval, newest first or soonest to expire, one click from its review. With
 * several connections, each item names its connection.
 */
public final class InboxView extends VBox {

    public InboxView(InboxViewModel viewModel, Clock clock, Consumer<InboxItem> open) {
        getStyleClass().add("inbox");
        ComboBox<InboxViewModel.Order> order = new ComboBox<>();
        order.getItems().setAll(InboxViewModel.Order.values());
        order.valueProperty().bindBidirectional(viewModel.orderProperty());
        order.setConverter(new StringConverter<>() {
            @Override
            public String toString(InboxViewModel.Order value) {
                return Texts.get(value == InboxViewModel.Order.NEWEST_FIRST ? "inbox.newestFirst" : "inbox.expiringFirst");
            }

            @Override
            public InboxViewModel.Order fromString(String text) {
                return null;
            }
        });
        order.setId("inboxOrder");
        HBox bar = new HBox(8, new Label(Texts.get("inbox.sort")), order);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("inbox-bar");

        ListView<InboxItem> list = new ListView<>(viewModel.items());
        list.setId("inboxList");
        list.setPlaceholder(new Label(Texts.get("inbox.empty")));
        list.setCellFactory(view -> new ItemCell(clock, viewModel));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
                open.accept(item);
            }
        });
        list.setOnMouseClicked(event -> {
            InboxItem item = list.getSelectionModel().getSelectedItem();
            if (item != null) {
                open.accept(item);
            }
        });
        viewModel.severalConnectionsProperty().addListener((obs, old, several) -> list.refresh());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(bar, list);
    }

    private static final class ItemCell extends ListCell<InboxItem> {
        private final Clock clock;
        private final InboxViewModel viewModel;
        private final Label pipeline = new Label();
        private final Label tag = new Label();
        private final Label where = new Label();
        private final Label timing = new Label();
        private final VBox box;

        ItemCell(Clock clock, InboxViewModel viewModel) {
            this.clock = clock;
            this.viewModel = viewModel;
            pipeline.getStyleClass().add("pipeline-name");
            pipeline.setGraphic(new FontIcon(Feather.USER_CHECK));
            tag.getStyleClass().addAll("chip", "inbox-tag");
            tag.managedProperty().bind(tag.visibleProperty());
            where.getStyleClass().add("muted");
            timing.getStyleClass().add("muted");
            // A long account name is cut short rather than widening every item past the sidebar.
            for (Label line : new Label[] {where, timing}) {
                line.setMinWidth(0);
                line.setPrefWidth(1);
                line.setMaxWidth(Double.MAX_VALUE);
            }
            pipeline.setMinWidth(0);
            tag.setMinWidth(Region.USE_PREF_SIZE);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox top = new HBox(6, pipeline, spacer, tag);
            top.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(2, top, where, timing);
        }

        @Override
        protected void updateItem(InboxItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            ApprovalRequest request = item.request();
            pipeline.setText(request.pipelineName());
            tag.setVisible(item.imageTag().isPresent());
            tag.setText(item.imageTag().orElse(""));
            // In PARALLEL mode one pipeline lists several executions at the same action: the id tells them apart.
            String execution = " · " + shortId(request.pipelineExecutionId());
            where.setText((viewModel.severalConnectionsProperty().get()
                    ? Texts.get("inbox.where", item.connection().label(), request.stageName(), request.actionName())
                    : request.stageName() + " › " + request.actionName()) + execution);
            box.setId("inbox-" + request.pipelineExecutionId());
            timing.setText(request.waitingSince() == null ? ""
                    : Texts.get("inbox.timing", Durations.between(request.waitingSince(), clock.instant()),
                            Durations.between(clock.instant(), request.expiresAt())));
            setGraphic(box);
        }

        private static String shortId(String id) {
            return id == null ? "?" : id.substring(0, Math.min(8, id.length()));
        }
    }
}
