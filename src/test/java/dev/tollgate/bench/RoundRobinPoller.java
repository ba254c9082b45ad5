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
 * every five minutes. No priorities, no backoff. Same gateway, same request budget and same call concurrency
 * as Tollgate's watcher, so only the choice of what to ask differs: like the watcher, it pays for the
 * GetPipeline the gateway sends with a pipeline's first state by leaving the next slot unused.
 */
final class RoundRobinPoller implements AutoCloseable {

    private static final long RELIST_EVERY_TICKS_PER_CALL_PER_SECOND = 300;

    private final PipelineGateway gateway;
    private final ScheduledExecutorService executor;
    private final double callsPerSecond;
    private final int maxInFlight;
    private final WatchListener listener;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger unpaidRequests = new AtomicInteger();
    private final java.util.Set<String> declarationsFetched = java.util.concurrent.ConcurrentHashMap.newKeySet();
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
        if (closed || inFlight.get() >= maxInFlight || unpaidRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
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
            // Every page of the listing is a request.
            unpaidRequests.addAndGet((pipelines.size() - 1) / 100);
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
                dev.tollgate.pipeline.PipelineSnapshot snapshot = gateway.snapshot(name);
                if (declarationsFetched.add(name + "@" + snapshot.version())) {
                    unpaidRequests.incrementAndGet();
                }
                listener.snapshotTaken(snapshot);
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
