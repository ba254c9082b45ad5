package dev.tollgate.app;

import dev.tollgate.aws.AwsEnvironment;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.identity.ConnectionId;
import dev.tollgate.identity.ProfileSummary;
import dev.tollgate.storage.DraftStore;
import dev.tollgate.storage.FavouritesStore;
import dev.tollgate.ui.board.BoardViewModel;
import dev.tollgate.ui.board.PipelineKey;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.ui.common.DialogService;
import dev.tollgate.ui.review.InboxViewModel;
import dev.tollgate.ui.review.LocalReleaseView;
import dev.tollgate.ui.review.LocalReleaseViewModel;
import dev.tollgate.ui.shell.MainWindow;
import dev.tollgate.ui.signin.ConnectionActions;
import dev.tollgate.ui.signin.ConnectionMenu;
import dev.tollgate.ui.signin.ConnectionViewModel;
import dev.tollgate.ui.signin.ExpiryBanner;
import dev.tollgate.watch.WatchSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The composition root: the board, the inbox, drafts and pins shared by every connection, and one
 * {@link ConnectionWorkspace} per watched connection, added and stopped while the others go on. The JavaFX
 * application and the UI tests both start Tollgate through it.
 */
public final class Tollgate implements AutoCloseable {

    private final AwsEnvironment aws;
    private final Executor uiThread;
    private final Clock clock;
    private final DialogService dialogs;
    private volatile WatchSettings watching;
    private final ExecutorService fileThread;
    private final ExecutorService localThread;
    private final DraftStore drafts;
    private final BoardViewModel board;
    private final InboxViewModel inbox;
    // Touched from the thread that adds or stops connections and from the UI thread: guarded by itself.
    private final Map<ConnectionId, ConnectionWorkspace> workspaces = new LinkedHashMap<>();
    // The menu's list of connections, on the UI thread.
    private final ObservableList<ConnectionViewModel> connectionModels = FXCollections.observableArrayList();
    private final BooleanBinding severalConnections = Bindings.size(connectionModels).greaterThan(1);
    private MainWindow window;
    private Consumer<String> openLink = url -> { };
    private ConnectionActions actions;

    /**
     * The app with no connection yet: {@link #watch} adds them.
     *
     * @param aws           where the shared config files and the SSO token cache are (a temporary home in tests)
     * @param dataDirectory where drafts and pins live; read here, so construct off the UI thread
     */
    public Tollgate(AwsEnvironment aws, Executor uiThread, Clock clock, Duration pollInterval, DialogService dialogs,
            Path dataDirectory) {
        this.aws = aws;
        this.uiThread = uiThread;
        this.clock = clock;
        this.dialogs = dialogs;
        this.fileThread = Executors.newSingleThreadExecutor(ConnectionWorkspace.daemonThreads("files", ""));
        this.localThread = Executors.newSingleThreadExecutor(ConnectionWorkspace.daemonThreads("local", ""));
        this.drafts = DraftStore.load(dataDirectory.resolve("drafts.json"), fileThread);
        FavouritesStore favourites = FavouritesStore.load(dataDirectory.resolve("favourites.json"), fileThread);
        this.watching = WatchSettings.desktop(pollInterval);
        // Read at every tick: the budget may change while watching.
        this.board = new BoardViewModel(uiThread, clock, pipelines -> watching.staleAfter(pipelines), favourites);
        this.inbox = new InboxViewModel(uiThread);
    }

    /**
     * The request budget of every connection, now and for connections added later: calls per second to
     * CodePipeline, polling and the approver's own refreshes together.
     */
    public void changeBudget(double callsPerSecond) {
        watching = watching.withCallsPerSecond(callsPerSecond);
        List<ConnectionWorkspace> running;
        synchronized (workspaces) {
            running = List.copyOf(workspaces.values());
        }
        running.forEach(workspace -> workspace.changeBudget(callsPerSecond));
    }

    public double budget() {
        return watching.callsPerSecond();
    }

    /** The app watching one connection, as most UI tests open it. */
    public Tollgate(ConnectionSettings settings, Executor uiThread, Clock clock, Duration pollInterval,
            DialogService dialogs, Path dataDirectory) {
        this(settings, AwsEnvironment.system(), uiThread, clock, pollInterval, dialogs, dataDirectory);
    }

