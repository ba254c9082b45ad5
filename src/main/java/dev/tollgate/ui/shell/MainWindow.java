package dev.tollgate.ui.shell;

import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.ui.board.BoardView;
import dev.tollgate.ui.board.BoardViewModel;
import dev.tollgate.ui.board.ChangeFreezeView;
import dev.tollgate.ui.board.ChangeFreezeViewModel;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.ui.common.Durations;
import dev.tollgate.ui.common.StatusLook;
import dev.tollgate.ui.graph.PipelineCommandBar;
import dev.tollgate.ui.graph.PipelineGraphView;
import dev.tollgate.ui.graph.PipelineGraphViewModel;
import dev.tollgate.ui.review.ApprovalReviewView;
import dev.tollgate.ui.review.ApprovalReviewViewModel;
import java.time.Clock;
import java.time.Instant;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's content: header with connection and freshness, the pipeline list on the left, and the
 * selected pipeline (approval card above its stage graph) on the right, with a status line for problems.
 */
public final class MainWindow extends BorderPane {

    private final BoardViewModel board;
    private final Clock clock;
    private final Label updated = new Label();
    private final Label pipelineTitle = new Label();
    private final Label pipelineStatus = new Label();
    private final PipelineGraphViewModel graphModel;
    private final Runnable refreshAll;

    public MainWindow(String connectionLabel, BoardViewModel board, BoardView boardView, ChangeFreezeViewModel freeze,
            ChangeFreezeView freezeView, ApprovalReviewViewModel review,
            ApprovalReviewView reviewView, PipelineGraphViewModel graphModel, PipelineGraphView graph,
            PipelineCommandBar pipelineCommands, BackgroundTasks tasks, Runnable refreshAll, Clock clock) {
        this.board = board;
        this.graphModel = graphModel;
        this.clock = clock;
        this.refreshAll = refreshAll;
        getStyleClass().add("main-window");

        setTop(header(connectionLabel, tasks, refreshAll));

        pipelineTitle.getStyleClass().add("pipeline-title");
        pipelineTitle.setId("pipelineTitle");
        pipelineStatus.setId("pipelineStatus");
        Region titleSpacer = new Region();
        HBox.setHgrow(titleSpacer, Priority.ALWAYS);
        HBox titleLine = new HBox(12, pipelineTitle, pipelineStatus, titleSpacer, pipelineCommands);
        titleLine.setAlignment(Pos.CENTER_LEFT);
        VBox detail = new VBox(14, titleLine, reviewView, graph);
        detail.getStyleClass().add("pipeline-detail");
        VBox.setVgrow(graph, Priority.ALWAYS);
        Label empty = new Label("Select a pipeline on the left.");
        empty.getStyleClass().add("muted");
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.getStyleClass().add("edge-to-edge");
        ScrollPane freezeScroll = new ScrollPane(freezeView);
        freezeScroll.setFitToWidth(true);
        freezeScroll.setFitToHeight(true);
        freezeScroll.getStyleClass().add("edge-to-edge");
        StackPane right = new StackPane(empty, detailScroll, freezeScroll);
        // The change freeze takes the place of the pipeline while open; the list stays to choose pipelines.
        detailScroll.visibleProperty().bind(board.selectedProperty().isNotNull().and(freeze.openProperty().not()));
        empty.visibleProperty().bind(board.selectedProperty().isNull().and(freeze.openProperty().not()));
        freezeScroll.visibleProperty().bind(freeze.openProperty());
        freezeView.visibleProperty().bind(freeze.openProperty());

        SplitPane split = new SplitPane(boardView, right);
        split.setDividerPositions(0.24);
        SplitPane.setResizableWithParent(boardView, false);
        setCenter(split);
        setBottom(statusLine());

        board.selectedProperty().addListener((obs, old, snapshot) -> {
            showPipeline(snapshot);
            review.show(snapshot);
        });
        showPipeline(board.selectedProperty().get());

        // "Updated 4 s ago" must age between polls, so it ticks on its own.
        javafx.animation.Timeline ticker = new javafx.animation.Timeline(
                new KeyFrame(Duration.seconds(1), event -> showFreshness()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        board.lastUpdateProperty().addListener((obs, old, at) -> showFreshness());
        board.staleProperty().addListener((obs, old, stale) -> showFreshness());
    }

    /** Polls everything now (Refresh button, F5). */
    public void refresh() {
        refreshAll.run();
    }

    public int waitingApprovals() {
        return board.waitingApprovalsProperty().get();
    }

    public javafx.beans.Observable waitingApprovalsObservable() {
        return board.waitingApprovalsProperty();
    }

    private HBox header(String connectionLabel, BackgroundTasks tasks, Runnable refreshAll) {
        Label appName = new Label("Tollgate", new FontIcon(Feather.SHIELD));
        appName.getStyleClass().add("app-name");
        Label connection = new Label(connectionLabel, new FontIcon(Feather.CLOUD));
        connection.setId("connectionLabel");
        connection.getStyleClass().add("connection-label");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        updated.setId("freshness");
        updated.getStyleClass().add("muted");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(tasks.runningProperty().greaterThan(0));
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refreshButton");
        refresh.setTooltip(new Tooltip("Refresh now (F5)"));
        refresh.setOnAction(event -> refresh());
        HBox header = new HBox(12, appName, connection, spacer, busy, updated, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 12, 8, 12));
        header.getStyleClass().add("header-bar");
        return header;
    }

    private HBox statusLine() {
        Label problem = new Label();
        problem.setId("problemLine");
        problem.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        problem.getStyleClass().add("problem-line");
        problem.textProperty().bind(board.problemProperty());
        problem.visibleProperty().bind(board.problemProperty().isNotNull());
        HBox line = new HBox(problem);
        line.setPadding(new Insets(4, 12, 4, 12));
        line.getStyleClass().add("status-line");
        return line;
    }

    private void showPipeline(PipelineSnapshot snapshot) {
        graphModel.show(snapshot);
        if (snapshot == null) {
            return;
        }
        pipelineTitle.setText(snapshot.name());
        StatusLook.restyle(pipelineStatus, snapshot.headline(), null);
        if (!pipelineStatus.getStyleClass().contains("status-badge")) {
            pipelineStatus.getStyleClass().add("status-badge");
        }
    }

    private void showFreshness() {
        Instant at = board.lastUpdateProperty().get();
        boolean stale = board.staleProperty().get();
        updated.setText(at == null ? "Loading…" : stale ? "Not updated for " + Durations.between(at, clock.instant())
                : "Updated " + Durations.between(at, clock.instant()) + " ago");
        // Out-of-date numbers must not look current: the header turns to a warning until polls succeed again.
        updated.getStyleClass().setAll("label", stale ? "stale-warning" : "muted");
        updated.setGraphic(stale ? new FontIcon(Feather.ALERT_TRIANGLE) : null);
    }
}
