package dev.tollgate.app;

import dev.tollgate.aws.AwsClients;
import dev.tollgate.aws.AwsEnvironment;
import dev.tollgate.aws.CodePipelineCommands;
import dev.tollgate.aws.CodePipelineGateway;
import dev.tollgate.aws.CodePipelineHistory;
import dev.tollgate.history.ExecutionImageCache;
import dev.tollgate.pipeline.ExecutionHistory;
import dev.tollgate.release.DefinitionsFile;
import dev.tollgate.ui.history.HistoryView;
import dev.tollgate.ui.history.HistoryViewModel;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.aws.EcrImageRegistry;
import dev.tollgate.aws.S3ArtifactSource;
import dev.tollgate.aws.SqsPipelineEvents;
import dev.tollgate.release.ArtifactLimits;
import dev.tollgate.release.ReleaseFinder;
import dev.tollgate.storage.DraftStore;
import dev.tollgate.storage.FavouritesStore;
import java.nio.file.Path;
import dev.tollgate.pipeline.PipelineGateway;
import dev.tollgate.pipeline.PipelineCommands;
import dev.tollgate.ui.board.BoardView;
import dev.tollgate.ui.board.BoardViewModel;
import dev.tollgate.ui.board.ChangeFreezeView;
import dev.tollgate.ui.board.ChangeFreezeViewModel;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.ui.common.DialogService;
import dev.tollgate.ui.graph.PipelineCommandBar;
import dev.tollgate.ui.graph.PipelineGraphView;
import dev.tollgate.ui.graph.PipelineGraphViewModel;
import dev.tollgate.ui.review.ApprovalReviewView;
import dev.tollgate.ui.review.ApprovalReviewViewModel;
import dev.tollgate.ui.review.InboxViewModel;
import dev.tollgate.ui.review.LocalReleaseView;
import dev.tollgate.ui.review.LocalReleaseViewModel;
import dev.tollgate.ui.common.WatchFanOut;
import dev.tollgate.ui.shell.MainWindow;
import dev.tollgate.identity.ProfileSummary;
import dev.tollgate.identity.SignInService;
import dev.tollgate.ui.signin.ConnectionActions;
import dev.tollgate.ui.signin.ConnectionMenu;
import dev.tollgate.ui.signin.ConnectionViewModel;
import dev.tollgate.ui.signin.ExpiryBanner;
import java.util.List;
import dev.tollgate.watch.PipelineWatcher;
import dev.tollgate.watch.WatchSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The composition root: builds the clients, gateways, poller and view models of one connection once, wires
 * them, and closes them together. The JavaFX application and the UI tests both start Tollgate through it.
 */
public final class Tollgate implements AutoCloseable {

    private final ConnectionSettings settings;
    private final Clock clock;
    private final AwsClients clients;
    private final ScheduledExecutorService pollThreads;
    private final ExecutorService commandThreads;
    private final ExecutorService fileThread;
    private final ExecutorService historyThreads;
    private final ExecutorService imageThreads;
    private final PipelineWatcher poller;
    private final Optional<SqsPipelineEvents> pushMode;
    private final BackgroundTasks tasks;
    private final BoardViewModel board;
    private final InboxViewModel inbox;
    private final ReleaseFinder releases;
    private final ApprovalReviewViewModel review;
    private final ConnectionViewModel connection;
    private final PipelineGraphViewModel graph;
    private final ChangeFreezeViewModel freeze;
    private final HistoryViewModel history;

    /**
     * @param dataDirectory where drafts and preferences live; read here, so construct off the UI thread
     */
    public Tollgate(ConnectionSettings settings, Executor uiThread, Clock clock, Duration pollInterval,
            DialogService dialogs, Path dataDirectory) {
        this(settings, AwsEnvironment.system(), uiThread, clock, pollInterval, dialogs, dataDirectory);
    }

