package dev.tollgate.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import dev.tollgate.sandbox.fault.FaultConfig;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.ui.graph.PipelineGraphViewModel.VariableValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.model.PipelineVariableDeclaration;

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
        graph = new PipelineGraphViewModel(new CodePipelineCommands(clients.codePipeline()), gateway,
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
        PipelineGraphViewModel slow = new PipelineGraphViewModel(new CodePipelineCommands(clients.codePipeline()), gateway,
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

    // ------------------------------------------------------------------ variables of V2 pipelines

    private String startWallet(String variable, String value) {
        return clients.codePipeline().startPipelineExecution(b -> b.name("wallet-api")
                .variables(v -> v.name(variable).value(value))).pipelineExecutionId();
    }

    @Test
    void showsTheValuesTheNewestExecutionRanWithInDeclaredOrder() {
        String started = startWallet("CANARY_PERCENT", "25");

        show("wallet-api");

        assertThat(graph.variablesProperty().get()).extracting(VariableValue::name, VariableValue::value, VariableValue::resolved)
                .containsExactly(tuple("DEPLOY_ENV", Optional.of("production"), true),
                        tuple("CANARY_PERCENT", Optional.of("25"), true),
                        tuple("FEATURE_FLAGS", Optional.of("instant-payouts=off"), true));
        assertThat(graph.variablesProperty().get().get(0).description()).contains("Environment the Deploy stage releases to");
        assertThat(graph.variablesProperty().get()).allSatisfy(v -> assertThat(v.execution()).contains(started));
    }

    @Test
    void aVariableDeclaredAfterTheExecutionStartedShowsItsDefault() {
        startWallet("CANARY_PERCENT", "50");
        var declaration = clients.codePipeline().getPipeline(b -> b.name("wallet-api")).pipeline();
        List<PipelineVariableDeclaration> more = new ArrayList<>(declaration.variables());
        more.add(PipelineVariableDeclaration.builder().name("REGIONS").defaultValue("eu-west-1").build());
        clients.codePipeline().updatePipeline(b -> b.pipeline(declaration.toBuilder().variables(more).build()));

        show("wallet-api");

        assertThat(graph.variablesProperty().get()).extracting(VariableValue::name, VariableValue::value, VariableValue::resolved)
                .containsExactly(tuple("DEPLOY_ENV", Optional.of("production"), true),
                        tuple("CANARY_PERCENT", Optional.of("50"), true),
                        tuple("FEATURE_FLAGS", Optional.of("instant-payouts=off"), true),
                        tuple("REGIONS", Optional.of("eu-west-1"), false));
    }

    @Test
    void defaultsShowUntilTheValuesAreReadOffTheUiThreadOncePerExecution() {
        startWallet("CANARY_PERCENT", "25");
        List<Runnable> queued = new ArrayList<>();
        PipelineGraphViewModel slow = new PipelineGraphViewModel(new CodePipelineCommands(clients.codePipeline()), gateway,
                new BackgroundTasks(queued::add, Runnable::run), dialogs, refreshed::add);

        slow.show(gateway.snapshot("wallet-api"));
        slow.show(gateway.snapshot("wallet-api"));

        assertThat(slow.variablesProperty().get()).extracting(VariableValue::value, VariableValue::resolved)
                .containsExactly(tuple(Optional.of("production"), false), tuple(Optional.of("10"), false),
                        tuple(Optional.of("instant-payouts=off"), false));
        assertThat(queued).hasSize(1);
        queued.forEach(Runnable::run);
        assertThat(slow.variablesProperty().get().get(1).value()).contains("25");
        assertThat(slow.variablesProperty().get()).allMatch(VariableValue::resolved);
        slow.show(gateway.snapshot("wallet-api"));
        assertThat(queued).as("an execution's values are read once").hasSize(1);
    }

    @Test
    void whenTheValuesCannotBeReadTheDefaultsStay() {
        startWallet("CANARY_PERCENT", "25");
        PipelineSnapshot wallet = gateway.snapshot("wallet-api");
        sandbox.control().setFaults(new FaultConfig(0, 1, 0, 0));

        graph.show(wallet);

        assertThat(graph.variablesProperty().get()).extracting(VariableValue::value, VariableValue::resolved)
                .containsExactly(tuple(Optional.of("production"), false), tuple(Optional.of("10"), false),
                        tuple(Optional.of("instant-payouts=off"), false));
        sandbox.control().setFaults(FaultConfig.none());
        graph.show(wallet);
        assertThat(graph.variablesProperty().get().get(1).value()).as("the next snapshot asks again").contains("25");
    }

    @Test
    void aPipelineWithoutVariablesShowsNone() {
        show("wallet-api");
        assertThat(graph.variablesProperty().get()).hasSize(3);

        show("ecs-webapp");

        assertThat(graph.variablesProperty().get()).isEmpty();
    }
}
