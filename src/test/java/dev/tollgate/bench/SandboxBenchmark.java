package dev.tollgate.bench;

import dev.tollgate.aws.AwsClients;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.sandbox.engine.Shapes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;

/**
 * Issue 4's numbers: how long the sandbox takes to start in-process, and how many GetPipelineState calls per
 * second it serves over real HTTP to the real SDK client with 500 pipelines.
 */
final class SandboxBenchmark {

    /** Start times in milliseconds: the first start in this JVM (cold) and the median of the starts after it. */
    record StartTime(String data, double coldMillis, double warmMedianMillis, int warmRuns) {
    }

    record Throughput(int pipelines, int clientThreads, double seconds, long calls, long errors, double callsPerSecond) {
    }

    List<StartTime> startTimes() {
        List<StartTime> results = new ArrayList<>();
        results.add(startTime("demo (" + SandboxConfig.DEMO_PIPELINES + " pipelines)", SandboxConfig.defaults(), 6));
        results.add(startTime("500 pipelines", SandboxConfig.defaults().withPipelines(500), 3));
        return results;
    }

    private static StartTime startTime(String data, SandboxConfig config, int runs) {
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            Sandbox sandbox = Sandbox.start(config);
            millis.add((System.nanoTime() - started) / 1e6);
            sandbox.close();
        }
        List<Double> warm = new ArrayList<>(millis.subList(1, millis.size()));
        warm.sort(Double::compare);
        return new StartTime(data, millis.get(0), warm.get(warm.size() / 2), warm.size());
    }

    Throughput getPipelineStateThroughput(int pipelines, int threads, double warmUpSeconds, double seconds)
            throws InterruptedException {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withPipelines(pipelines));
             AwsClients clients = new AwsClients(ConnectionSettings.sandbox(sandbox.endpoint()))) {
            List<String> names = new ArrayList<>();
            String token = null;
            do {
                Shapes.Page<Shapes.PipelineSummary> page = sandbox.control().engine().listPipelines(100, token);
                page.items().forEach(summary -> names.add(summary.name()));
                token = page.nextToken();
            } while (token != null);
            CodePipelineClient client = clients.codePipeline();
            AtomicBoolean measuring = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong calls = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            CountDownLatch done = new CountDownLatch(threads);
            for (int t = 0; t < threads; t++) {
                int offset = t * names.size() / threads;
                Thread worker = new Thread(() -> {
                    try {
                        for (int i = offset; !stop.get(); i++) {
                            String name = names.get(i % names.size());
                            try {
                                client.getPipelineState(request -> request.name(name));
                                if (measuring.get()) {
                                    calls.incrementAndGet();
                                }
                            } catch (RuntimeException e) {
                                errors.incrementAndGet();
                            }
                        }
                    } finally {
                        done.countDown();
                    }
                }, "bench-state-" + t);
                worker.setDaemon(true);
                worker.start();
            }
            Thread.sleep(Math.round(warmUpSeconds * 1000));
            measuring.set(true);
            long started = System.nanoTime();
            Thread.sleep(Math.round(seconds * 1000));
            measuring.set(false);
            double elapsed = (System.nanoTime() - started) / 1e9;
            stop.set(true);
            done.await(10, TimeUnit.SECONDS);
            return new Throughput(pipelines, threads, elapsed, calls.get(), errors.get(), calls.get() / elapsed);
        }
    }
}