    /**
     * @param aws where the shared config files and the SSO token cache are (a temporary home in tests)
     */
    public Tollgate(ConnectionSettings settings, AwsEnvironment aws, Executor uiThread, Clock clock, Duration pollInterval,
            DialogService dialogs, Path dataDirectory) {
        this.settings = settings;
        this.clock = clock;
        this.clients = new AwsClients(settings, aws, Clock.systemUTC());
        PipelineGateway pipelines = new CodePipelineGateway(clients.codePipeline(), clock);
        this.releases = new ReleaseFinder(pipelines, new S3ArtifactSource(clients.s3()),
                new EcrImageRegistry(clients.ecr()), ArtifactLimits.defaults());
        // The watcher keeps up to WatchSettings.maxInFlight() calls out while pacing on one more thread.
        this.pollThreads = Executors.newScheduledThreadPool(WatchSettings.defaults().maxInFlight() + 1,
                daemonThreads("tollgate-poll"));
        this.commandThreads = Executors.newFixedThreadPool(3, daemonThreads("tollgate-command"));
        this.fileThread = Executors.newSingleThreadExecutor(daemonThreads("tollgate-files"));
        DraftStore drafts = DraftStore.load(dataDirectory.resolve("drafts.json"), fileThread);
        this.tasks = new BackgroundTasks(commandThreads, uiThread);
        FavouritesStore favourites = FavouritesStore.load(dataDirectory.resolve("favourites.json"), fileThread);
        // With many pipelines the budget stretches the watcher's rounds well past pollInterval, so a row is stale
        // only past the watcher's own threshold (or ten idle intervals, when those are longer).
        WatchSettings watching = WatchSettings.defaults().withIdleEvery(pollInterval);
        Duration staleAfter = pollInterval.multipliedBy(10).compareTo(watching.staleAfter()) > 0
                ? pollInterval.multipliedBy(10) : watching.staleAfter();
        watching = watching.withStaleAfter(staleAfter);
        this.board = new BoardViewModel(uiThread, clock, staleAfter, favourites, settings.label());
        this.inbox = new InboxViewModel(uiThread, tasks, releases);
        this.connection = new ConnectionViewModel(settings.label(), clients.identity(), tasks, uiThread,
                settings.canSignInAgain());
        this.poller = new PipelineWatcher(pipelines, pollThreads, clock,
                watching, new WatchFanOut(board, inbox, connection));
        board.selectedNameProperty().addListener((observable, previous, name) -> poller.focus(name));
        this.pushMode = settings.eventsQueueUrl().map(queue -> clients.pipelineEvents(queue, poller));
        this.review = new ApprovalReviewViewModel(pipelines, releases, tasks, dialogs, drafts, poller::refreshNow,
                () -> Optional.ofNullable(connection.identityProperty().get()));
        PipelineCommands commands = new CodePipelineCommands(clients.codePipeline());
        this.graph = new PipelineGraphViewModel(commands, tasks, dialogs, poller::refreshNow);
        this.freeze = new ChangeFreezeViewModel(commands, tasks, dialogs, poller::refreshNow, board);
        // History reads and image lookups get threads of their own: a long export or a fast scroll must never
        // delay an approval being sent.
        this.historyThreads = Executors.newFixedThreadPool(2, daemonThreads("tollgate-history"));
        this.imageThreads = Executors.newFixedThreadPool(2, daemonThreads("tollgate-images"));
        ExecutionHistory executionHistory = new CodePipelineHistory(clients.codePipeline());
        ExecutionImageCache images = new ExecutionImageCache(
                (pipeline, executionId) -> releases.imagesOf(pipeline, executionId, DefinitionsFile.standard()), 1024);
        this.history = new HistoryViewModel(executionHistory, images, new BackgroundTasks(historyThreads, uiThread),
                new BackgroundTasks(imageThreads, uiThread), uiThread, dialogs, clock);
    }

    public void startWatching() {
        poller.start();
        pushMode.ifPresent(SqsPipelineEvents::start);
    }

    /** Builds the main window's content; call on the JavaFX thread. */
    public MainWindow mainWindow(Consumer<String> openLink) {
        ApprovalReviewView reviewView = new ApprovalReviewView(review, clock, openLink);
        LocalReleaseView localRelease = new LocalReleaseView(new LocalReleaseViewModel(releases, tasks), clock);
        HistoryView historyView = new HistoryView(history, clock.getZone(), openLink);
        return new MainWindow(settings.label(), board, new BoardView(board, freeze), freeze, new ChangeFreezeView(freeze),
                inbox, review, reviewView, localRelease, graph, new PipelineGraphView(graph, openLink),
                new PipelineCommandBar(graph), history, historyView, tasks, poller::refreshAll, clock);
    }

    /**
     * The main window with the connection menu (sign-in, profiles, sandbox), who the approver is, and the
     * expiry banner. Call on the JavaFX thread.
     */
    public MainWindow mainWindow(Consumer<String> openLink, ConnectionActions actions, List<ProfileSummary> profiles) {
        MainWindow window = mainWindow(openLink);
        window.useConnectionControls(new ConnectionMenu(connection, profiles, actions),
                new ExpiryBanner(connection, actions, poller::refreshAll));
        connection.refreshIdentity();
        return window;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /** The connection as the header shows it, incl. who the approver is ({@code identityProperty()}). */
    public ConnectionViewModel connection() {
        return connection;
    }

    /** IAM Identity Center sign-in with this connection's endpoints (the sandbox's, when on the sandbox). */
    public SignInService signIn() {
        return clients.signIn();
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    /** After signing in again: use the new sign-in at once and poll everything, leaving the screen as it is. */
    public void signedInAgain() {
        clients.forgetCredentials();
        connection.signedInAgain();
        poller.refreshAll();
    }

    @Override
    public void close() {
        pushMode.ifPresent(SqsPipelineEvents::close);
        poller.close();
        pollThreads.shutdownNow();
        // An export cut off here writes nothing: the file is renamed into place only when complete.
        historyThreads.shutdownNow();
        imageThreads.shutdownNow();
        awaitQuietly(pollThreads);
        commandThreads.shutdown();
        // Let a decision in flight finish so it is recorded or reported, never cut off half-way.
        awaitQuietly(commandThreads);
        // Drafts typed last must reach the disk before exit.
        fileThread.shutdown();
        awaitQuietly(fileThread);
        clients.close();
    }

    private static void awaitQuietly(ExecutorService threads) {
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
