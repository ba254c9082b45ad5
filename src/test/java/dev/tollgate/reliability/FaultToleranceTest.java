package dev.tollgate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tollgate.aws.AwsClients;
import dev.tollgate.aws.CodePipelineCommands;
import dev.tollgate.aws.CodePipelineGateway;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.identity.ConnectionId;
import dev.tollgate.pipeline.ActionCategory;
import dev.tollgate.pipeline.ApprovalDecision;
import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.Status;
import dev.tollgate.pipeline.TransitionReason;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.sandbox.fault.FaultConfig;
import dev.tollgate.storage.DraftStore;
import dev.tollgate.testing.SandboxFixture;
import dev.tollgate.ui.board.BoardViewModel;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.ui.review.ApprovalReviewViewModel;
import dev.tollgate.watch.PipelineWatcher;
import dev.tollgate.watch.WatchSettings;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's own classes, wired as in production, against the sandbox's fault injection. Each case asserts an
 * outcome: what was recorded, what the user is told, what the board shows.
 */
class FaultToleranceTest {

    private static final ConnectionId SANDBOX = new ConnectionId("Sandbox", "Sandbox");

    private static final Logger LOG = LoggerFactory.getLogger(FaultToleranceTest.class);

    @TempDir
    Path dataDirectory;

    private ApprovalReviewViewModel reviewer(SandboxFixture aws, List<String> refreshed) {
        return new ApprovalReviewViewModel(aws.gateway, aws.releases, new BackgroundTasks(Runnable::run, Runnable::run),
                (title, question, label) -> true, DraftStore.load(dataDirectory.resolve("drafts.json"), Runnable::run),
                refreshed::add);
    }

    @Test
    void throttlingAndServerErrorsNeitherLoseNorRepeatADecision() {
        try (SandboxFixture aws = SandboxFixture.start()) {
            ApprovalReviewViewModel review = reviewer(aws, new ArrayList<>());
            review.show(aws.gateway.snapshot("ecs-webapp"));
            ApprovalRequest reviewed = review.requestProperty().get();
            review.commentProperty().set("Approved under fire");
            aws.sandbox.control().setFaults(new FaultConfig(0.3, 0.05, 0, 0));

            int attempts = 0;
            while (review.requestProperty().get() != null && attempts++ < 10) {
                review.approve();
                if (review.requestProperty().get() != null) {
                    // A failed attempt must keep everything the reviewer typed, for the next try.
                    assertThat(review.commentProperty().get()).isEqualTo("Approved under fire");
                    review.show(snapshotDespiteFaults(aws));
                }
            }
            aws.sandbox.control().setFaults(FaultConfig.none());

            LOG.info("Decision recorded after {} attempt(s) with 30% throttling and 5% server errors", attempts);
            assertThat(review.outcomeProperty().get().kind()).isEqualTo(ApprovalReviewViewModel.Outcome.Kind.DONE);
            var approvals = aws.gateway.actionExecutions("ecs-webapp", reviewed.pipelineExecutionId()).stream()
                    .filter(action -> action.category() == ActionCategory.APPROVAL).toList();
            assertThat(approvals).singleElement().satisfies(approval -> {
                assertThat(approval.status().kind()).isEqualTo(Status.Kind.SUCCEEDED);
                assertThat(approval.summary()).isEqualTo("Approved under fire");
            });
        }
    }

    private static PipelineSnapshot snapshotDespiteFaults(SandboxFixture aws) {
        for (int i = 0; ; i++) {
            try {
                return aws.gateway.snapshot("ecs-webapp");
            } catch (GatewayException e) {
                if (i > 20) {
                    throw e;
                }
            }
        }
    }

