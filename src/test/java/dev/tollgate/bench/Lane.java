package dev.tollgate.bench;

import dev.tollgate.aws.AwsClients;
import dev.tollgate.aws.CodePipelineGateway;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.aws.SqsPipelineEvents;
import dev.tollgate.pipeline.PipelineGateway;
import dev.tollgate.sandbox.AcceleratedClock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.sandbox.fault.FaultConfig;
import dev.tollgate.watch.PipelineWatcher;
import dev.tollgate.watch.WatchSettings;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One poller watching its own sandbox through the real SDK, over a counting relay. Lanes with the same seed
 * and the same pushes see the same account; each has its own quota, so each poller gets the same budget. The
 * push lane's sandbox also sends CodePipeline's events to an SQS queue, which the app's consumer long-polls
 * through the same relay.
 */
final class Lane implements AutoCloseable {

    enum Poller {
        TOLLGATE("Tollgate"), ROUND_ROBIN("round-robin"), TOLLGATE_PUSH("Tollgate + push");

        final String label;

        Poller(String label) {
            this.label = label;
        }
    }

    final Poller poller;
    final Sandbox sandbox;
    final CountingProxy proxy;
    final DetectionLog log;
    private final Instant origin;
    private final long originNanos;
    private final AwsClients clients;
    private final ScheduledExecutorService threads;
    private final AutoCloseable running;
    private final PipelineWatcher watcher;
    private final SqsPipelineEvents push;

    private Lane(Poller poller, Sandbox sandbox, Instant origin, long originNanos, CountingProxy proxy, AwsClients clients,
            ScheduledExecutorService threads, DetectionLog log, AutoCloseable running, PipelineWatcher watcher,
            SqsPipelineEvents push) {
        this.poller = poller;
        this.sandbox = sandbox;
        this.origin = origin;
        this.originNanos = originNanos;
        this.proxy = proxy;
        this.clients = clients;
        this.threads = threads;
        this.log = log;
        this.running = running;
        this.watcher = watcher;
        this.push = push;
    }

    static Lane open(Poller poller, int pipelines, long seed, int quotaPerSecond, WatchSettings settings)
            throws IOException {
        // Real time (speed 1): builds take their simulated minutes, so polling intervals and build times relate
        // as they would against AWS. Knowing the clock's origin maps simulated instants to System.nanoTime().
        Instant origin = Instant.now();
        long before = System.nanoTime();
        AcceleratedClock clock = new AcceleratedClock(origin, 1.0);
        long originNanos = (before + System.nanoTime()) / 2;
        Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withPipelines(pipelines).withSeed(seed)
                .withClock(clock).withFaults(new FaultConfig(0, 0, 0, quotaPerSecond))
                .withEventsQueue(poller == Poller.TOLLGATE_PUSH ? Optional.of("pipeline-events") : Optional.empty()));
        CountingProxy proxy = new CountingProxy(sandbox.endpoint());
        AwsClients clients = new AwsClients(ConnectionSettings.sandbox(proxy.endpoint()));
        PipelineGateway gateway = new CodePipelineGateway(clients.codePipeline(), Clock.systemUTC());
        ScheduledExecutorService threads = Executors.newScheduledThreadPool(settings.maxInFlight() + 1, runnable -> {
            Thread thread = new Thread(runnable, "bench-" + poller.name().toLowerCase() + "-" + pipelines);
            thread.setDaemon(true);
            return thread;
        });
        DetectionLog log = new DetectionLog(settings.staleAfter());
        if (poller != Poller.ROUND_ROBIN) {
            PipelineWatcher watcher = new PipelineWatcher(gateway, threads, Clock.systemUTC(), settings, log);
            // The queue URL names the sandbox; the SQS client goes through the relay like every other call.
            SqsPipelineEvents push = poller == Poller.TOLLGATE_PUSH
                    ? clients.pipelineEvents(sandbox.eventsQueueUrl().orElseThrow(), watcher) : null;
            return new Lane(poller, sandbox, origin, originNanos, proxy, clients, threads, log, watcher, watcher, push);
        }
        RoundRobinPoller naive = new RoundRobinPoller(gateway, threads, settings.callsPerSecond(), settings.maxInFlight(), log);
        return new Lane(poller, sandbox, origin, originNanos, proxy, clients, threads, log, naive, null, null);
    }

    void start() {
        if (watcher != null) {
            watcher.start();
            if (push != null) {
                push.start();
            }
        } else {
            ((RoundRobinPoller) running).start();
        }
    }

    /** When a simulated instant happened, on the {@link System#nanoTime()} scale. */
    long nanosOf(Instant simulated) {
        return originNanos + Duration.between(origin, simulated).toNanos();
    }

    /** The simulated instant at a {@link System#nanoTime()} reading. */
    Instant instantOf(long nanos) {
        return origin.plusNanos(nanos - originNanos);
    }

    @Override
    public void close() throws Exception {
        if (push != null) {
            push.close();
        }
        running.close();
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
        clients.close();
        proxy.close();
        sandbox.close();
    }
}
