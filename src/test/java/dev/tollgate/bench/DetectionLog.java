package dev.tollgate.bench;

import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.PipelineSummary;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.watch.WatchListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a poller's listener saw, stamped with {@link System#nanoTime()} when it saw it: the first sighting of
 * every pending approval, how old each pipeline's data got, and every error shown to the user.
 */
final class DetectionLog implements WatchListener {

    private final long staleNanos;
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final Map<String, Long> executionFirstSeen = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSnapshot = new ConcurrentHashMap<>();
    private final Set<String> staleInWindow = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> surfacedErrors = new ConcurrentHashMap<>();
    private final AtomicLong staleReports = new AtomicLong();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    DetectionLog(Duration staleAfter) {
        this.staleNanos = staleAfter.toNanos();
    }

    /** The key both the sandbox's records and a snapshot give for one wait. */
    static String key(String pipeline, String executionId, String stage, String action) {
        return pipeline + "|" + executionId + "|" + stage + "|" + action;
    }

    void openWindow(long nanos) {
        windowStart = nanos;
    }

    void closeWindow(long nanos) {
        windowEnd = nanos;
        for (Map.Entry<String, Long> entry : lastSnapshot.entrySet()) {
            noteAge(entry.getKey(), entry.getValue(), nanos);
        }
    }

    @Override
    public void pipelinesListed(List<PipelineSummary> pipelines) {
    }

    @Override
    public void snapshotTaken(PipelineSnapshot snapshot) {
        long now = System.nanoTime();
        for (Stage stage : snapshot.stages()) {
            stage.latest().ifPresent(run -> executionFirstSeen.putIfAbsent(
                    execution(snapshot.name(), run.pipelineExecutionId()), now));
        }
        for (ApprovalRequest request : snapshot.pendingApprovals()) {
            firstSeen.putIfAbsent(key(request.pipelineName(), request.pipelineExecutionId(), request.stageName(),
                    request.actionName()), now);
        }
        Long previous = lastSnapshot.put(snapshot.name(), now);
        if (previous != null) {
            noteAge(snapshot.name(), previous, now);
        }
    }

    /** Data refreshed at {@code refreshed} and not again before {@code until}: stale if that gap inside the window is too long. */
    private void noteAge(String pipeline, long refreshed, long until) {
        long from = Math.max(refreshed, windowStart);
        long to = Math.min(until, windowEnd);
        if (to > from && to - refreshed > staleNanos && to > windowStart) {
            staleInWindow.add(pipeline);
        }
    }

    @Override
    public void pollFailed(String pipelineName, GatewayException error) {
        surfacedErrors.computeIfAbsent(error.problem().name(), problem -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void pipelineStale(String pipelineName, Instant since) {
        staleReports.incrementAndGet();
    }

    Long firstSeen(String key) {
        return firstSeen.get(key);
    }

    /**
     * When the poller first saw the execution in any stage: before its approval appeared, the watcher knew an
     * approval was coming and could ask often; after, it had to stumble on it.
     */
    Long executionFirstSeen(String pipeline, String executionId) {
        return executionFirstSeen.get(execution(pipeline, executionId));
    }

    private static String execution(String pipeline, String executionId) {
        return pipeline + "|" + executionId;
    }

    int pipelinesSeen() {
        return lastSnapshot.size();
    }

    int stalePipelines() {
        return staleInWindow.size();
    }

    long staleReports() {
        return staleReports.get();
    }

    long surfacedErrors() {
        return surfacedErrors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    long surfacedThrottling() {
        AtomicLong throttled = surfacedErrors.get(GatewayException.Problem.THROTTLED.name());
        return throttled == null ? 0 : throttled.get();
    }
}
