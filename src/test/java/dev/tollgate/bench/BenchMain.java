package dev.tollgate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs the benchmarks of issues 4 (sandbox) and 9 (watcher) and writes {@code results.json} and
 * {@code results.md} into the directory given as the first argument. Started by {@code mvn -Pbench verify};
 * see docs/BENCHMARKS.md. Settings come from system properties so the Maven profile can pass them on.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        Files.createDirectories(out);
        if ("app".equals(System.getProperty("bench.only"))) {
            AppBenchmark.runInto(out);
            return;
        }
        List<Integer> sizes = Arrays.stream(System.getProperty("bench.sizes", "10,100,500,1000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int replicas = Integer.parseInt(System.getProperty("bench.replicas", "3"));
        double budget = Double.parseDouble(System.getProperty("bench.budget", "10"));
        int quota = Integer.parseInt(System.getProperty("bench.quota", "10"));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.warmUp", "300")));
        Duration window = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.window", "180")));
        long seed = Long.parseLong(System.getProperty("bench.seed", "42"));
        Duration pushEvery = Duration.ofMinutes(Long.parseLong(System.getProperty("bench.pushEveryMinutes", "120")));
        double minPushes = Double.parseDouble(System.getProperty("bench.minPushesPerSecond", "0.1"));
        Instant started = Instant.now();

        log("Sandbox: start times");
        SandboxBenchmark sandbox = new SandboxBenchmark();
        List<SandboxBenchmark.StartTime> startTimes = sandbox.startTimes();
        startTimes.forEach(t -> log("  %s", t));
        log("Sandbox: GetPipelineState throughput, 500 pipelines, 4 client threads");
        SandboxBenchmark.Throughput throughput = sandbox.getPipelineStateThroughput(500, 4, 3, 10);
        log("  %s", throughput);

        WatcherBenchmark.Config config = new WatcherBenchmark.Config(sizes, replicas, budget, quota, warmUp, window, seed,
                pushEvery, minPushes);
        log("Watcher: %s", config);
        List<WatcherBenchmark.Row> rows = new WatcherBenchmark(config).run();
        rows.forEach(row -> log("  %s", row));

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode results = json.createObjectNode();
        results.put("startedAt", started.toString());
        results.put("runSeconds", Duration.between(started, Instant.now()).toSeconds());
        results.put("cpus", Runtime.getRuntime().availableProcessors());
        results.put("java", System.getProperty("java.version"));
        ObjectNode sandboxNode = results.putObject("sandbox");
        sandboxNode.set("startTimes", json.valueToTree(startTimes));
        sandboxNode.set("getPipelineStateThroughput", json.valueToTree(throughput));
        ObjectNode watcher = results.putObject("watcher");
        ObjectNode configNode = watcher.putObject("config");
        configNode.set("sizes", json.valueToTree(config.sizes()));
        configNode.put("replicasPerSize", config.replicas());
        configNode.put("budgetCallsPerSecond", config.budget());
        configNode.put("quotaCallsPerSecond", config.quota());
        configNode.put("warmUpSeconds", config.warmUp().toSeconds());
        configNode.put("windowSeconds", config.window().toSeconds());
        configNode.put("seed", config.seed());
        configNode.put("pushEveryMinutesPerPipeline", config.pushEvery().toMinutes());
        configNode.put("minPushesPerSecond", config.minPushesPerSecond());
        watcher.set("rows", json.valueToTree(rows));
        json.writeValue(out.resolve("results.json").toFile(), results);
        Files.writeString(out.resolve("results.md"), markdown(startTimes, throughput, config, rows, started));
        log("Wrote %s and %s", out.resolve("results.json"), out.resolve("results.md"));
        // Last and alone: the app's pulses and memory must not share the cores with the watcher's lanes.
        AppBenchmark.runInto(out);
    }

    private static String markdown(List<SandboxBenchmark.StartTime> startTimes, SandboxBenchmark.Throughput throughput,
            WatcherBenchmark.Config config, List<WatcherBenchmark.Row> rows, Instant started) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append(String.format(Locale.ROOT, "Run %s on %d CPUs, Java %s.%n%n", started,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        md.append("## Sandbox (issue 4)\n\n| start, in-process | cold (first in JVM) | warm median |\n|---|---:|---:|\n");
        for (SandboxBenchmark.StartTime t : startTimes) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms (%d runs) |%n", t.data(), t.coldMillis(),
                    t.warmMedianMillis(), t.warmRuns()));
        }
        md.append(String.format(Locale.ROOT, "%nGetPipelineState over HTTP, real SDK client, %d pipelines, %d client threads: "
                        + "**%.0f calls/s** (%d calls in %.1f s, %d errors)%n%n", throughput.pipelines(),
                throughput.clientThreads(), throughput.callsPerSecond(), throughput.calls(), throughput.seconds(),
                throughput.errors()));
        md.append(String.format(Locale.ROOT, "## Watcher (issue 9)%n%nBudget %.0f calls/s for every poller; sandbox quota "
                        + "%d calls/s (ThrottlingException beyond); %d independent accounts per size; approvals "
                        + "collected for %d s, from when both pollers had seen every pipeline and gone round once more "
                        + "(and pushes had run %d s at least); pushes Poisson, one per "
                        + "pipeline every %d min on average (at least %.2f/s per account); sandbox clock at real speed. "
                        + "Latencies pool every account of a size; requests/min is per account; throttled, errors "
                        + "shown and stale pipelines add up all accounts of a size. *Tollgate + push* is the same "
                        + "watcher fed by the sandbox's events queue (SQS long polls, counted apart: they do not "
                        + "draw on the CodePipeline quota); both Tollgate lanes run the app's watch settings. *Known "
                        + "ahead*: approvals whose execution the poller had seen running before the approval appeared, "
                        + "so it knew one was coming.%n%n", config.budget(), config.quota(),
                config.replicas(), config.window().toSeconds(), config.warmUp().toSeconds(),
                config.pushEvery().toMinutes(),
                config.minPushesPerSecond()));
        md.append("| pipelines | poller | approvals | seen | known ahead | p50 | p95 | max | requests/min | "
                + "SQS requests/min | throttled | errors shown | stale pipelines | first sweep |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (WatcherBenchmark.Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %d | %d | %d | %s | %s | %s | %.0f | %s | %d | %d | %d | %.0f s |%n",
                    row.pipelines(), row.poller(), row.approvals(), row.detected(), row.knownAhead(), seconds(row.p50()),
                    seconds(row.p95()), seconds(row.max()), row.requestsPerMinute(),
                    row.queueRequestsPerMinute() > 0 ? String.format(Locale.ROOT, "%.0f", row.queueRequestsPerMinute()) : "–",
                    row.throttledRequests(), row.surfacedErrors(), row.stalePipelines(), row.initialSweepSeconds()));
        }
        int lanes = Lane.Poller.values().length;
        md.append("\n| pipelines | p95 round-robin / p95 Tollgate | p95 Tollgate / p95 Tollgate + push |\n|---:|---:|---:|\n");
        for (int i = 0; i + lanes - 1 < rows.size(); i += lanes) {
            WatcherBenchmark.Row tollgate = rows.get(i);
            md.append(String.format(Locale.ROOT, "| %d | %s | %s |%n", tollgate.pipelines(),
                    ratio(rows.get(i + 1).p95(), tollgate.p95()), ratio(tollgate.p95(), rows.get(i + 2).p95())));
        }
        List<String> missed = rows.stream().flatMap(row -> row.missed().stream()
                .map(approval -> String.format(Locale.ROOT, "- %d pipelines, %s: %s%n", row.pipelines(), row.poller(),
                        approval))).toList();
        if (!missed.isEmpty()) {
            md.append("\nApprovals never seen (how long each waited):\n\n");
            missed.forEach(md::append);
        }
        return md.toString();
    }

    private static String ratio(Double numerator, Double denominator) {
        return numerator == null || denominator == null || denominator == 0 ? "n/a"
                : String.format(Locale.ROOT, "%.1f×", numerator / denominator);
    }

    private static String seconds(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f s", value);
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
    }
}
