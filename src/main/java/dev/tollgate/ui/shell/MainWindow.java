package dev.tollgate.ui.shell;

import dev.tollgate.identity.ConnectionId;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.ui.board.BoardActions;
import dev.tollgate.ui.board.BoardView;
import dev.tollgate.ui.board.BoardViewModel;
import dev.tollgate.ui.board.PipelineKey;
import dev.tollgate.ui.common.Durations;
import dev.tollgate.ui.common.NextPulse;
import dev.tollgate.ui.common.Texts;
import dev.tollgate.ui.review.InboxItem;
import dev.tollgate.ui.review.InboxView;
import dev.tollgate.ui.review.InboxViewModel;
import java.util.Optional;
import dev.tollgate.ui.review.LocalReleaseView;
import dev.tollgate.ui.signin.ConnectionActions;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
 * The main window's content: header with the watched connections and freshness, the approvals inbox and the
 * pipeline board (every connection's) on the left, and on the right the selected pipeline, shown by its own
 * connection's {@link ConnectionDetail}, with a status line for problems. Connections come and go while the
 * window is open.
 */
public final class MainWindow extends BorderPane {

    private final BoardViewModel board;
    private final InboxViewModel inbox;
    private final Clock clock;
    private final LocalReleaseView localRelease;
    private final Map<ConnectionId, ConnectionDetail> details = new LinkedHashMap<>();
    private final Map<ConnectionId, Node> banners = new LinkedHashMap<>();
    private final StackPane detailHolder = new StackPane();
    private final VBox bannerBox = new VBox();
    private final Label updated = new Label();
    private final ReadOnlyIntegerWrapper busyTasks = new ReadOnlyIntegerWrapper(this, "busyTasks");
    private final ReadOnlyStringWrapper connectionsText = new ReadOnlyStringWrapper(this, "connectionsText", "");
    private final Label empty = new Label();
    private ConnectionDetail shownDetail;
    private HBox header;
    private Optional<DesktopNotifier> desktopNotifier = Optional.empty();
    private Node connection;

    /**
     * @param actions what the board's connection headers ask for (sign in again, stop watching)
     */
    public MainWindow(BoardViewModel board, InboxViewModel inbox, LocalReleaseView localRelease,
            ConnectionActions actions, Clock clock) {
        this.board = board;
        this.inbox = inbox;
        this.clock = clock;
        this.localRelease = localRelease;
        getStyleClass().add("main-window");

        setTop(new VBox(header(localRelease.openButton()), bannerBox));

        empty.setId("pipelinePlaceholder");
        // With hundreds of pipelines the one just chosen may not have been read yet: say it is on its way.
        empty.textProperty().bind(Bindings.createStringBinding(() -> board.selectedKeyProperty().get() == null
                        ? Texts.get("shell.selectPipeline")
                        : Texts.get("shell.loadingPipeline", board.selectedKeyProperty().get().name()),
                board.selectedKeyProperty()));
        empty.getStyleClass().add("muted");
        StackPane right = new StackPane(empty, detailHolder);

        BoardView boardView = new BoardView(board, new BoardActions() {
            @Override
            public void openChangeFreeze() {
                MainWindow.this.openChangeFreeze();
            }

            @Override
            public void refresh(ConnectionId connection) {
                ConnectionDetail detail = details.get(connection);
                if (detail != null) {
                    detail.refresh();
                }
            }

            @Override
            public void signInAgain(ConnectionId connection) {
                actions.signInAgain(connection);
            }

            @Override
            public void stopWatching(ConnectionId connection) {
                actions.stopWatching(connection);
            }
        });
        Consumer<InboxItem> open = item -> {
            board.select(item.connection(), item.request().pipelineName());
            ConnectionDetail detail = details.get(item.connection());
            if (detail != null) {
                detail.focus(item.request());
            }
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
            public void onChanged(Change<? extends InboxItem> change) {
                if (!inbox.items().isEmpty()) {
                    inbox.items().removeListener(this);
                    // The first approval's pipeline is shown a frame after the inbox shows it: both at once,
                    // styled for the first time, made the longest frame of start-up.
                    InboxItem first = inbox.items().get(0);
                    NextPulse.run(() -> open.accept(first));
                }
            }
        });
        inbox.arrivalProperty().addListener((obs, old, item) -> {
            if (item != null) {
                String where = inbox.severalConnectionsProperty().get()
                        ? item.connection().label() + " · " + item.request().location() : item.request().location();
                toast.show(Texts.get("shell.newApproval", where), () -> open.accept(item));
                if (outOfSight()) {
                    desktopNotifier.ifPresent(notifier -> notifier.notify(Texts.get("shell.approvalWaiting"), where,
                            () -> {
                                bringToFront();
                                open.accept(item);
                            }));
                }
            }
        });
        setBottom(statusLine());

        board.selectedProperty().addListener((obs, old, snapshot) -> showSelected());
        board.selectedKeyProperty().addListener((obs, old, key) -> showSelected());

        // "Updated 4 s ago" must age between polls, so it ticks on its own.
        javafx.animation.Timeline ticker = new javafx.animation.Timeline(
                new KeyFrame(Duration.seconds(1), event -> showFreshness()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        board.lastUpdateProperty().addListener((obs, old, at) -> showFreshness());
        board.staleProperty().addListener((obs, old, stale) -> showFreshness());
    }

    /**
     * Adds a connection's side of the window, and the banner it raises when its sign-in expires (shown only
     * then, under the header). Call on the JavaFX thread.
     */
    public void addConnection(ConnectionDetail detail, Node expiryBanner) {
        ConnectionId id = detail.connection();
        if (details.containsKey(id)) {
            throw new IllegalArgumentException(id.label() + " is in the window already");
        }
        details.put(id, detail);
        banners.put(id, expiryBanner);
        bannerBox.getChildren().add(expiryBanner);
        detail.tasks().runningProperty().addListener((obs, old, running) -> countBusyTasks());
        detail.showsNothingProperty().addListener((obs, old, nothing) -> showPlaceholder());
        if (shownDetail == null) {
            // In the scene from the start, behind the placeholder: its controls get their skins and styles with
            // the window's first frame, not in one long pulse when the first pipeline is selected.
            show(detail);
        }
        connectionsChanged();
        showSelected();
    }

    public boolean hasConnection(ConnectionId id) {
        return details.containsKey(id);
    }

    /** Takes a connection that is no longer watched out of the window. Call on the JavaFX thread. */
    public void removeConnection(ConnectionId id) {
        ConnectionDetail detail = details.remove(id);
        Node banner = banners.remove(id);
        if (banner != null) {
            bannerBox.getChildren().remove(banner);
        }
        if (detail == null) {
            return;
        }
        if (detail == shownDetail) {
            detail.setActive(false);
            detail.show(null);
            detailHolder.getChildren().clear();
            shownDetail = null;
        }
        connectionsChanged();
        showSelected();
    }

    /** Puts the connections menu (add, sign in again, stop watching) in place of the plain connections label. */
    public void useConnectionMenu(Node connectionMenu) {
        int at = header.getChildren().indexOf(connection);
        header.getChildren().set(at, connectionMenu);
        connection = connectionMenu;
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
    public void addHeaderTool(Node tool) {
        header.getChildren().add(tool);
    }

    /** Polls everything of every connection now (Refresh button, F5). */
    public void refresh() {
        details.values().forEach(ConnectionDetail::refresh);
    }

    /** Approvals waiting across every connection: what the window title counts. */
    public int waitingApprovals() {
        return board.waitingApprovalsProperty().get();
    }

    public javafx.beans.Observable waitingApprovalsObservable() {
        return board.waitingApprovalsProperty();
    }

    /** The change freeze of the connection on screen (or the only one), for the pipelines chosen in it. */
    private void openChangeFreeze() {
        ConnectionDetail detail = shownDetail;
        if (detail == null && !board.chosen().isEmpty()) {
            detail = details.get(board.chosen().get(0).connection());
        }
        if (detail == null && details.size() == 1) {
            detail = details.values().iterator().next();
        }
        if (detail != null) {
            show(detail);
            detail.openChangeFreeze();
        }
    }

    /** The selected pipeline, on its own connection's side. */
    private void showSelected() {
        PipelineKey key = board.selectedKeyProperty().get();
        ConnectionDetail target = key == null ? shownDetail : details.get(key.connection());
        if (target != null) {
            show(target);
            PipelineSnapshot snapshot = board.selectedProperty().get();
            PipelineSnapshot next = snapshot != null && key != null && key.connection().equals(target.connection())
                    ? snapshot : null;
            // The key and the snapshot both report a new selection; the pipeline is shown once.
            if (next != target.shownProperty().get()) {
                target.show(next);
            }
        }
        showPlaceholder();
    }

    private void show(ConnectionDetail target) {
        if (target == shownDetail) {
            return;
        }
        if (shownDetail != null) {
            // What is not on screen must not keep reading: its history and review rest until shown again.
            shownDetail.setActive(false);
            shownDetail.show(null);
        }
        shownDetail = target;
        detailHolder.getChildren().setAll(target);
        target.setActive(true);
    }

    private void showPlaceholder() {
        boolean nothing = shownDetail == null || shownDetail.showsNothingProperty().get();
        empty.setVisible(nothing);
        detailHolder.setVisible(!nothing);
    }

    private void countBusyTasks() {
        busyTasks.set(details.values().stream().mapToInt(d -> d.tasks().runningProperty().get()).sum());
    }

    private void connectionsChanged() {
        countBusyTasks();
        connectionsText.set(details.size() == 1 ? details.keySet().iterator().next().label()
                : Texts.get("shell.connections", details.size()));
    }

    /** "Sandbox" with one connection, "3 connections" with more: the title and the header name them so. */
    public javafx.beans.property.ReadOnlyStringProperty connectionsProperty() {
        return connectionsText.getReadOnlyProperty();
    }

    private HBox header(Button openFile) {
        Label appName = new Label("Tollgate", new FontIcon(Feather.SHIELD));
        appName.getStyleClass().add("app-name");
        Label connectionLabel = new Label("", new FontIcon(Feather.CLOUD));
        connectionLabel.setId("connectionLabel");
        connectionLabel.getStyleClass().add("connection-label");
        connectionLabel.textProperty().bind(connectionsText);
        connection = connectionLabel;
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        updated.setId("freshness");
        updated.getStyleClass().add("muted");
        // Push mode is said discreetly, on hover: the approver needs nothing from it but fresher data.
        Tooltip live = new Tooltip(Texts.get("shell.pushMode"));
        board.pushModeProperty().addListener((observable, was, on) -> updated.setTooltip(on ? live : null));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(busyTasks.greaterThan(0));
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refreshButton");
        refresh.setTooltip(new Tooltip(Texts.get("shell.refresh")));
        refresh.setOnAction(event -> refresh());
        header = new HBox(12, appName, connectionLabel, spacer, busy, updated, openFile, refresh);
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
