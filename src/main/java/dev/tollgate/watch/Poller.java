package dev.tollgate.watch;

import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineGateway;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.PipelineSummary;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every pipeline of a connection at a fixed interval and refreshes one pipeline on demand (after a
 * command). Cycles never overlap: the next one is scheduled when the previous one ends.
 */
public final class Poller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

    private final PipelineGateway gateway;
    private final ScheduledExecutorService executor;
    private final Duration interval;
    private final WatchListener listener;
    private final List<String> pipelineNames = new CopyOnWriteArrayList<>();
    private ScheduledFuture<?> cycle;
    private volatile boolean closed;

    public Poller(PipelineGateway gateway, ScheduledExecutorService executor, Duration interval, WatchListener listener) {
        this.gateway = Objects.requireNonNull(gateway);
        this.executor = Objects.requireNonNull(executor);
        this.interval = Objects.requireNonNull(interval);
        this.listener = Objects.requireNonNull(listener);
    }

    public synchronized void start() {
        if (cycle == null) {
            cycle = executor.scheduleWithFixedDelay(this::pollAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Asks for the pipeline's state now, outside the cycle, e.g. right after the user changed it. */
    public void refreshNow(String pipelineName) {
        try {
            executor.execute(() -> poll(pipelineName));
        } catch (RejectedExecutionException rejected) {
            LOG.debug("Poller closed; refresh of {} dropped", pipelineName);
        }
    }

    /** Polls the list and every pipeline now, outside the cycle (the Refresh button). */
    public void refreshAll() {
        try {
            executor.execute(this::pollAll);
        } catch (RejectedExecutionException rejected) {
            LOG.debug("Poller closed; refresh dropped");
        }
    }

    private void pollAll() {
        if (closed) {
            return;
        }
        try {
            List<PipelineSummary> pipelines = gateway.listPipelines();
            pipelineNames.clear();
            pipelines.forEach(p -> pipelineNames.add(p.name()));
            listener.pipelinesListed(pipelines);
        } catch (GatewayException e) {
            LOG.warn("Listing pipelines failed: {}", e.getMessage());
            listener.pollFailed(null, e);
            return;
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; keep the cycle alive and report it.
            LOG.error("Unexpected failure while listing pipelines", e);
            return;
        }
        for (String name : pipelineNames) {
            poll(name);
        }
    }

    private void poll(String pipelineName) {
        if (closed) {
            return;
        }
        try {
            PipelineSnapshot snapshot = gateway.snapshot(pipelineName);
            listener.snapshotTaken(snapshot);
        } catch (GatewayException e) {
            if (closed) {
                return;
            }
            LOG.warn("Polling {} failed: {}", pipelineName, e.getMessage());
            listener.pollFailed(pipelineName, e);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure while polling {}", pipelineName, e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (cycle != null) {
            cycle.cancel(false);
        }
    }
}