    @Test
    void theBoardMarksProblemsWhileFaultsLastAndIsFreshAgainAfter() throws Exception {
        try (SandboxFixture aws = SandboxFixture.start()) {
            ExecutorService ui = Executors.newSingleThreadExecutor();
            ScheduledExecutorService pollThreads = Executors.newScheduledThreadPool(WatchSettings.defaults().maxInFlight() + 1);
            BoardViewModel board = new BoardViewModel(ui);
            PipelineWatcher poller = new PipelineWatcher(aws.gateway, pollThreads, Clock.systemUTC(),
                    WatchSettings.defaults().withIdleEvery(Duration.ofMillis(100)), board.watch(SANDBOX, false));
            try {
                poller.start();
                waitUntil(ui, () -> board.entries().size() == SandboxConfig.DEMO_PIPELINES && board.entries().stream().allMatch(e -> e.row().updatedAt() != null));
                aws.sandbox.control().setFaults(new FaultConfig(0, 1.0, 0, 0));
                waitUntil(ui, () -> board.entries().stream().anyMatch(e -> e.row().problem() != null) || board.problemProperty().get() != null);

                aws.sandbox.control().setFaults(FaultConfig.none());

                waitUntil(ui, () -> board.entries().stream().allMatch(e -> e.row().problem() == null) && board.problemProperty().get() == null);
            } finally {
                poller.close();
                pollThreads.shutdownNow();
                ui.shutdownNow();
            }
        }
    }

