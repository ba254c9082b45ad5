package dev.tollgate.app;

import dev.tollgate.aws.AwsClients;
import dev.tollgate.aws.AwsEnvironment;
import dev.tollgate.aws.CodePipelineCommands;
import dev.tollgate.aws.CodePipelineGateway;
import dev.tollgate.aws.CodePipelineHistory;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.aws.EcrImageRegistry;
import dev.tollgate.aws.S3ArtifactSource;
import dev.tollgate.aws.SqsPipelineEvents;
import dev.tollgate.history.ExecutionImageCache;
import dev.tollgate.identity.CallerIdentity;
import dev.tollgate.identity.ConnectionId;
import dev.tollgate.identity.SignInService;
import dev.tollgate.pipeline.PipelineCommands;
import dev.tollgate.pipeline.PipelineGateway;
import dev.tollgate.release.ArtifactLimits;
import dev.tollgate.release.DefinitionsFile;
import dev.tollgate.release.ReleaseFinder;
import dev.tollgate.storage.DraftStore;
import dev.tollgate.ui.board.BoardViewModel;
import dev.tollgate.ui.board.ChangeFreezeView;
import dev.tollgate.ui.board.ChangeFreezeViewModel;
import dev.tollgate.ui.board.PipelineKey;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.ui.common.DialogService;
import dev.tollgate.ui.common.WatchFanOut;
import dev.tollgate.ui.graph.PipelineCommandBar;
import dev.tollgate.ui.graph.PipelineGraphView;
import dev.tollgate.ui.graph.PipelineGraphViewModel;
import dev.tollgate.ui.history.HistoryView;
import dev.tollgate.ui.history.HistoryViewModel;
import dev.tollgate.ui.review.ApprovalReviewView;
import dev.tollgate.ui.review.ApprovalReviewViewModel;
import dev.tollgate.ui.review.InboxViewModel;
import dev.tollgate.ui.shell.ConnectionDetail;
import dev.tollgate.ui.signin.ConnectionViewModel;
import dev.tollgate.watch.PipelineWatcher;
import dev.tollgate.watch.WatchSettings;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;

/**
 * Everything of one watched connection: its SDK clients, gateways and threads, its own watcher with its own
 * request budget, who the approver is there, and the view models of its pipelines (review, graph, history,
 * change freeze). It feeds the shared board and inbox under its {@link ConnectionId}. Nothing is shared with
 * another connection but the UI thread and the drafts file, so one connection that hangs or fails (expired
 * sign-in, lost network) never delays or disturbs the others. Wired by {@link Tollgate}.
 */
public final class ConnectionWorkspace implements AutoCloseable {

    private final ConnectionId id;
    private final ConnectionSettings settings;
    private final Executor uiThread;
    private final Clock clock;
    private final BoardViewModel board;
    private final InboxViewModel inbox;
    private final AwsClients clients;
    private final ScheduledExecutorService pollThreads;
    private final ExecutorService commandThreads;
    private final ExecutorService tagThread;
    private final ExecutorService historyThreads;
    private final ExecutorService imageThreads;
    private final BackgroundTasks tasks;
    private final ReleaseFinder releases;
    private final PipelineWatcher poller;
    private final Optional<SqsPipelineEvents> pushMode;
    private final ConnectionViewModel connection;
    private final ApprovalReviewViewModel review;
    private final PipelineGraphViewModel graph;
    private final ChangeFreezeViewModel freeze;
    private final HistoryViewModel history;
    private final ChangeListener<PipelineKey> followSelection;
    private final ChangeListener<CallerIdentity> describeIdentity;

