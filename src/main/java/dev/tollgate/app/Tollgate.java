package dev.tollgate.app;

import dev.tollgate.aws.AwsClients;
import dev.tollgate.aws.CodePipelineGateway;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.aws.EcrImageRegistry;
import dev.tollgate.aws.S3ArtifactSource;
import dev.tollgate.release.ArtifactLimits;
import dev.tollgate.release.ReleaseFinder;
import dev.tollgate.storage.DraftStore;
import java.nio.file.Path;
import dev.tollgate.pipeline.PipelineGateway;
import dev.tollgate.ui.board.BoardViewModel;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.ui.common.DialogService;
import dev.tollgate.ui.review.ApprovalReviewView;
import dev.tollgate.ui.review.ApprovalReviewViewModel;
import dev.tollgate.ui.shell.MainWindow;
import dev.tollgate.watch.PipelineWatcher;
import dev.tollgate.watch.WatchSettings;
import java.time.Clock;
import java.time.Duration;
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
    private final PipelineWatcher poller;
    private final BackgroundTasks tasks;
    private final BoardViewModel board;
    private final ApprovalReviewViewModel review;

    /**
     * @param pollInterval  the shortest interval between two looks at an idle pipeline; with many pipelines the
     *                      watcher's request budget stretches it
     * @param dataDirectory where drafts and preferences live; read here, so construct off the UI thread
     */
    public Tollgate(ConnectionSettings settings, Executor uiThread, Clock clock, Duration pollInterval,
            DialogService dialogs, Path dataDirectory) {
        this.settings = settings;
        this.clock = clock;
        this.clients = new AwsClients(settings);
        PipelineGateway pipelines = new CodePipelineGateway(clients.codePipeline(), clock);
        ReleaseFinder releases = new ReleaseFinder(pipelines, new S3ArtifactSource(clients.s3()),
                new EcrImageRegistry(clients.ecr()), ArtifactLimits.defaults());
        // The watcher keeps up to WatchSettings.maxInFlight() calls out while pacing on one more thread.
        this.pollThreads = Executors.newScheduledThreadPool(WatchSettings.defaults().maxInFlight() + 1,
                daemonThreads("tollgate-poll"));
        this.commandThreads = Executors.newFixedThreadPool(3, daemonThreads("tollgate-command"));
        this.fileThread = Executors.newSingleThreadExecutor(daemonThreads("tollgate-files"));
        DraftStore drafts = DraftStore.load(dataDirectory.resolve("drafts.json"), fileThread);
        this.tasks = new BackgroundTasks(commandThreads, uiThread);
        this.board = new BoardViewModel(uiThread);
        this.poller = new PipelineWatcher(pipelines, pollThreads, clock,
                WatchSettings.defaults().withIdleEvery(pollInterval), board);
        board.selectedNameProperty().addListener((observable, previous, name) -> poller.focus(name));
        this.review = new ApprovalReviewViewModel(pipelines, releases, tasks, dialogs, drafts, poller::refreshNow);
    }

    public void startWatching() {
        poller.start();
    }

    /** Builds the main window's content; call on the JavaFX thread. */
    public MainWindow mainWindow(Consumer<String> openLink) {
        ApprovalReviewView reviewView = new ApprovalReviewView(review, clock, openLink);
        return new MainWindow(settings.label(), board, review, reviewView, tasks, poller::refreshAll, clock);
    }

    public ConnectionSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        poller.close();
        pollThreads.shutdownNow();
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
