package dev.tollgate.reliability;

import dev.tollgate.identity.ConnectionId;
import dev.tollgate.pipeline.ActionCategory;
import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.Status;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.sandbox.fault.FaultConfig;
import dev.tollgate.sandbox.fault.FaultInjector;
import dev.tollgate.storage.DraftStore;
import dev.tollgate.testing.SandboxFixture;
import dev.tollgate.ui.board.BoardViewModel;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.ui.review.ApprovalReviewViewModel;
import dev.tollgate.watch.PipelineWatcher;
import dev.tollgate.watch.WatchSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The long form of the fault suite, outside CI: the app's poller, board and review wired as in production,
 * for N minutes against a sandbox answering 30 % of calls with ThrottlingException and 5 % with 5xx, while
 * releases keep arriving and are approved through the review. Every decision is then checked in the sandbox:
 * recorded once with its comment, or reported as not sent. Writes {@code target/bench/soak.md}.
 *
 * <p>Run: {@code mvn -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.tollgate.reliability.FaultSoak -Dexec.args=10} (minutes; default 10).
 */
public final class FaultSoak {

    private static final ConnectionId SANDBOX = new ConnectionId("Sandbox", "Sandbox");

    public static void main(String[] args) throws Exception {
        Duration length = Duration.ofMinutes(args.length > 0 ? Long.parseLong(args[0]) : 10);
        Path data = Files.createTempDirectory("tollgate-soak");
        try (SandboxFixture aws = SandboxFixture.start(SandboxConfig.defaults())) {
            ExecutorService ui = Executors.newSingleThreadExecutor();
            ScheduledExecutorService pollThreads = Executors.newScheduledThreadPool(WatchSettings.defaults().maxInFlight() + 1);
            BoardViewModel board = new BoardViewModel(ui);
            PipelineWatcher poller = new PipelineWatcher(aws.gateway, pollThreads, java.time.Clock.systemUTC(),
                    WatchSettings.defaults().withIdleEvery(Duration.ofMillis(500)), board.watch(SANDBOX, false));
            ApprovalReviewViewModel review = new ApprovalReviewViewModel(aws.gateway, aws.releases,
                    new BackgroundTasks(Runnable::run, Runnable::run), (t, q, l) -> true,
                    DraftStore.load(data.resolve("drafts.json"), Runnable::run), name -> { });
            aws.sandbox.control().setFaults(new FaultConfig(0.3, 0.05, 0, 0));
            poller.start();

            Map<String, String> sentComments = new LinkedHashMap<>();
            int attempts = 0;
            int reportedNotSent = 0;
            long maxStaleMillis = 0;
            long end = System.nanoTime() + length.toNanos();
            int release = 0;
            while (System.nanoTime() < end) {
                // A push, the build, the wait at the approval: then the reviewer decides, as often as it takes.
                aws.sandbox.control().pushCommit("ecs-webapp", "Soak release " + (++release), "soak");
                aws.sandbox.control().advanceClock(Duration.ofMinutes(15));
                PipelineSnapshot snapshot = snapshotDespiteFaults(aws);
                review.show(snapshot);
                ApprovalRequest waiting = review.requestProperty().get();
                if (waiting == null) {
                    continue;
                }
                String comment = "soak decision " + release;
                review.commentProperty().set(comment);
                while (review.requestProperty().get() != null && review.requestProperty().get().sameWaitAs(waiting)) {
                    attempts++;
                    review.approve();
                    if (review.outcomeProperty().get() != null
                            && review.outcomeProperty().get().kind() == ApprovalReviewViewModel.Outcome.Kind.FAILED) {
                        reportedNotSent++;
                        review.show(snapshotDespiteFaults(aws));
                    }
                }
                sentComments.put(waiting.pipelineExecutionId(), comment);
                aws.sandbox.control().advanceClock(Duration.ofMinutes(10));
                var last = ui.submit(() -> board.lastUpdateProperty().get()).get();
                if (last != null) {
                    maxStaleMillis = Math.max(maxStaleMillis, Duration.between(last, java.time.Instant.now()).toMillis());
                }
            }
            aws.sandbox.control().setFaults(FaultConfig.none());
            poller.close();
            pollThreads.shutdownNow();
            ui.shutdownNow();

            int recorded = 0;
            int lost = 0;
            int duplicated = 0;
            for (Map.Entry<String, String> sent : sentComments.entrySet()) {
                List<String> summaries = new ArrayList<>();
                aws.gateway.actionExecutions("ecs-webapp", sent.getKey()).stream()
                        .filter(action -> action.category() == ActionCategory.APPROVAL && action.status().is(Status.Kind.SUCCEEDED))
                        .forEach(action -> summaries.add(action.summary()));
                if (summaries.isEmpty()) {
                    lost++;
                } else if (summaries.size() > 1) {
                    duplicated++;
                } else if (sent.getValue().equals(summaries.get(0))) {
                    recorded++;
                } else {
                    lost++;
                }
            }
            FaultInjector.Counts counts = aws.sandbox.control().faultCounts();
            String table = "| soak (" + length.toMinutes() + " min, 30 % throttled + 5 % 5xx) | value |\n|---|---|\n"
                    + "| AWS calls made | " + counts.calls() + " |\n"
                    + "| faults injected (throttled / 5xx) | " + counts.throttled() + " / " + counts.failed() + " |\n"
                    + "| decisions recorded, exactly once, with their comment | " + recorded + " of " + sentComments.size() + " |\n"
                    + "| decision attempts (retries after a reported failure) | " + attempts + " (" + reportedNotSent + ") |\n"
                    + "| decisions lost | " + lost + " |\n"
                    + "| decisions recorded twice | " + duplicated + " |\n"
                    + "| longest time the board went without an update (ms) | " + maxStaleMillis + " |\n";
            Path out = Path.of("target", "bench");
            Files.createDirectories(out);
            Files.writeString(out.resolve("soak.md"), table, StandardCharsets.UTF_8);
            System.out.print(table);
            if (lost > 0 || duplicated > 0) {
                System.exit(1);
            }
        }
    }

    private static PipelineSnapshot snapshotDespiteFaults(SandboxFixture aws) {
        for (int i = 0; ; i++) {
            try {
                return aws.gateway.snapshot("ecs-webapp");
            } catch (GatewayException e) {
                if (i > 50) {
                    throw e;
                }
            }
        }
    }
}
