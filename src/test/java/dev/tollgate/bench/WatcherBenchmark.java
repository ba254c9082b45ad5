package dev.tollgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.sandbox.engine.ActionExecutionStatus;
import dev.tollgate.sandbox.engine.ApprovalStatus;
import dev.tollgate.sandbox.engine.PipelineEngine;
import dev.tollgate.sandbox.engine.Shapes;
import dev.tollgate.watch.WatchSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Issue 9's benchmark: for each account size, Tollgate's watcher, a round-robin poller and Tollgate in push
 * mode (its watcher fed by the sandbox's events queue) watch identical sandboxes (same seed, same pushes at
 * the same moments, each behind its own per-second quota), and every approval that appears during the
 * measurement window is looked up in what each poller's listener saw.
 * Sizes run side by side to keep the whole run to minutes; each lane has its own threads and sandbox.
 */
final class WatcherBenchmark {

    /**
     * @param replicas            independent accounts per size (other seeds), run at once for more approvals
     * @param budget              calls per second for both pollers
     * @param quota               the sandbox's ThrottlingException threshold, calls per second
     * @param warmUp              the least time pushes run before the window opens, so that executions pushed
     *                            at start have had time to reach their approvals
     * @param window              how long approvals are collected once both pollers know every pipeline
     * @param pushEvery           mean time between pushes to one pipeline (Poisson), real time
     * @param minPushesPerSecond  a floor on the account-wide push rate, so small accounts still produce approvals
     */
    record Config(List<Integer> sizes, int replicas, double budget, int quota, Duration warmUp, Duration window,
                  long seed, Duration pushEvery, double minPushesPerSecond) {
    }

    /**
     * One poller at one size. Latencies in seconds, null when nothing was detected; {@code latencies} is every
     * one of them, sorted. {@code knownAhead}: approvals whose execution the poller had seen before the
     * approval appeared (it could know one was coming); the others it had to come across. {@code missed}: the
     * approvals never seen, each with how long it waited (one decided within a second may be gone between two
     * looks, by any poller).
     */
    record Row(int pipelines, String poller, int approvals, int detected, Double p50, Double p95, Double max,
               double requestsPerMinute, long throttledRequests, long surfacedErrors, long surfacedThrottling,
               int stalePipelines, long staleReports, double initialSweepSeconds, double pushesPerMinute,
               double windowSeconds, double queueRequestsPerMinute, int knownAhead, List<Double> latencies,
               List<String> missed) {
    }

    /** What one replica measured for one poller, before replicas are pooled. */
    private record Measured(String poller, List<Double> latencies, List<String> missed, int appeared, int knownAhead,
                            CountingProxy.Counts counts,
                            long surfacedErrors, long surfacedThrottling, int stalePipelines, long staleReports,
                            double sweepSeconds, int pushes, double windowSeconds) {
    }

    /** An approval action execution as the sandbox recorded it. */
    private record AppearedApproval(String pipeline, Shapes.ActionExecutionDetail detail) {
    }

    /** Where an approval sits in a pipeline declaration. */
    private record ApprovalAction(String stage, String action) {
    }

    private final Config config;

    WatcherBenchmark(Config config) {
        this.config = config;
    }

    List<Row> run() throws Exception {
        List<int[]> trialsToRun = new ArrayList<>();
        for (int size : config.sizes()) {
            for (int replica = 0; replica < config.replicas(); replica++) {
                trialsToRun.add(new int[] {size, replica});
            }
        }
        ExecutorService trials = Executors.newFixedThreadPool(trialsToRun.size());
        try {
            List<Future<List<Measured>>> running = new ArrayList<>();
            for (int[] trial : trialsToRun) {
                running.add(trials.submit(() -> trial(trial[0], trial[1])));
            }
            List<Row> rows = new ArrayList<>();
            int next = 0;
            for (int size : config.sizes()) {
                List<Measured> pooled = new ArrayList<>();
                for (int replica = 0; replica < config.replicas(); replica++) {
                    pooled.addAll(running.get(next++).get());
                }
                for (Lane.Poller poller : Lane.Poller.values()) {
                    rows.add(pool(size, pooled.stream().filter(m -> m.poller().equals(poller.label)).toList()));
                }
            }
            return rows;
        } finally {
            trials.shutdownNow();
        }
    }