    public Tollgate(ConnectionSettings settings, AwsEnvironment aws, Executor uiThread, Clock clock, Duration pollInterval,
            DialogService dialogs, Path dataDirectory) {
        this(aws, uiThread, clock, pollInterval, dialogs, dataDirectory);
        watch(new ConnectionId(settings.label(), settings.label()), settings);
    }

    /**
     * Builds a connection's clients and view models, and puts it on the board, in the inbox and in the window;
     * it polls once {@linkplain ConnectionWorkspace#start() started}. Any thread: building takes a moment, so
     * the app calls it off the UI thread.
     *
     * @throws IllegalArgumentException when that connection is watched already
     */
    public ConnectionWorkspace watch(ConnectionId id, ConnectionSettings settings) {
        synchronized (workspaces) {
            if (workspaces.containsKey(id)) {
                throw new IllegalArgumentException(id.label() + " is watched already");
            }
        }
        ConnectionWorkspace workspace = new ConnectionWorkspace(id, settings, aws, uiThread, clock, watching, dialogs,
                drafts, board, inbox);
        synchronized (workspaces) {
            workspaces.put(id, workspace);
        }
        uiThread.execute(() -> {
            connectionModels.add(workspace.connection());
            // A window built since this connection was added shows it already.
            if (window != null && !window.hasConnection(id)) {
                show(workspace);
            }
        });
        return workspace;
    }

    /** Starts polling every connection added so far (those added later start when the app adds them). */
    public void startWatching() {
        workspaces().forEach(ConnectionWorkspace::start);
    }

    /** Stops one connection and takes it out of the window; the others go on. Blocks: call off the UI thread. */
    public void stopWatching(ConnectionId id) {
        ConnectionWorkspace workspace;
        synchronized (workspaces) {
            workspace = workspaces.remove(id);
        }
        if (workspace == null) {
            return;
        }
        uiThread.execute(() -> {
            connectionModels.remove(workspace.connection());
            if (window != null) {
                window.removeConnection(id);
            }
        });
        workspace.close();
    }

    /** The watched connections, in the order they were added. */
    public List<ConnectionWorkspace> workspaces() {
        synchronized (workspaces) {
            return List.copyOf(workspaces.values());
        }
    }

    public Optional<ConnectionWorkspace> workspace(ConnectionId id) {
        synchronized (workspaces) {
            return Optional.ofNullable(workspaces.get(id));
        }
    }

    /** The connection of the pipeline on screen, else the first one: where a sign-in or a local file goes. */
    public Optional<ConnectionWorkspace> workspaceOnScreen() {
        PipelineKey key = board.selectedKeyProperty().get();
        return Optional.ofNullable(key).flatMap(k -> workspace(k.connection()))
                .or(() -> workspaces().stream().findFirst());
    }

    public BoardViewModel board() {
        return board;
    }

    public InboxViewModel inbox() {
        return inbox;
    }

    /**
     * The main window, with the connections menu (add, sign in again, stop watching) and an expiry banner per
     * connection. Built again on a language change: the view models, and so drafts and selection, stay.
     * Call on the JavaFX thread.
     */
    public MainWindow mainWindow(Consumer<String> openLink, ConnectionActions actions, List<ProfileSummary> profiles) {
        this.openLink = openLink;
        this.actions = actions;
        BackgroundTasks localTasks = new BackgroundTasks(localThread, uiThread);
        // A file from disk is checked against the ECR of the connection on screen.
        LocalReleaseViewModel local = new LocalReleaseViewModel(
                () -> workspaceOnScreen().map(ConnectionWorkspace::releases).orElseThrow(
                        () -> new IllegalStateException("No connection to look images up in")), localTasks);
        window = new MainWindow(board, inbox, new LocalReleaseView(local, clock), actions, clock);
        window.useConnectionMenu(new ConnectionMenu(connectionModels, profiles, actions));
        workspaces().forEach(this::show);
        return window;
    }

    private void show(ConnectionWorkspace workspace) {
        window.addConnection(workspace.detail(openLink),
                new ExpiryBanner(workspace.connection(), actions, workspace::refreshAll, severalConnections));
    }

    @Override
    public void close() {
        List<ConnectionWorkspace> all;
        synchronized (workspaces) {
            all = new ArrayList<>(workspaces.values());
            workspaces.clear();
        }
        all.forEach(ConnectionWorkspace::close);
        localThread.shutdownNow();
        // Drafts typed last must reach the disk before exit.
        fileThread.shutdown();
        ConnectionWorkspace.awaitQuietly(fileThread);
    }
}
