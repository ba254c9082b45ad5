package dev.tollgate.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.ActionExecutionRecord;
import dev.tollgate.pipeline.ApprovalDecision;
import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineExecution;
import dev.tollgate.pipeline.PipelineGateway;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.PipelineSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The watcher's threads around the plan: what reaches the listener. Waits for events, never asserts speed. */
class PipelineWatcherTest {

    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(3);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final FakeGateway gateway = new FakeGateway();
    private final RecordingListener listener = new RecordingListener();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void listsThePipelinesAndDeliversASnapshotOfEach() throws InterruptedException {
        try (PipelineWatcher watcher = watcher()) {
            watcher.start();

            awaitUntil(() -> listener.snapshots.size() >= 3);
        }

        assertThat(listener.listings).hasSize(1);
        assertThat(listener.snapshots).extracting(PipelineSnapshot::name).contains("a", "b", "c");
    }

    @Test
    void aRefreshAsksThePipelineAgainRightAway() throws InterruptedException {
        try (PipelineWatcher watcher = watcher()) {
            watcher.start();
            awaitUntil(() -> gateway.calls("c") == 1);

            watcher.refreshNow("c");

            awaitUntil(() -> gateway.calls("c") == 2);
        }
    }

    @Test
    void pipelinesNamedByEventsAreAskedAgainRightAwayAndOnlyThose() throws InterruptedException {
        try (PipelineWatcher watcher = watcher()) {
            watcher.start();
            awaitUntil(() -> gateway.calls("a") == 1 && gateway.calls("b") == 1 && gateway.calls("c") == 1);

            watcher.pipelinesChanged(List.of("b", "b"));

            awaitUntil(() -> gateway.calls("b") == 2);
            Thread.sleep(100);
            assertThat(gateway.calls("a")).isEqualTo(1);
            assertThat(gateway.calls("c")).isEqualTo(1);
        }
    }

    @Test
    void throttlingNeverReachesTheListenerButLastingStalenessDoes() throws InterruptedException {
        gateway.throttle("b");
        try (PipelineWatcher watcher = watcher()) {
            watcher.start();
            awaitUntil(() -> gateway.calls("b") >= 2);

            clock.advance(Duration.ofMinutes(6));
            watcher.refreshAll();

            awaitUntil(() -> listener.stale.containsKey("b"));
        }

        assertThat(listener.failures).isEmpty();
        assertThat(listener.snapshots).extracting(PipelineSnapshot::name).doesNotContain("b");
    }

    @Test
    void aRefusedCallIsReportedToTheListener() throws InterruptedException {
        gateway.deny("a");
        try (PipelineWatcher watcher = watcher()) {
            watcher.start();

            awaitUntil(() -> !listener.failures.isEmpty());
        }

        assertThat(listener.failures).containsExactly("a:ACCESS_DENIED");
    }

    private PipelineWatcher watcher() {
        // A large budget: these tests are about what is delivered, not about pacing.
        return new PipelineWatcher(gateway, threads, clock, WatchSettings.defaults().withCallsPerSecond(1000), listener);
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }

    /** Real time from a fixed start, which a test can move forward. */
    private static final class MovableClock extends Clock {
        private final Instant start;
        private final long startNanos = System.nanoTime();
        private volatile Duration skipped = Duration.ZERO;

        MovableClock(Instant start) {
            this.start = start;
        }

        void advance(Duration duration) {
            skipped = skipped.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return start.plus(skipped).plusNanos(System.nanoTime() - startNanos);
        }
    }

    private static final class FakeGateway implements PipelineGateway {
        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        private final Map<String, GatewayException.Problem> failures = new ConcurrentHashMap<>();

        void throttle(String name) {
            failures.put(name, GatewayException.Problem.THROTTLED);
        }

        void deny(String name) {
            failures.put(name, GatewayException.Problem.ACCESS_DENIED);
        }

        int calls(String name) {
            return calls.getOrDefault(name, new AtomicInteger()).get();
        }

        @Override
        public List<PipelineSummary> listPipelines() {
            Instant updated = PipelineStates.LONG_AGO;
            return List.of(new PipelineSummary("a", 1, updated), new PipelineSummary("b", 1, updated),
                    new PipelineSummary("c", 1, updated));
        }

        @Override
        public PipelineSnapshot snapshot(String pipelineName) {
            calls.computeIfAbsent(pipelineName, name -> new AtomicInteger()).incrementAndGet();
            GatewayException.Problem problem = failures.get(pipelineName);
            if (problem != null) {
                throw new GatewayException(problem, "Could not load pipeline " + pipelineName);
            }
            return PipelineStates.idle(pipelineName);
        }

        @Override
        public PipelineExecution execution(String pipelineName, String executionId) {
            throw new UnsupportedOperationException("not watched");
        }

        @Override
        public List<ActionExecutionRecord> actionExecutions(String pipelineName, String executionId) {
            throw new UnsupportedOperationException("not watched");
        }

        @Override
        public Optional<PipelineExecution> lastSucceededThrough(String pipelineName, String stageName) {
            throw new UnsupportedOperationException("not watched");
        }

        @Override
        public Instant decide(ApprovalRequest request, ApprovalDecision decision) {
            throw new UnsupportedOperationException("not watched");
        }
    }

    private static final class RecordingListener implements WatchListener {
        final List<List<PipelineSummary>> listings = new CopyOnWriteArrayList<>();
        final List<PipelineSnapshot> snapshots = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final Map<String, Instant> stale = new ConcurrentHashMap<>();

        @Override
        public void pipelinesListed(List<PipelineSummary> pipelines) {
            listings.add(pipelines);
        }

        @Override
        public void snapshotTaken(PipelineSnapshot snapshot) {
            snapshots.add(snapshot);
        }

        @Override
        public void pollFailed(String pipelineName, GatewayException error) {
            failures.add(pipelineName + ":" + error.problem());
        }

        @Override
        public void pipelineStale(String pipelineName, Instant since) {
            stale.put(pipelineName, since);
        }
    }
}
