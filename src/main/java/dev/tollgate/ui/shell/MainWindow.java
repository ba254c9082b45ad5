package dev.tollgate.ui.shell;

import dev.tollgate.ui.common.Texts;
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
import dev.tollgate.ui.history.HistoryView;
import dev.tollgate.ui.history.HistoryViewModel;
import dev.tollgate.ui.review.ApprovalReviewView;
import dev.tollgate.ui.review.ApprovalReviewViewModel;
import dev.tollgate.ui.review.InboxView;
import dev.tollgate.ui.review.LocalReleaseView;
import dev.tollgate.ui.review.InboxViewModel;
import dev.tollgate.pipeline.ApprovalRequest;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
import javafx.stage.Stage;
import javafx.stage.Window;
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
    private final LocalReleaseView localRelease;
    private HBox header;
    private Optional<DesktopNotifier> desktopNotifier = Optional.empty();
    private Label connection;

    public MainWindow(String connectionLabel, BoardViewModel board, BoardView boardView, ChangeFreezeViewModel freeze,
            ChangeFreezeView freezeView, InboxViewModel inbox, ApprovalReviewViewModel review,
            ApprovalReviewView reviewView, LocalReleaseView localRelease, PipelineGraphViewModel graphModel,
            PipelineGraphView graph, PipelineCommandBar pipelineCommands, HistoryViewModel history,
            HistoryView historyView, BackgroundTasks tasks, Runnable refreshAll, Clock clock) {
        this.board = board;
        this.graphModel = graphModel;
        this.clock = clock;
        this.refreshAll = refreshAll;
        this.localRelease = localRelease;
        getStyleClass().add("main-window");

        setTop(header(connectionLabel, tasks, refreshAll, localRelease.openButton()));

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
        Label empty = new Label();
        empty.setId("pipelinePlaceholder");
        // With hundreds of pipelines the one just chosen may not have been read yet: say it is on its way.
        empty.textProperty().bind(Bindings.createStringBinding(() -> board.selectedNameProperty().get() == null
                        ? Texts.get("shell.selectPipeline")
                        : Texts.get("shell.loadingPipeline", board.selectedNameProperty().get()),
                board.selectedNameProperty()));
        empty.getStyleClass().add("muted");
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
        Tab historyTab = new Tab(Texts.get("shell.historyTab"), historyView);
        historyTab.setId("historyTab");
        historyTab.setGraphic(new FontIcon(Feather.CLOCK));
        TabPane views = new TabPane(pipelineTab, historyTab);
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        views.getStyleClass().add("pipeline-views");
        views.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> history.setActive(tab == historyTab));
        StackPane right = new StackPane(empty, views, freezeScroll);
        // The change freeze takes the place of the pipeline while open; the list stays to choose pipelines.
        views.visibleProperty().bind(board.selectedProperty().isNotNull().and(freeze.openProperty().not()));
        empty.visibleProperty().bind(board.selectedProperty().isNull().and(freeze.openProperty().not()));
        freezeScroll.visibleProperty().bind(freeze.openProperty());
        freezeView.visibleProperty().bind(freeze.openProperty());

        Consumer<ApprovalRequest> open = request -> {
            board.selectedNameProperty().set(request.pipelineName());
            review.focus(request);
        };
        Tab approvals = new Tab(null, new InboxView(inbox, clock, open));
        approvals.setId("approvalsTab");
        approvals.textProperty().bind(Bindings.createStringBinding(
                () -> Texts.get("shell.approvalsTab", inbox.countProperty().get()), inbox.countProperty()));
        approvals.setGraphic(new FontIcon(Feather.USER_CHECK));
        Tab pipelines = new Tab(Texts.get("shell.pipelinesTab"), boardView);
        pipelines.setId("pipelinesTab");
        pipelines.setGraphic(new FontIcon(Feather.LAYERS));
        TabPane sidebar = new TabPane(approvals, pipelines);
        sidebar.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sidebar.getStyleClass().add("sidebar");

        SplitPane split = new SplitPane(sidebar, right);
        split.setDividerPositions(0.25);
        SplitPane.setResizableWithParent(sidebar, false);
        Toast toast = new Toast();
        StackPane.setAlignment(toast, Pos.TOP_RIGHT);
        StackPane.setMargin(toast, new Insets(12));
        setCenter(new StackPane(split, toast));
        // At start-up an approver wants the newest waiting approval in front of them, once.
        inbox.items().addListener(new javafx.collections.ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends dev.tollgate.ui.review.InboxItem> change) {
                if (!inbox.items().isEmpty()) {
                    inbox.items().removeListener(this);
                    open.accept(inbox.items().get(0).request());
                }
            }
        });
        inbox.arrivalProperty().addListener((obs, old, request) -> {
            if (request != null) {
                toast.show(Texts.get("shell.newApproval", request.location()), () -> open.accept(request));
                if (outOfSight()) {
                    desktopNotifier.ifPresent(notifier -> notifier.notify(Texts.get("shell.approvalWaiting"),
                            request.location(), () -> {
                                bringToFront();
                                open.accept(request);
                            }));
                }
            }
        });
        setBottom(statusLine());

        board.selectedProperty().addListener((obs, old, snapshot) -> {
            showPipeline(snapshot);
            review.show(snapshot);
            history.show(snapshot);
        });
        showPipeline(board.selectedProperty().get());
        history.show(board.selectedProperty().get());

        // "Updated 4 s ago" must age between polls, so it ticks on its own.
        javafx.animation.Timeline ticker = new javafx.animation.Timeline(
                new KeyFrame(Duration.seconds(1), event -> showFreshness()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        board.lastUpdateProperty().addListener((obs, old, at) -> showFreshness());
        board.staleProperty().addListener((obs, old, stale) -> showFreshness());
    }

    /**
     * Puts the sign-in controls in place of the plain connection label, and a banner (shown only while the
     * sign-in has expired) under the header.
     */
    public void useConnectionControls(javafx.scene.Node connectionMenu, javafx.scene.Node expiryBanner) {
        int at = header.getChildren().indexOf(connection);
        header.getChildren().set(at, connectionMenu);
        setTop(new VBox(header, expiryBanner));
    }

    /** File → Open (Ctrl+O): inspect a definitions file from disk. */
    public void openDefinitionsFile() {
        localRelease.choose(getScene().getWindow());
    }

    /** Where OS notifications go when the window is not in front; none by default (tests). */
    public void useDesktopNotifier(DesktopNotifier notifier) {
        this.desktopNotifier = Optional.of(notifier);
    }

    /** Behind another application's window, or minimised (which some window managers report as focused). */
    private boolean outOfSight() {
        Window window = getScene() == null ? null : getScene().getWindow();
        return window != null && (!window.isFocused() || window instanceof Stage stage && stage.isIconified());
    }

    /** A click on an OS notification comes from another window: this one must come up, even minimised. */
    private void bringToFront() {
        if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
            stage.setIconified(false);
            stage.toFront();
            stage.requestFocus();
        }
    }

    /** Adds a button or menu at the right end of the header (theme, help). */
    public void addHeaderTool(javafx.scene.Node tool) {
        header.getChildren().add(tool);
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

    private HBox header(String connectionLabel, BackgroundTasks tasks, Runnable refreshAll, Button openFile) {
        Label appName = new Label("Tollgate", new FontIcon(Feather.SHIELD));
        appName.getStyleClass().add("app-name");
        connection = new Label(connectionLabel, new FontIcon(Feather.CLOUD));
        connection.setId("connectionLabel");
        connection.getStyleClass().add("connection-label");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        updated.setId("freshness");
        updated.getStyleClass().add("muted");
        // Push mode is said discreetly, on hover: the approver needs nothing from it but fresher data.
        Tooltip live = new Tooltip(Texts.get("shell.pushMode"));
        board.pushModeProperty().addListener((observable, was, on) -> updated.setTooltip(on ? live : null));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(tasks.runningProperty().greaterThan(0));
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refreshButton");
        refresh.setTooltip(new Tooltip(Texts.get("shell.refresh")));
        refresh.setOnAction(event -> refresh());
        header = new HBox(12, appName, connection, spacer, busy, updated, openFile, refresh);
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
        updated.setText(at == null ? Texts.get("shell.loading") : stale
                ? Texts.get("shell.notUpdated", Durations.between(at, clock.instant()))
                : Texts.get("shell.updated", Durations.between(at, clock.instant())));
        // Out-of-date numbers must not look current: the header turns to a warning until polls succeed again.
        updated.getStyleClass().setAll("label", stale ? "stale-warning" : "muted");
        updated.setGraphic(stale ? new FontIcon(Feather.ALERT_TRIANGLE) : null);
    }
}
