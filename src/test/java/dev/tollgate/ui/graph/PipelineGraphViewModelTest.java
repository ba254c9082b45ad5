package dev.tollgate.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.aws.AwsClients;
import dev.tollgate.aws.CodePipelineCommands;
import dev.tollgate.aws.CodePipelineGateway;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.RetryMode;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.Status;
import dev.tollgate.pipeline.StopMode;
import dev.tollgate.sandbox.ManualClock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.ui.common.BackgroundTasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The graph's commands over the real SDK against the sandbox, every background task inline. */
class PipelineGraphViewModelTest {

    private Sandbox sandbox;
    private AwsClients clients;
    private CodePipelineGateway gateway;
    private PipelineGraphViewModel graph;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> refreshed = new ArrayList<>();

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(Instant.parse("2026-11-24T09:00:00Z"))));
        clients = new AwsClients(ConnectionSettings.sandbox(sandbox.endpoint()));
        gateway = new CodePipelineGateway(clients.codePipeline(), Clock.systemUTC());
        graph = new PipelineGraphViewModel(new CodePipelineCommands(clients.codePipeline()),
                new BackgroundTasks(Runnable::run, Runnable::run), dialogs, refreshed::add);
    }

    @AfterEach
    void stop() {
        clients.close();
        sandbox.close();
    }

    private PipelineSnapshot show(String pipeline) {
        PipelineSnapshot snapshot = gateway.snapshot(pipeline);
        graph.show(snapshot);
        return snapshot;
    }

    private Stage stage(String pipeline, String stage) {
        return gateway.snapshot(pipeline).stage(stage).orElseThrow();
    }

    @Test
    void disablesATransitionWithTheReasonTyped() {
        show("ecs-webapp");
        dialogs.textAnswer = "Release freeze for the holidays";

        graph.toggleTransition("Deploy");

        assertThat(stage("ecs-webapp", "Deploy").inbound().disabledReason()).isEqualTo("Release freeze for the holidays");
        assertThat(graph.outcomeProperty().get().kind()).isEqualTo(PipelineGraphViewModel.Outcome.Kind.DONE);
        assertThat(graph.outcomeProperty().get().message())
                .isEqualTo("Disabled the transition into Deploy of ecs-webapp: \u201cRelease freeze for the holidays\u201d.");
        assertThat(graph.runningProperty().get()).isNull();
        assertThat(refreshed).containsExactly("ecs-webapp");
    }

    @Test
    void theReasonIsCheckedAsTheApiChecksIt() {
        show("ecs-webapp");
        dialogs.textAnswer = "Freeze: CAB-1";

        graph.disableTransition("Deploy");

        assertThat(dialogs.textQuestions).singleElement().satisfies(question -> {
            assertThat(question.maxLength()).isEqualTo(300);
            assertThat(question.problemWith().apply("Freeze: CAB-1"))
                    .hasValueSatisfying(p -> assertThat(p).startsWith("\u201c:\u201d at position 7"));
            assertThat(question.problemWith().apply("")).isPresent();
        });
        assertThat(stage("ecs-webapp", "Deploy").inbound().enabled()).isTrue();
        assertThat(refreshed).isEmpty();
    }

    @Test
    void cancellingTheReasonChangesNothing() {
        show("ecs-webapp");
        dialogs.textAnswer = null;

        graph.toggleTransition("Deploy");

        assertThat(stage("ecs-webapp", "Deploy").inbound().enabled()).isTrue();
        assertThat(graph.outcomeProperty().get()).isNull();
    }

    @Test
    void enablingReleasesTheHeldExecutionAfterSayingWhoDisabledItAndWhy() {
        String held = show("payments-service").stage("Deploy").orElseThrow().heldExecutionId().orElseThrow();

        graph.toggleTransition("Deploy");

        assertThat(dialogs.confirmations).singleElement().satisfies(text -> assertThat(text)
                .contains("dana.okafor").contains("Change freeze during quarter-end close (CAB-2291)")
                .contains("Execution " + held.substring(0, 8) + " waits before Deploy"));
        Stage deploy = stage("payments-service", "Deploy");
        assertThat(deploy.inbound().enabled()).isTrue();
        assertThat(deploy.latest().orElseThrow().pipelineExecutionId()).isEqualTo(held);
        assertThat(graph.outcomeProperty().get().message()).endsWith("Execution " + held.substring(0, 8) + " enters Deploy now.");
    }

    @Test
    void enablingIsNotSentUnlessConfirmed() {
        show("payments-service");
        dialogs.confirmAnswer = false;

        graph.enableTransition("Deploy");

        assertThat(stage("payments-service", "Deploy").inbound().enabled()).isFalse();
    }

    @Test
    void theFirstStageOffersNoTransition() {
        show("ecs-webapp");
        dialogs.textAnswer = "Freeze";

        graph.toggleTransition("Source");

        assertThat(graph.hasInboundTransition("Source")).isFalse();
        assertThat(dialogs.textQuestions).isEmpty();
    }

    @Test
    void retriesTheFailedBuildAndItTurnsGreen() {
        show("nightly-reports");
        assertThat(graph.retryableExecution("Build")).isPresent();
        assertThat(graph.retryableExecution("Source")).isEmpty();

        graph.retry("Build", RetryMode.FAILED_ACTIONS);
        sandbox.control().advanceClock(Duration.ofMinutes(30));

        assertThat(stage("nightly-reports", "Build").status().kind()).isEqualTo(Status.Kind.SUCCEEDED);
        assertThat(graph.outcomeProperty().get().message()).startsWith("Retrying the failed actions of Build");
        assertThat(refreshed).containsExactly("nightly-reports");
    }

    @Test
    void aRetryIsNotSentUnlessConfirmed() {
        show("nightly-reports");
        dialogs.confirmAnswer = false;

        graph.retry("Build", RetryMode.ALL_ACTIONS);

        assertThat(stage("nightly-reports", "Build").status().kind()).isEqualTo(Status.Kind.FAILED);
    }

    @Test
    void stopsTheRunningExecutionWithAReason() {
        show("ecs-webapp");
        String running = graph.latestRunningExecution().orElseThrow();
        assertThat(graph.runningExecution("Approval")).hasValue(running);
        dialogs.textAnswer = "Wrong base image, rebuilding";

        graph.stop(running, StopMode.STOP_AND_ABANDON);

        assertThat(dialogs.textQuestions).singleElement()
                .satisfies(q -> assertThat(q.destructive()).isTrue());
        assertThat(gateway.execution("ecs-webapp", running).status().kind()).isEqualTo(Status.Kind.STOPPED);
        assertThat(graph.outcomeProperty().get().message())
                .isEqualTo("Stopped and abandoned execution " + running.substring(0, 8) + " of ecs-webapp.");
    }

    @Test
    void aRefusedStopReadsAsASentenceWithTheAwsReason() {
        String finished = show("billing-api").latestExecutionId().orElseThrow();
        dialogs.textAnswer = "";

        graph.stop(finished, StopMode.STOP_AND_WAIT);

        PipelineGraphViewModel.Outcome outcome = graph.outcomeProperty().get();
        assertThat(outcome.kind()).isEqualTo(PipelineGraphViewModel.Outcome.Kind.FAILED);
        assertThat(outcome.message()).startsWith("Could not stop execution " + finished.substring(0, 8) + " of billing-api: ")
                .contains("cannot be stopped");
        assertThat(refreshed).containsExactly("billing-api");
    }

    @Test
    void releasesAChange() {
        String before = show("billing-api").latestExecutionId().orElseThrow();

        graph.releaseChange();

        String after = gateway.snapshot("billing-api").latestExecutionId().orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(graph.outcomeProperty().get().message()).isEqualTo("Started execution " + after.substring(0, 8) + " of billing-api.");
    }

    @Test
    void ignoresASecondCommandWhileOneRuns() {
        List<Runnable> queued = new ArrayList<>();
        PipelineGraphViewModel slow = new PipelineGraphViewModel(new CodePipelineCommands(clients.codePipeline()),
                new BackgroundTasks(queued::add, Runnable::run), dialogs, refreshed::add);
        slow.show(gateway.snapshot("billing-api"));

        slow.releaseChange();
        slow.releaseChange();

        assertThat(slow.busyProperty().get()).isTrue();
        assertThat(slow.runningProperty().get()).isEqualTo("Starting a new execution…");
        assertThat(dialogs.confirmations).hasSize(1);
        queued.forEach(Runnable::run);
        assertThat(slow.busyProperty().get()).isFalse();
    }
}
