package dev.tollgate.bench;

import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineGateway;
import dev.tollgate.pipeline.PipelineSummary;
import dev.tollgate.watch.WatchListener;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The baseline: asks every pipeline in turn at a fixed rate, whatever it is doing, and reads the list again
 * every five minutes. No priorities, no backoff. Same gateway, same budget and same call concurrency as
 * Tollgate's watcher, so only the choice of what to ask differs.
 */
final class RoundRobinPoller implements AutoCloseable {

    private static final long RELIST_EVERY_TICKS_PER_CALL_PER_SECOND = 300;

    private final PipelineGateway gateway;
    private final ScheduledExecutorService executor;
    private final double callsPerSecond;
    private final int maxInFlight;
    private final WatchListener listener;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile List<String> names = List.of();
    private long tick;
    private int next;
    private volatile boolean closed;

    RoundRobinPoller(PipelineGateway gateway, ScheduledExecutorService executor, double callsPerSecond,
            int maxInFlight, WatchListener listener) {
        this.gateway = gateway;
        this.executor = executor;
        this.callsPerSecond = callsPerSecond;
        this.maxInFlight = maxInFlight;
        this.listener = listener;
    }

    void start() {
        long period = Math.round(1e9 / callsPerSecond);
        executor.scheduleAtFixedRate(this::tick, 0, period, TimeUnit.NANOSECONDS);
    }

    private synchronized void tick() {
        if (closed || inFlight.get() >= maxInFlight) {
            // The slot passes unused, as it would for any poller whose calls are all still out.
            tick++;
            return;
        }
        boolean relist = names.isEmpty() || tick % Math.round(RELIST_EVERY_TICKS_PER_CALL_PER_SECOND * callsPerSecond) == 0;
        tick++;
        inFlight.incrementAndGet();
        if (relist) {
            executor.execute(this::list);
            return;
        }
        String name = names.get(next++ % names.size());
        executor.execute(() -> poll(name));
    }

    private void list() {
        try {
            List<PipelineSummary> pipelines = gateway.listPipelines();
            names = pipelines.stream().map(PipelineSummary::name).toList();
            listener.pipelinesListed(pipelines);
        } catch (GatewayException e) {
            listener.pollFailed(null, e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void poll(String name) {
        try {
            if (!closed) {
                listener.snapshotTaken(gateway.snapshot(name));
            }
        } catch (GatewayException e) {
            listener.pollFailed(name, e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