    /** Latencies pooled over replicas; rates and counts summed over replicas, per replica where it says so. */
    private Row pool(int size, List<Measured> replicas) {
        List<Double> latencies = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        int appeared = 0;
        int knownAhead = 0;
        long requests = 0;
        long queueRequests = 0;
        long throttled = 0;
        long errors = 0;
        long throttlingShown = 0;
        int stale = 0;
        long staleReports = 0;
        double sweep = 0;
        int pushes = 0;
        double seconds = 0;
        for (Measured m : replicas) {
            latencies.addAll(m.latencies());
            missed.addAll(m.missed());
            appeared += m.appeared();
            knownAhead += m.knownAhead();
            requests += m.counts().requests();
            queueRequests += m.counts().queueRequests();
            throttled += m.counts().throttled();
            errors += m.surfacedErrors();
            throttlingShown += m.surfacedThrottling();
            stale += m.stalePipelines();
            staleReports += m.staleReports();
            sweep = Math.max(sweep, m.sweepSeconds());
            pushes += m.pushes();
            seconds += m.windowSeconds();
        }
        latencies.sort(Double::compare);
        // Per replica: each replica is one account with one poller under one budget.
        return new Row(size, replicas.get(0).poller(), appeared, latencies.size(), percentile(latencies, 0.50),
                percentile(latencies, 0.95), latencies.isEmpty() ? null : latencies.get(latencies.size() - 1),
                requests / seconds * 60, throttled, errors, throttlingShown, stale, staleReports, sweep,
                pushes / seconds * 60, seconds / replicas.size(), queueRequests / seconds * 60, knownAhead,
                List.copyOf(latencies), missed);
    }