    /** Builds the connection's clients and view models and puts it on the board; any thread. */
    ConnectionWorkspace(ConnectionId id, ConnectionSettings settings, AwsEnvironment aws, Executor uiThread, Clock clock,
            WatchSettings watching, DialogService dialogs, DraftStore drafts, BoardViewModel board, InboxViewModel inbox) {
        this.id = id;
        this.settings = settings;
        this.uiThread = uiThread;
        this.clock = clock;
        this.board = board;
        this.inbox = inbox;
        this.clients = new AwsClients(settings, aws, Clock.systemUTC());
        PipelineGateway pipelines = new CodePipelineGateway(clients.codePipeline(), clock);
        this.releases = new ReleaseFinder(pipelines, new S3ArtifactSource(clients.s3()),
                new EcrImageRegistry(clients.ecr()), ArtifactLimits.defaults());
        // The watcher keeps up to WatchSettings.maxInFlight() calls out while pacing on one more thread.
        // Role first: Linux shows a thread's first 15 characters (top -H, /proc), which must tell them apart.
        String onConnection = "@" + id.label().replaceAll("[^A-Za-z0-9]+", "_");
        this.pollThreads = Executors.newScheduledThreadPool(watching.maxInFlight() + 1, daemonThreads("poll", onConnection));
        this.commandThreads = Executors.newFixedThreadPool(3, daemonThreads("command", onConnection));
        this.tasks = new BackgroundTasks(commandThreads, uiThread);
        // The inbox's image tags, one look-up at a time on a thread of their own: at start-up every waiting
        // approval wants one, and they must neither queue ahead of an approval being sent nor take both cores
        // from the window while it first fills.
        this.tagThread = Executors.newSingleThreadExecutor(daemonThreads("tags", onConnection));
        this.connection = new ConnectionViewModel(id, clients.identity(), tasks, uiThread, settings.canSignInAgain());
        BoardViewModel.ConnectionFeed toBoard = board.watch(id, settings.canSignInAgain());
        this.poller = new PipelineWatcher(pipelines, pollThreads, clock, watching,
                new WatchFanOut(toBoard, inbox.watch(id, new BackgroundTasks(tagThread, uiThread), releases), connection));
        this.followSelection = (observable, previous, key) ->
                poller.focus(key != null && key.connection().equals(id) ? key.name() : null);
        this.describeIdentity = (observable, previous, me) -> board.describe(id, me == null ? "" : me.displayName());
        // Push mode hears this connection's account and region only: its queue is one account's events.
        this.pushMode = settings.eventsQueueUrl().map(queue -> clients.pipelineEvents(queue, poller));
        this.review = new ApprovalReviewViewModel(pipelines, releases, tasks, dialogs, drafts, poller::refreshNow,
                () -> Optional.ofNullable(connection.identityProperty().get()));
        PipelineCommands commands = new CodePipelineCommands(clients.codePipeline());
        this.graph = new PipelineGraphViewModel(commands, pipelines, tasks, dialogs, poller::refreshNow);
        this.freeze = new ChangeFreezeViewModel(commands, tasks, dialogs, poller::refreshNow, toBoard.chosen());
        // History reads and image lookups get threads of their own: a long export or a fast scroll must never
        // delay an approval being sent.
        this.historyThreads = Executors.newFixedThreadPool(2, daemonThreads("history", onConnection));
        this.imageThreads = Executors.newFixedThreadPool(2, daemonThreads("images", onConnection));
        ExecutionImageCache images = new ExecutionImageCache(
                (pipeline, executionId) -> releases.imagesOf(pipeline, executionId, DefinitionsFile.standard()), 1024);
        this.history = new HistoryViewModel(new CodePipelineHistory(clients.codePipeline()), images,
                new BackgroundTasks(historyThreads, uiThread), new BackgroundTasks(imageThreads, uiThread), uiThread,
                dialogs, clock);
        uiThread.execute(() -> {
            board.selectedKeyProperty().addListener(followSelection);
            connection.identityProperty().addListener(describeIdentity);
        });
    }

    /** Lists the pipelines and starts watching them, and asks who the approver is here. */
    public void start() {
        poller.start();
        pushMode.ifPresent(SqsPipelineEvents::start);
        uiThread.execute(connection::refreshIdentity);
    }

    /** The approver changed the request budget; each connection has its own, all set alike. */
    public void changeBudget(double callsPerSecond) {
        poller.changeBudget(callsPerSecond);
    }

    /** The connection's side of the window: its pipeline, history and change freeze. On the JavaFX thread. */
    ConnectionDetail detail(Consumer<String> openLink) {
        return new ConnectionDetail(id, review, new ApprovalReviewView(review, clock, openLink), graph,
                new PipelineGraphView(graph, openLink), new PipelineCommandBar(graph), history,
                new HistoryView(history, clock.getZone(), openLink), freeze, new ChangeFreezeView(freeze), tasks,
                poller::refreshAll);
    }

    public ConnectionId id() {
        return id;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /** The connection as the menu shows it, incl. who the approver is ({@code identityProperty()}). */
    public ConnectionViewModel connection() {
        return connection;
    }

    /** Reads release images with this connection's credentials (S3 artifacts, ECR). */
    public ReleaseFinder releases() {
        return releases;
    }

    /** IAM Identity Center sign-in with this connection's endpoints (the sandbox's, when on the sandbox). */
    public SignInService signIn() {
        return clients.signIn();
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    /** Lists again and polls every pipeline of this connection now. */
    public void refreshAll() {
        poller.refreshAll();
    }

    /** After signing in again: use the new sign-in at once and poll everything, leaving the screen as it is. */
    public void signedInAgain() {
        clients.forgetCredentials();
        connection.signedInAgain();
        poller.refreshAll();
    }

    /** Stops watching, takes the connection off the board and the inbox, and closes its clients. Blocks. */
    @Override
    public void close() {
        pushMode.ifPresent(SqsPipelineEvents::close);
        poller.close();
        board.forget(id);
        inbox.forget(id);
        uiThread.execute(() -> {
            board.selectedKeyProperty().removeListener(followSelection);
            connection.identityProperty().removeListener(describeIdentity);
        });
        pollThreads.shutdownNow();
        // An export cut off here writes nothing: the file is renamed into place only when complete.
        historyThreads.shutdownNow();
        imageThreads.shutdownNow();
        tagThread.shutdownNow();
        awaitQuietly(pollThreads);
        commandThreads.shutdown();
        // Let a decision in flight finish so it is recorded or reported, never cut off half-way.
        awaitQuietly(commandThreads);
        clients.close();
    }

    static void awaitQuietly(ExecutorService threads) {
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Daemon threads at the lowest priority: on a busy machine the FX thread comes first, and a poll or a
     * lookup a few milliseconds later goes unnoticed where a dropped frame does not. The packaged runtime
     * makes Linux honour it (packaging/runtime-options.txt); elsewhere it is a hint.
     */
    static ThreadFactory daemonThreads(String role, String suffix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, role + "-" + count.incrementAndGet() + suffix);
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        };
    }
}