    @Test
    void reconnectsWithinFiveSecondsOnceTheSandboxIsBackOnItsPort() throws Exception {
        Sandbox first = Sandbox.start(SandboxConfig.defaults());
        int port = first.port();
        AwsClients clients = new AwsClients(ConnectionSettings.sandbox(first.endpoint()));
        CodePipelineGateway gateway = new CodePipelineGateway(clients.codePipeline(), Clock.systemUTC());
        ExecutorService ui = Executors.newSingleThreadExecutor();
        ScheduledExecutorService pollThreads = Executors.newScheduledThreadPool(WatchSettings.defaults().maxInFlight() + 1);
        BoardViewModel board = new BoardViewModel(ui);
        PipelineWatcher poller = new PipelineWatcher(gateway, pollThreads, Clock.systemUTC(),
                    WatchSettings.defaults().withIdleEvery(Duration.ofMillis(250)), board.watch(SANDBOX, false));
        Sandbox second = null;
        try {
            poller.start();
            waitUntil(ui, () -> board.entries().size() == SandboxConfig.DEMO_PIPELINES);
            first.close();
            waitUntil(ui, () -> board.problemProperty().get() != null || board.entries().stream().anyMatch(e -> e.row().problem() != null));

            second = Sandbox.start(SandboxConfig.defaults().withPort(port));
            long restarted = System.nanoTime();
            var before = board.lastUpdateProperty().get();
            waitUntil(ui, () -> board.lastUpdateProperty().get() != before
                    && board.entries().stream().allMatch(e -> e.row().problem() == null));
            long reconnectMillis = (System.nanoTime() - restarted) / 1_000_000;

            LOG.info("Reconnected {} ms after the sandbox came back", reconnectMillis);
            assertThat(reconnectMillis).isLessThan(5_000);
        } finally {
            poller.close();
            pollThreads.shutdownNow();
            ui.shutdownNow();
            clients.close();
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    void threeClientsDecidingAtOnceRecordExactlyOneDecision() throws Exception {
        try (SandboxFixture alice = SandboxFixture.start();
                SandboxFixture bob = alice.asAnotherClient("AKIDBOB");
                SandboxFixture carol = alice.asAnotherClient("AKIDCAROL")) {
            ApprovalRequest waiting = alice.gateway.snapshot("ecs-webapp").pendingApprovals().get(0);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService racers = Executors.newFixedThreadPool(3);
            List<Future<String>> outcomes = new ArrayList<>();
            for (SandboxFixture client : List.of(alice, bob, carol)) {
                outcomes.add(racers.submit(() -> {
                    go.await();
                    try {
                        client.gateway.decide(waiting, new ApprovalDecision(ApprovalDecision.Verdict.APPROVE, "mine"));
                        return "recorded";
                    } catch (GatewayException e) {
                        return e.problem().name();
                    }
                }));
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(20, TimeUnit.SECONDS));
            }
            racers.shutdown();

            assertThat(results).containsOnlyOnce("recorded");
            assertThat(results).filteredOn(r -> !r.equals("recorded"))
                    .allMatch(r -> r.equals("APPROVAL_ALREADY_DECIDED") || r.equals("APPROVAL_TOKEN_CHANGED"));
            assertThat(alice.gateway.actionExecutions("ecs-webapp", waiting.pipelineExecutionId()).stream()
                    .filter(a -> a.category() == ActionCategory.APPROVAL)).hasSize(1);
        }
    }

    @Test
    void twoTollgateClientsAndTheAwsCliDecidingAtOnceRecordOneDecisionAndEveryoneSeesWho(@TempDir Path home)
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(cliAvailable(), "the AWS CLI is not installed here");
        try (SandboxFixture alice = SandboxFixture.start();
                SandboxFixture bob = alice.asAnotherClient("AKIDBOB")) {
            ApprovalRequest waiting = alice.gateway.snapshot("ecs-webapp").pendingApprovals().get(0);
            // The CLI needs most of a second before its request leaves (Python starting): the Tollgate clients
            // set off after about as long, so that all three requests meet at the sandbox.
            long cliStartup = timeCliStartup(home);
            ProcessBuilder cli = new ProcessBuilder("aws", "--endpoint-url", alice.sandbox.endpoint().toString(),
                    "--region", "us-east-1", "codepipeline", "put-approval-result",
                    "--pipeline-name", waiting.pipelineName(), "--stage-name", waiting.stageName(),
                    "--action-name", waiting.actionName(), "--token", waiting.token(),
                    "--result", "summary=from the CLI,status=Approved").redirectErrorStream(true);
            cliEnvironment(cli, home);
            ExecutorService racers = Executors.newFixedThreadPool(2);
            Process cliRun = cli.start();
            TimeUnit.MILLISECONDS.sleep(cliStartup);
            List<Future<String>> outcomes = new ArrayList<>();
            for (SandboxFixture client : List.of(alice, bob)) {
                outcomes.add(racers.submit(() -> {
                    try {
                        client.gateway.decide(waiting, new ApprovalDecision(ApprovalDecision.Verdict.APPROVE, "mine"));
                        return "recorded";
                    } catch (GatewayException e) {
                        return e.problem().name();
                    }
                }));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(20, TimeUnit.SECONDS));
            }
            racers.shutdown();
            String cliOutput = new String(cliRun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(cliRun.waitFor(60, TimeUnit.SECONDS)).isTrue();
            boolean cliWon = cliRun.exitValue() == 0;
            if (!cliWon) {
                assertThat(cliOutput).containsAnyOf("ApprovalAlreadyCompletedException", "InvalidApprovalTokenException");
            }

            List<String> winners = new ArrayList<>();
            if (cliWon) {
                winners.add("AKIDCLI");
            }
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).equals("recorded")) {
                    winners.add(i == 0 ? "TOLLGATESANDBOX" : "AKIDBOB");
                } else {
                    assertThat(results.get(i)).isIn("APPROVAL_ALREADY_DECIDED", "APPROVAL_TOKEN_CHANGED");
                }
            }
            LOG.info("Race of two Tollgate clients and the AWS CLI: won by {}", winners);
            assertThat(winners).hasSize(1);
            // Whoever lost reads, through their own client, who decided.
            for (SandboxFixture client : List.of(alice, bob)) {
                var approvals = client.gateway.actionExecutions("ecs-webapp", waiting.pipelineExecutionId()).stream()
                        .filter(a -> a.category() == ActionCategory.APPROVAL).toList();
                assertThat(approvals).singleElement()
                        .satisfies(a -> assertThat(a.updatedBy()).endsWith("/" + winners.get(0)));
            }
        }
    }

    private static boolean cliAvailable() {
        try {
            Process process = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long timeCliStartup(Path home) throws Exception {
        ProcessBuilder version = new ProcessBuilder("aws", "--version").redirectErrorStream(true);
        cliEnvironment(version, home);
        long started = System.nanoTime();
        Process process = version.start();
        process.getInputStream().readAllBytes();
        process.waitFor(30, TimeUnit.SECONDS);
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static void cliEnvironment(ProcessBuilder builder, Path home) {
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDCLI");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "cli-secret");
        builder.environment().put("AWS_CONFIG_FILE", home.resolve("none").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("none").toString());
        builder.environment().put("AWS_MAX_ATTEMPTS", "1");
    }

    @Test
    void concurrentTransitionTogglesEndWithTheBoardShowingWhatAwsHas() throws Exception {
        try (SandboxFixture alice = SandboxFixture.start();
                SandboxFixture bob = alice.asAnotherClient("AKIDBOB")) {
            ExecutorService togglers = Executors.newFixedThreadPool(2);
            List<Future<?>> runs = new ArrayList<>();
            for (SandboxFixture client : List.of(alice, bob)) {
                CodePipelineCommands commands = new CodePipelineCommands(client.clients.codePipeline());
                java.util.Random random = new java.util.Random(client == alice ? 1 : 2);
                runs.add(togglers.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        if (random.nextBoolean()) {
                            commands.disableTransition("billing-api", "Deploy", new TransitionReason("Freeze " + i));
                        } else {
                            commands.enableTransition("billing-api", "Deploy");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
            togglers.shutdown();

            ExecutorService ui = Executors.newSingleThreadExecutor();
            ScheduledExecutorService pollThreads = Executors.newScheduledThreadPool(WatchSettings.defaults().maxInFlight() + 1);
            BoardViewModel board = new BoardViewModel(ui);
            PipelineWatcher poller = new PipelineWatcher(alice.gateway, pollThreads, Clock.systemUTC(),
                    WatchSettings.defaults().withIdleEvery(Duration.ofMillis(100)), board.watch(SANDBOX, false));
            try {
                poller.start();
                ui.submit(() -> board.select(SANDBOX, "billing-api")).get();
                var truth = alice.clients.codePipeline().getPipelineState(r -> r.name("billing-api")).stageStates().stream()
                        .filter(stage -> stage.stageName().equals("Deploy")).findFirst().orElseThrow().inboundTransitionState();
                waitUntil(ui, () -> board.selectedProperty().get() != null);
                var shown = ui.submit(() -> board.selectedProperty().get().stage("Deploy").orElseThrow().inbound()).get();

                assertThat(shown.enabled()).isEqualTo(truth.enabled());
                assertThat(shown.disabledReason()).isEqualTo(truth.disabledReason());
                assertThat(shown.lastChangedBy()).isEqualTo(truth.lastChangedBy());
            } finally {
                poller.close();
                pollThreads.shutdownNow();
                ui.shutdownNow();
            }
        }
    }

    @Test
    void valuesFromANewerApiReadAsUnknownInsteadOfFailing() throws Exception {
        HttpServer newerApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        newerApi.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String body = target.endsWith("GetPipeline") ? """
                    {"pipeline": {"name": "future", "version": 3, "roleArn": "arn:aws:iam::1:role/x",
                      "hologramMode": {"enabled": true},
                      "stages": [
                        {"name": "Source", "actions": [{"name": "Src",
                          "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "S3", "version": "1"}}]},
                        {"name": "Think", "actions": [{"name": "Ponder",
                          "actionTypeId": {"category": "Quantum", "owner": "AWS", "provider": "Qubit", "version": "9"}}]}]}}
                    """ : """
                    {"pipelineName": "future", "pipelineVersion": 3, "mood": "curious",
                      "stageStates": [
                        {"stageName": "Source", "latestExecution": {"pipelineExecutionId": "e1", "status": "Succeeded"},
                          "actionStates": [{"actionName": "Src"}]},
                        {"stageName": "Think", "latestExecution": {"pipelineExecutionId": "e1", "status": "Pondering"},
                          "actionStates": [{"actionName": "Ponder",
                            "latestExecution": {"status": "Dreaming", "sparkle": 7}}]}]}
                    """;
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        newerApi.start();
        try (AwsClients clients = new AwsClients(ConnectionSettings.sandbox(
                java.net.URI.create("http://127.0.0.1:" + newerApi.getAddress().getPort())))) {
            PipelineSnapshot snapshot = new CodePipelineGateway(clients.codePipeline(), Clock.systemUTC()).snapshot("future");

            var think = snapshot.stage("Think").orElseThrow();
            assertThat(think.status().label()).isEqualTo("Unknown (Pondering)");
            assertThat(think.actions().get(0).category()).isEqualTo(ActionCategory.UNKNOWN);
            assertThat(think.actions().get(0).status().label()).isEqualTo("Unknown (Dreaming)");
            assertThat(snapshot.headline().label()).isEqualTo("Unknown (Pondering)");
            assertThat(snapshot.stage("Source").orElseThrow().actions().get(0).latest()).isEmpty();
        } finally {
            newerApi.stop(0);
        }
    }

    private static void waitUntil(ExecutorService ui, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            // Read the view model on its own thread, as the UI would.
            if (ui.submit(condition).get()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("condition not met within 15 s");
    }
}