    private List<Measured> trial(int size, int replica) throws Exception {
        // The app's own settings, so that the figures are the app's; only the budget is the benchmark's.
        WatchSettings settings = WatchSettings.desktop(WatchSettings.DESKTOP_IDLE_EVERY).withCallsPerSecond(config.budget());
        long seed = config.seed() + size + 7919L * replica;
        List<Lane> lanes = new ArrayList<>();
        for (Lane.Poller poller : Lane.Poller.values()) {
            lanes.add(Lane.open(poller, size, seed, config.quota(), settings));
        }
        try {
            PipelineEngine reference = lanes.get(0).sandbox.control().engine();
            Map<String, List<ApprovalAction>> approvals = approvalActions(reference);
            List<String> names = new ArrayList<>(approvals.keySet());
            double pushesPerSecond = Math.max(config.minPushesPerSecond(), size / (double) config.pushEvery().toSeconds());
            long started = System.nanoTime();
            lanes.forEach(Lane::start);
            Pushes pushes = new Pushes(lanes, names, approvals, pushesPerSecond, new Random(seed));
            Thread pushing = new Thread(pushes, "bench-pushes-" + size + "-" + replica);
            pushing.setDaemon(true);
            pushing.start();

            double[] sweepSeconds = awaitInitialSweeps(lanes, names.size(), started, size);
            // After its first sweep every pipeline is overdue at once; one more round at the budget's rate lets
            // that settle, so the window measures steady state, not start-up.
            long settled = System.nanoTime() + Math.round(size / config.budget() * 1e9);
            long warmedUp = started + config.warmUp().toNanos();
            long opening = Math.max(settled, warmedUp) - System.nanoTime();
            if (opening > 0) {
                TimeUnit.NANOSECONDS.sleep(opening);
            }
            long windowStart = System.nanoTime();
            List<CountingProxy.Counts> before = new ArrayList<>();
            for (Lane lane : lanes) {
                lane.log.openWindow(windowStart);
                before.add(lane.proxy.counts());
            }
            int pushedBefore = pushes.count();
            Thread.sleep(config.window().toMillis());
            long windowEnd = System.nanoTime();
            List<CountingProxy.Counts> during = new ArrayList<>();
            for (int i = 0; i < lanes.size(); i++) {
                lanes.get(i).log.closeWindow(windowEnd);
                during.add(lanes.get(i).proxy.counts().minus(before.get(i)));
            }
            int pushedDuring = pushes.count() - pushedBefore;
            // Approvals that appeared near the end get as long as a full round-robin sweep to be seen.
            Thread.sleep(Math.round(size / config.budget() * 1000) + 15_000);
            pushes.stop();
            pushing.join();

            double windowSeconds = (windowEnd - windowStart) / 1e9;
            List<Measured> measured = new ArrayList<>();
            for (int i = 0; i < lanes.size(); i++) {
                Lane lane = lanes.get(i);
                List<Double> latencies = new ArrayList<>();
                List<String> missed = new ArrayList<>();
                int appeared = 0;
                int knownAhead = 0;
                for (AppearedApproval approval : approvalsBetween(lane, names, lane.instantOf(windowStart),
                        lane.instantOf(windowEnd))) {
                    appeared++;
                    Shapes.ActionExecutionDetail detail = approval.detail();
                    Long seen = lane.log.firstSeen(DetectionLog.key(approval.pipeline(), detail.pipelineExecutionId(),
                            detail.stageName(), detail.actionName()));
                    long appearedAt = lane.nanosOf(detail.startTime());
                    if (seen != null) {
                        // Never negative: the sandbox's clock runs on the same System.nanoTime() scale.
                        latencies.add((seen - appearedAt) / 1e9);
                    } else {
                        missed.add(String.format(Locale.ROOT, "%s %s %s/%s: %s", approval.pipeline(),
                                detail.pipelineExecutionId(), detail.stageName(), detail.actionName(),
                                detail.status() == ActionExecutionStatus.InProgress ? "still waiting"
                                        : String.format(Locale.ROOT, "%s after %.1f s", detail.status(),
                                        Duration.between(detail.startTime(), detail.lastUpdateTime()).toMillis() / 1000.0)));
                    }
                    Long executionSeen = lane.log.executionFirstSeen(approval.pipeline(), detail.pipelineExecutionId());
                    if (executionSeen != null && executionSeen < appearedAt) {
                        knownAhead++;
                    }
                }
                measured.add(new Measured(lane.poller.label, latencies, missed,
                        appeared, knownAhead, during.get(i), lane.log.surfacedErrors(), lane.log.surfacedThrottling(),
                        lane.log.stalePipelines(), lane.log.staleReports(), sweepSeconds[i], pushedDuring,
                        windowSeconds));
            }
            return measured;
        } finally {
            for (Lane lane : lanes) {
                lane.close();
            }
        }
    }

