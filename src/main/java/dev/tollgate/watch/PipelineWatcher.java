package dev.tollgate.watch;

import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineGateway;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.PipelineSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every pipeline of a connection within a request budget: pipelines about to need an approval, the
 * one on screen and recently active ones often, idle ones rarely and in turn (see {@link PollPlan}). Each
 * question is one GetPipelineState call, the cheapest that answers both "did an execution start?" and "does an
 * approval wait?"; the gateway adds GetPipeline only when a pipeline's version changes. Throttling slows the
 * watcher down (AIMD) instead of showing an error; data that stays old is reported stale, per pipeline.
 *
 * <p>In push mode an event source tells the watcher which pipelines changed ({@link PipelineEvents}); those
 * are asked first, within the same budget, and polling goes on as the safety net.
 *
 * <p>Calls and the pacing run on the given executor; it needs at least two threads to keep
 * {@link WatchSettings#maxInFlight()} calls going while pacing.
 */
public final class PipelineWatcher implements PipelineEvents, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineWatcher.class);
    /** Staleness is checked at least this often, even when nothing else is due. */
    private static final Duration LONGEST_SLEEP = Duration.ofSeconds(1);

    private final PipelineGateway gateway;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final WatchListener listener;
    private final Object lock = new Object();
    private final PollPlan plan;
    private ScheduledFuture<?> wakeUp;
    private Instant wakeUpAt;
    private boolean started;
    private boolean closed;

    public PipelineWatcher(PipelineGateway gateway, ScheduledExecutorService executor, Clock clock,
            WatchSettings settings, WatchListener listener) {
        this.gateway = Objects.requireNonNull(gateway);
        this.executor = Objects.requireNonNull(executor);
        this.clock = Objects.requireNonNull(clock);
        this.listener = Objects.requireNonNull(listener);
        this.plan = new PollPlan(settings, new Random(), clock.instant());
    }

    /** Lists the pipelines and starts watching them. */
    public void start() {
        synchronized (lock) {
            started = true;
        }
        wake();
    }

    /** Asks for the pipeline's state ahead of everything else, e.g. right after the user changed it. */
    public void refreshNow(String pipelineName) {
        synchronized (lock) {
            plan.refreshRequested(Objects.requireNonNull(pipelineName), clock.instant());
        }
        wake();
    }

    @Override
    public void pipelinesChanged(java.util.Collection<String> pipelineNames) {
        synchronized (lock) {
            plan.changed(List.copyOf(pipelineNames), clock.instant());
        }
        wake();
    }

    @Override
    public void listening(boolean listening) {
        synchronized (lock) {
            plan.listening(listening);
        }
        listener.pushModeChanged(listening);
    }

    /** The Refresh button: lists again and asks every pipeline, the one on screen first. */
    public void refreshAll() {
        synchronized (lock) {
            plan.refreshAllRequested(clock.instant());
        }
        wake();
    }

    /** The pipeline on screen, asked first and every few seconds; null when none is. */
    public void focus(String pipelineName) {
        synchronized (lock) {
            plan.focus(pipelineName, clock.instant());
        }
        wake();
    }

    /** Applies a new request budget (calls per second) to a running watcher. */
    public void changeBudget(double callsPerSecond) {
        synchronized (lock) {
            plan.changeBudget(callsPerSecond, clock.instant());
        }
        wake();
    }

    /** The rate the watcher allows itself now: the budget, or less while AWS throttles. */
    public double callsPerSecond() {
        synchronized (lock) {
            return plan.callsPerSecond();
        }
    }

    private void wake() {
        synchronized (lock) {
            if (!started || closed) {
                return;
            }
            scheduleDispatch(clock.instant());
        }
    }

    /** Must hold the lock. Keeps one pending dispatch, the earliest asked for. */
    private void scheduleDispatch(Instant at) {
        if (wakeUp != null && !wakeUp.isDone() && !wakeUpAt.isAfter(at)) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        long delay = Math.max(0, Duration.between(clock.instant(), at).toNanos());
        try {
            wakeUpAt = at;
            wakeUp = executor.schedule(this::dispatch, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Watcher executor shut down; no further calls");
        }
    }

    private void dispatch() {
        List<StalePipeline> stale;
        List<Runnable> calls = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            wakeUp = null;
            Instant now = clock.instant();
            stale = plan.newlyStale(now);
            while (true) {
                PollDecision decision = plan.next(now);
                if (decision instanceof PollDecision.Poll poll) {
                    calls.add(() -> poll(poll.pipelineName()));
                } else if (decision instanceof PollDecision.ListPipelines) {
                    calls.add(this::list);
                } else {
                    Instant until = ((PollDecision.WaitUntil) decision).instant();
                    Instant latest = now.plus(LONGEST_SLEEP);
                    scheduleDispatch(until.isAfter(latest) ? latest : until);
                    break;
                }
            }
        }
        for (StalePipeline pipeline : stale) {
            LOG.info("Data of {} is stale: last refreshed {}", pipeline.pipelineName(), pipeline.since());
            listener.pipelineStale(pipeline.pipelineName(), pipeline.since());
        }
        for (Runnable call : calls) {
            try {
                executor.execute(call);
            } catch (RejectedExecutionException e) {
                LOG.debug("Watcher executor shut down; call dropped");
            }
        }
    }

    private void list() {
        try {
            List<PipelineSummary> pipelines = gateway.listPipelines();
            if (isClosed()) {
                return;
            }
            listener.pipelinesListed(pipelines);
            synchronized (lock) {
                plan.listed(pipelines, clock.instant());
            }
        } catch (GatewayException e) {
            boolean report;
            synchronized (lock) {
                report = plan.listingFailed(e, clock.instant());
            }
            if (report && !isClosed()) {
                LOG.warn("Listing pipelines failed: {}", e.getMessage());
                listener.pollFailed(null, e);
            } else {
                LOG.debug("Listing pipelines failed ({}): {}", e.problem(), e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure while listing pipelines", e);
            synchronized (lock) {
                plan.listingFailed(unexpected("Could not list pipelines", e), clock.instant());
            }
        } finally {
            wake();
        }
    }

    private void poll(String pipelineName) {
        try {
            PipelineSnapshot snapshot = gateway.snapshot(pipelineName);
            if (isClosed()) {
                return;
            }
            // Told before the plan learns of it, so that the next snapshot of this pipeline cannot overtake it.
            listener.snapshotTaken(snapshot);
            synchronized (lock) {
                plan.snapshotTaken(snapshot, clock.instant());
            }
        } catch (GatewayException e) {
            boolean report;
            synchronized (lock) {
                report = plan.pollFailed(pipelineName, e, clock.instant());
            }
            if (report && !isClosed()) {
                LOG.warn("Polling {} failed: {}", pipelineName, e.getMessage());
                listener.pollFailed(pipelineName, e);
            } else {
                LOG.debug("Polling {} failed ({}): {}", pipelineName, e.problem(), e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure while polling {}", pipelineName, e);
            synchronized (lock) {
                plan.pollFailed(pipelineName, unexpected("Could not load pipeline " + pipelineName, e), clock.instant());
            }
        } finally {
            wake();
        }
    }

    private static GatewayException unexpected(String message, RuntimeException cause) {
        return new GatewayException(GatewayException.Problem.SERVICE_ERROR, message, cause);
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (wakeUp != null) {
                wakeUp.cancel(false);
            }
        }
    }
}
