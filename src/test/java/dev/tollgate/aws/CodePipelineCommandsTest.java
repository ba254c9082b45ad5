package dev.tollgate.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.RetryMode;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.Status;
import dev.tollgate.pipeline.StopMode;
import dev.tollgate.pipeline.StopReason;
import dev.tollgate.pipeline.TransitionReason;
import dev.tollgate.sandbox.ManualClock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionSummary;

/** The commands over the real SDK client, against the in-process sandbox over HTTP. */
class CodePipelineCommandsTest {

    private Sandbox sandbox;
    private AwsClients clients;
    private CodePipelineGateway gateway;
    private CodePipelineCommands commands;

    @BeforeEach
    void startSandbox() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(Instant.parse("2026-11-24T09:00:00Z"))));
        clients = new AwsClients(ConnectionSettings.sandbox(sandbox.endpoint()));
        gateway = new CodePipelineGateway(clients.codePipeline(), Clock.systemUTC());
        commands = new CodePipelineCommands(clients.codePipeline());
    }

    @AfterEach
    void stop() {
        clients.close();
        sandbox.close();
    }

    private Stage stage(String pipeline, String stage) {
        return gateway.snapshot(pipeline).stage(stage).orElseThrow();
    }

    @Test
    void disablingATransitionRecordsTheReasonWhoAndWhen() {
        commands.disableTransition("ecs-webapp", "Deploy", new TransitionReason("Change freeze (CAB-7) until Monday"));

        Stage deploy = stage("ecs-webapp", "Deploy");
        assertThat(deploy.inbound().enabled()).isFalse();
        assertThat(deploy.inbound().disabledReason()).isEqualTo("Change freeze (CAB-7) until Monday");
        assertThat(deploy.inbound().lastChangedBy()).isNotBlank();
        assertThat(deploy.inbound().lastChangedAt()).isNotNull();
    }

    @Test
    void enablingATransitionLetsTheHeldExecutionIn() {
        Stage before = stage("payments-service", "Deploy");
        String held = before.heldExecutionId().orElseThrow();
        assertThat(before.inbound().enabled()).isFalse();

        commands.enableTransition("payments-service", "Deploy");

        Stage after = stage("payments-service", "Deploy");
        assertThat(after.inbound().enabled()).isTrue();
        assertThat(after.heldExecutionId()).isEmpty();
        assertThat(after.latest().orElseThrow().pipelineExecutionId()).isEqualTo(held);
    }

    @Test
    void aStageThePipelineDoesNotHaveIsReportedAsNotFound() {
        assertThatThrownBy(() -> commands.disableTransition("nightly-reports", "Deploy", new TransitionReason("Freeze")))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.problem()).isEqualTo(GatewayException.Problem.NOT_FOUND);
                    assertThat(e.getMessage())
                            .startsWith("Could not disable the transition into Deploy of nightly-reports: ")
                            .contains("Deploy");
                });
    }

    @Test
    void aMissingPipelineIsReportedAsNotFound() {
        assertThatThrownBy(() -> commands.enableTransition("no-such-pipeline", "Deploy"))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.problem()).isEqualTo(GatewayException.Problem.NOT_FOUND));
    }

    @Test
    void theFirstStageHasNoInboundTransitionAndAwsSaysSo() {
        assertThatThrownBy(() -> commands.disableTransition("ecs-webapp", "Source", new TransitionReason("Freeze")))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.problem()).isEqualTo(GatewayException.Problem.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("first stage");
                });
    }

    @Test
    void stoppingAndAbandoningEndsTheWaitingExecutionWithTheReason() {
        String waiting = gateway.snapshot("ecs-webapp").pendingApprovals().get(0).pipelineExecutionId();

        commands.stopExecution("ecs-webapp", waiting, StopMode.STOP_AND_ABANDON, new StopReason("Wrong branch"));
        sandbox.control().advanceClock(Duration.ofMinutes(1));

        assertThat(gateway.execution("ecs-webapp", waiting).status().kind()).isEqualTo(Status.Kind.STOPPED);
        PipelineExecutionSummary summary = clients.codePipeline()
                .listPipelineExecutions(request -> request.pipelineName("ecs-webapp"))
                .pipelineExecutionSummaries().stream()
                .filter(s -> s.pipelineExecutionId().equals(waiting)).findFirst().orElseThrow();
        assertThat(summary.stopTrigger().reason()).isEqualTo("Wrong branch");
    }

    @Test
    void stoppingAndWaitingStopsTheHeldExecution() {
        String held = stage("payments-service", "Deploy").heldExecutionId().orElseThrow();

        commands.stopExecution("payments-service", held, StopMode.STOP_AND_WAIT, StopReason.NONE);

        assertThat(gateway.execution("payments-service", held).status().kind()).isEqualTo(Status.Kind.STOPPED);
        assertThat(stage("payments-service", "Deploy").heldExecutionId()).isEmpty();
    }

    @Test
    void stoppingAFinishedExecutionSaysWhyItCannot() {
        PipelineSnapshot billing = gateway.snapshot("billing-api");
        String finished = billing.latestExecutionId().orElseThrow();

        assertThatThrownBy(() -> commands.stopExecution("billing-api", finished, StopMode.STOP_AND_WAIT, StopReason.NONE))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.problem()).isEqualTo(GatewayException.Problem.INVALID_REQUEST);
                    assertThat(e.getMessage()).startsWith("Could not stop execution " + finished.substring(0, 8)
                            + " of billing-api: ").contains("cannot be stopped").doesNotContain("Exception");
                });
    }

    @Test
    void retryingTheFailedBuildMakesItGreen() {
        Stage build = stage("nightly-reports", "Build");
        assertThat(build.status().kind()).isEqualTo(Status.Kind.FAILED);
        String failed = build.latest().orElseThrow().pipelineExecutionId();

        String retried = commands.retryStage("nightly-reports", "Build", failed, RetryMode.FAILED_ACTIONS);
        sandbox.control().advanceClock(Duration.ofMinutes(30));

        assertThat(retried).isEqualTo(failed);
        assertThat(stage("nightly-reports", "Build").status().kind()).isEqualTo(Status.Kind.SUCCEEDED);
    }

    @Test
    void retryingAllActionsRunsTheStageAgain() {
        String failed = stage("nightly-reports", "Build").latest().orElseThrow().pipelineExecutionId();

        commands.retryStage("nightly-reports", "Build", failed, RetryMode.ALL_ACTIONS);

        assertThat(stage("nightly-reports", "Build").status().kind()).isEqualTo(Status.Kind.IN_PROGRESS);
    }

    @Test
    void retryingASucceededStageSaysItIsNotRetryable() {
        Stage build = stage("billing-api", "Build");
        String id = build.latest().orElseThrow().pipelineExecutionId();

        assertThatThrownBy(() -> commands.retryStage("billing-api", "Build", id, RetryMode.FAILED_ACTIONS))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.problem()).isEqualTo(GatewayException.Problem.INVALID_REQUEST);
                    assertThat(e.getMessage()).startsWith("Could not retry Build of billing-api: ")
                            .contains("only failed or stopped stages can be retried");
                });
    }

    @Test
    void releasingAChangeStartsANewExecution() {
        String before = gateway.snapshot("billing-api").latestExecutionId().orElseThrow();

        String started = commands.startExecution("billing-api");

        assertThat(started).isNotBlank().isNotEqualTo(before);
        assertThat(gateway.snapshot("billing-api").latestExecutionId()).hasValue(started);
        assertThat(gateway.execution("billing-api", started).triggerType()).isEqualTo("StartPipelineExecution");
    }
}