    private double[] awaitInitialSweeps(List<Lane> lanes, int pipelines, long started, int size)
            throws InterruptedException {
        double[] seconds = new double[lanes.size()];
        // Two requests per pipeline at the budget's rate, while pipelines running towards an approval may take half
        // of it and throttling slows it further: eight times the bare minimum, and two minutes more.
        long deadline = started + TimeUnit.SECONDS.toNanos(Math.round(8 * size / config.budget()) + 120);
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (int i = 0; i < lanes.size(); i++) {
                if (seconds[i] == 0 && lanes.get(i).log.pipelinesSeen() >= pipelines) {
                    seconds[i] = (System.nanoTime() - started) / 1e9;
                }
                all &= seconds[i] > 0;
            }
            if (all) {
                return seconds;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("A poller did not see all " + pipelines + " pipelines in time");
    }

    private static Double percentile(List<Double> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(quantile * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static Map<String, List<ApprovalAction>> approvalActions(PipelineEngine engine) {
        Map<String, List<ApprovalAction>> approvals = new LinkedHashMap<>();
        String token = null;
        do {
            Shapes.Page<Shapes.PipelineSummary> page = engine.listPipelines(100, token);
            for (Shapes.PipelineSummary summary : page.items()) {
                List<ApprovalAction> actions = new ArrayList<>();
                for (JsonNode stage : engine.getPipeline(summary.name(), Optional.empty()).pipeline().path("stages")) {
                    for (JsonNode action : stage.path("actions")) {
                        if ("Approval".equals(action.path("actionTypeId").path("category").asText())) {
                            actions.add(new ApprovalAction(stage.path("name").asText(), action.path("name").asText()));
                        }
                    }
                }
                approvals.put(summary.name(), actions);
            }
            token = page.nextToken();
        } while (token != null);
        return approvals;
    }

    /** Every approval action execution that started in [from, to], per pipeline, read from the engine itself. */
    private static List<AppearedApproval> approvalsBetween(Lane lane, List<String> names, Instant from, Instant to) {
        PipelineEngine engine = lane.sandbox.control().engine();
        engine.catchUp();
        List<AppearedApproval> found = new ArrayList<>();
        for (String name : names) {
            String token = null;
            boolean older = false;
            do {
                Shapes.Page<Shapes.ActionExecutionDetail> page = engine.listActionExecutions(name, Optional.empty(), 100, token);
                for (Shapes.ActionExecutionDetail detail : page.items()) {
                    if (detail.startTime().isBefore(from)) {
                        older = true;
                    } else if (!detail.startTime().isAfter(to) && detail.input() != null
                            && "Approval".equals(detail.input().actionTypeId().category())) {
                        found.add(new AppearedApproval(name, detail));
                    }
                }
                token = page.nextToken();
            } while (token != null && !older);
        }
        return found;
    }

    /** Pushes at a steady random (Poisson) rate to random pipelines, the same push to every lane at once. */
    private static final class Pushes implements Runnable {
        private final List<Lane> lanes;
        private final List<String> names;
        private final Map<String, List<ApprovalAction>> approvals;
        private final double perSecond;
        private final Random random;
        private volatile boolean stopped;
        private volatile int count;

        Pushes(List<Lane> lanes, List<String> names, Map<String, List<ApprovalAction>> approvals, double perSecond,
                Random random) {
            this.lanes = lanes;
            this.names = names;
            this.approvals = approvals;
            this.perSecond = perSecond;
            this.random = random;
        }

        int count() {
            return count;
        }

        void stop() {
            stopped = true;
        }

        @Override
        public void run() {
            long next = System.nanoTime();
            while (true) {
                next += Math.round(-Math.log(1 - random.nextDouble()) / perSecond * 1e9);
                try {
                    for (long wait = next - System.nanoTime(); wait > 0; wait = next - System.nanoTime()) {
                        if (stopped) {
                            return;
                        }
                        TimeUnit.NANOSECONDS.sleep(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(200)));
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (stopped) {
                    return;
                }
                String name = names.get(random.nextInt(names.size()));
                // A reviewer decides 5.5 to 7.5 minutes after the push, so approvals wait as they would for a person.
                Duration decideAfter = Duration.ofSeconds(330 + random.nextInt(120));
                for (Lane lane : lanes) {
                    PipelineEngine engine = lane.sandbox.control().engine();
                    lane.sandbox.control().pushCommit(name, "Benchmark change " + count, "bench");
                    Instant decideAt = engine.now().plus(decideAfter);
                    for (ApprovalAction action : approvals.get(name)) {
                        engine.scheduleDecision(decideAt, name, action.stage(), action.action(),
                                "arn:aws:sts::123456789012:assumed-role/Approver/bench", ApprovalStatus.Approved,
                                "Approved by the benchmark's reviewer");
                    }
                }
                count++;
            }
        }
    }
}
