package dev.tollgate.bench;

import dev.tollgate.aws.AwsClients;
import dev.tollgate.aws.CodePipelineGateway;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.aws.EcrImageRegistry;
import dev.tollgate.aws.S3ArtifactSource;
import dev.tollgate.pipeline.PipelineExecution;
import dev.tollgate.release.ArtifactLimits;
import dev.tollgate.release.DefinitionsFile;
import dev.tollgate.release.ExecutionImages;
import dev.tollgate.release.ReleaseFinder;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionSummary;

/**
 * How long a reviewer waits, on a warm app, from opening a review to seeing the image section: the
 * execution's action list, the artifact download and parse, and the ECR lookup, over real HTTP against the
 * sandbox. Each execution is opened once uncached (as a new approval is) and once more (cached artifact).
 *
 * <p>Run: {@code mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tollgate.bench.ReviewOpeningBenchmark}
 */
public final class ReviewOpeningBenchmark {

    public static void main(String[] args) throws IOException {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults());
                AwsClients clients = new AwsClients(ConnectionSettings.sandbox(sandbox.endpoint()))) {
            CodePipelineGateway gateway = new CodePipelineGateway(clients.codePipeline(), Clock.systemUTC());
            List<String> executions = clients.codePipeline()
                    .listPipelineExecutionsPaginator(r -> r.pipelineName("ecs-webapp")).pipelineExecutionSummaries()
                    .stream().map(PipelineExecutionSummary::pipelineExecutionId).toList();
            // Warm up the JVM and the HTTP connections on a throwaway finder.
            ReleaseFinder warmup = finder(gateway, clients);
            for (String id : executions) {
                warmup.imagesOf("ecs-webapp", id, DefinitionsFile.standard());
            }
            ReleaseFinder releases = finder(gateway, clients);
            List<Double> firstOpen = new ArrayList<>();
            List<Double> reopen = new ArrayList<>();
            for (String id : executions) {
                firstOpen.add(timeOpening(gateway, releases, id));
                reopen.add(timeOpening(gateway, releases, id));
            }
            String table = "| review opening (warm app, sandbox, " + executions.size() + " executions) | p50 ms | max ms |\n"
                    + "|---|---|---|\n"
                    + "| new approval (artifact not cached) | " + fmt(percentile(firstOpen, 50)) + " | " + fmt(Collections.max(firstOpen)) + " |\n"
                    + "| reopened (artifact cached, ECR asked again) | " + fmt(percentile(reopen, 50)) + " | " + fmt(Collections.max(reopen)) + " |\n";
            Path out = Path.of("target", "bench");
            Files.createDirectories(out);
            Files.writeString(out.resolve("review-opening.md"), table, StandardCharsets.UTF_8);
            Files.writeString(out.resolve("review-opening.json"), "{\"executions\": " + executions.size()
                    + ", \"firstOpenP50Ms\": " + fmt(percentile(firstOpen, 50)) + ", \"firstOpenMaxMs\": " + fmt(Collections.max(firstOpen))
                    + ", \"reopenP50Ms\": " + fmt(percentile(reopen, 50)) + ", \"reopenMaxMs\": " + fmt(Collections.max(reopen)) + "}\n",
                    StandardCharsets.UTF_8);
            System.out.print(table);
        }
    }

    private static ReleaseFinder finder(CodePipelineGateway gateway, AwsClients clients) {
        return new ReleaseFinder(gateway, new S3ArtifactSource(clients.s3()), new EcrImageRegistry(clients.ecr()),
                ArtifactLimits.defaults());
    }

    /** What the review does before its image section can show: the execution, then the images. */
    private static double timeOpening(CodePipelineGateway gateway, ReleaseFinder releases, String executionId) {
        long start = System.nanoTime();
        PipelineExecution execution = gateway.execution("ecs-webapp", executionId);
        ExecutionImages images = releases.imagesOf("ecs-webapp", executionId, DefinitionsFile.standard());
        if (execution == null || images == null) {
            throw new IllegalStateException("nothing loaded for " + executionId);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String fmt(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
