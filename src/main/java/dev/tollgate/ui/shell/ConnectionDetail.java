package dev.tollgate.ui.shell;

import dev.tollgate.identity.ConnectionId;
import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.ui.board.ChangeFreezeView;
import dev.tollgate.ui.board.ChangeFreezeViewModel;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.ui.common.StatusLook;
import dev.tollgate.ui.common.Texts;
import dev.tollgate.ui.graph.PipelineCommandBar;
import dev.tollgate.ui.graph.PipelineGraphView;
import dev.tollgate.ui.graph.PipelineGraphViewModel;
import dev.tollgate.ui.history.HistoryView;
import dev.tollgate.ui.history.HistoryViewModel;
import dev.tollgate.ui.review.ApprovalReviewView;
import dev.tollgate.ui.review.ApprovalReviewViewModel;
import java.util.Objects;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The right side of the window for the pipelines of one connection: the selected pipeline (approval card
 * above its stage graph) and its history in tabs, or the change freeze in their place while it is open. Each
 * connection has its own, wired to its own credentials, so a review or a command always goes to the account
 * the pipeline lives in.
 */
public final class ConnectionDetail extends StackPane {

    private final ConnectionId connection;
    private final ApprovalReviewViewModel review;
    private final PipelineGraphViewModel graph;
    private final HistoryViewModel history;
    private final ChangeFreezeViewModel freeze;
    private final BackgroundTasks tasks;
    private final Runnable refresh;
    private final Label pipelineTitle = new Label();
    private final Label pipelineStatus = new Label();
    private final ReadOnlyObjectWrapper<PipelineSnapshot> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final BooleanBinding showsNothing;

    /**
     * @param tasks   the connection's background work, for the window's busy indicator
     * @param refresh lists and polls the connection's pipelines now
     */
    public ConnectionDetail(ConnectionId connection, ApprovalReviewViewModel review, ApprovalReviewView reviewView,
            PipelineGraphViewModel graph, PipelineGraphView graphView, PipelineCommandBar pipelineCommands,
            HistoryViewModel history, HistoryView historyView, ChangeFreezeViewModel freeze, ChangeFreezeView freezeView,
            BackgroundTasks tasks, Runnable refresh) {
        this.connection = Objects.requireNonNull(connection);
        this.review = review;
        this.graph = graph;
        this.history = history;
        this.freeze = freeze;
        this.tasks = tasks;
        this.refresh = refresh;
        getStyleClass().add("connection-detail");

        pipelineTitle.getStyleClass().add("pipeline-title");
        pipelineTitle.setId("pipelineTitle");
        pipelineStatus.setId("pipelineStatus");
        Region titleSpacer = new Region();
        HBox.setHgrow(titleSpacer, Priority.ALWAYS);
        HBox titleLine = new HBox(12, pipelineTitle, pipelineStatus, titleSpacer, pipelineCommands);
        titleLine.setAlignment(Pos.CENTER_LEFT);
        VBox detail = new VBox(14, titleLine, reviewView, graphView);
        detail.getStyleClass().add("pipeline-detail");
        VBox.setVgrow(graphView, Priority.ALWAYS);
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.getStyleClass().add("edge-to-edge");
        ScrollPane freezeScroll = new ScrollPane(freezeView);
        freezeScroll.setFitToWidth(true);
        freezeScroll.setFitToHeight(true);
        freezeScroll.getStyleClass().add("edge-to-edge");
        // The selected pipeline now, and what it ran before: the history reads only while its tab shows.
        Tab pipelineTab = new Tab(Texts.get("shell.pipelineTab"), detailScroll);
        pipelineTab.setId("pipelineTab");
        pipelineTab.setGraphic(new FontIcon(Feather.GIT_PULL_REQUEST));
        // The history's table and the change freeze's form join the scene when first wanted: built at once, they
        // doubled the first pulse after the listing (their skins and CSS), for views most sessions never open.
        Tab historyTab = new Tab(Texts.get("shell.historyTab"));
        historyTab.setId("historyTab");
        historyTab.setGraphic(new FontIcon(Feather.CLOCK));
        TabPane views = new TabPane(pipelineTab, historyTab);
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        views.getStyleClass().add("pipeline-views");
        views.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab == historyTab && historyTab.getContent() == null) {
                historyTab.setContent(historyView);
            }
            history.setActive(active.get() && tab == historyTab);
        });
        active.addListener((obs, old, isActive) ->
                history.setActive(isActive && views.getSelectionModel().getSelectedItem() == historyTab));
        // The change freeze takes the place of the pipeline while open; the list stays to choose pipelines.
        views.visibleProperty().bind(shown.isNotNull().and(freeze.openProperty().not()));
        freezeScroll.visibleProperty().bind(freeze.openProperty());
        freezeView.visibleProperty().bind(freeze.openProperty());
        showsNothing = shown.isNull().and(freeze.openProperty().not());
        getChildren().add(views);
        Runnable freezeJoins = () -> {
            if (freeze.openProperty().get() && !getChildren().contains(freezeScroll)) {
                getChildren().add(freezeScroll);
            }
        };
        freeze.openProperty().addListener(obs -> freezeJoins.run());
        freezeJoins.run();
    }

    /** Follows the board's selection within this connection; null when it shows none of its pipelines. */
    public void show(PipelineSnapshot snapshot) {
        shown.set(snapshot);
        graph.show(snapshot);
        review.show(snapshot);
        history.show(snapshot);
        if (snapshot == null) {
            return;
        }
        pipelineTitle.setText(snapshot.name());
        StatusLook.restyle(pipelineStatus, snapshot.headline(), null);
        if (!pipelineStatus.getStyleClass().contains("status-badge")) {
            pipelineStatus.getStyleClass().add("status-badge");
        }
    }

    /** Opens one particular waiting approval of the shown pipeline (from the inbox or a notification). */
    public void focus(ApprovalRequest request) {
        review.focus(request);
    }

    public void openChangeFreeze() {
        freeze.open();
    }

    /** Whether this is the connection on screen: only then may its history read. */
    public void setActive(boolean onScreen) {
        active.set(onScreen);
    }

    public void refresh() {
        refresh.run();
    }

    public ConnectionId connection() {
        return connection;
    }

    public ReadOnlyObjectProperty<PipelineSnapshot> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** True when neither a pipeline nor the change freeze is shown: the window shows its placeholder. */
    public BooleanBinding showsNothingProperty() {
        return showsNothing;
    }

    /** The connection's background work under way: drives the window's busy indicator. */
    public BackgroundTasks tasks() {
        return tasks;
    }
}
