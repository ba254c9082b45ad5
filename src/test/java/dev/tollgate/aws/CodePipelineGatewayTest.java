package dev.tollgate.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.pipeline.ActionCategory;
import dev.tollgate.pipeline.ApprovalDecision;
import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.PipelineSummary;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.Status;
import dev.tollgate.sandbox.ManualClock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway over the real SDK client, against the in-process sandbox over HTTP. */
class CodePipelineGatewayTest {

    private Sandbox sandbox;
    private AwsClients clients;
    private CodePipelineGateway gateway;

    @BeforeEach
    void startSandbox() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(Instant.parse("2026-11-24T09:00:00Z"))));
        clients = new AwsClients(ConnectionSettings.sandbox(sandbox.endpoint()));
        gateway = new CodePipelineGateway(clients.codePipeline(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        clients.close();
        sandbox.close();
    }

    @Test
    void listsTheDemoPipelines() {
        assertThat(gateway.listPipelines()).extracting(PipelineSummary::name)
                .contains("ecs-webapp", "billing-api", "nightly-reports");
    }

    @Test
    void everyDemoPipelineLoads() {
        for (PipelineSummary pipeline : gateway.listPipelines()) {
            assertThat(gateway.snapshot(pipeline.name()).stages()).as(pipeline.name()).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void joinsDeclarationAndStateIntoASnapshot() {
        PipelineSnapshot snapshot = gateway.snapshot("ecs-webapp");

        assertThat(snapshot.stages()).extracting(Stage::name).containsExactly("Source", "Build", "Approval", "Deploy");
        assertThat(snapshot.stage("Build").orElseThrow().actions()).first()
                .satisfies(action -> assertThat(action.category()).isEqualTo(ActionCategory.BUILD));
        assertThat(snapshot.pendingApprovals()).singleElement().satisfies(request -> {
            assertThat(request.stageName()).isEqualTo("Approval");
            assertThat(request.token()).matches("[0-9a-f-]{36}");
            assertThat(request.pipelineExecutionId()).isNotBlank();
        });
    }

    @Test
    void approvingLetsDeploySucceed() {
        ApprovalRequest request = gateway.snapshot("ecs-webapp").pendingApprovals().get(0);

        Instant at = gateway.decide(request, new ApprovalDecision(ApprovalDecision.Verdict.APPROVE, "Tag checked"));
        sandbox.control().advanceClock(Duration.ofMinutes(10));

        assertThat(at).isNotNull();
        PipelineSnapshot after = gateway.snapshot("ecs-webapp");
        assertThat(after.pendingApprovals()).isEmpty();
        Stage deploy = after.stage("Deploy").orElseThrow();
        assertThat(deploy.latest().orElseThrow().pipelineExecutionId()).isEqualTo(request.pipelineExecutionId());
        assertThat(deploy.status().kind()).isEqualTo(Status.Kind.SUCCEEDED);
    }

    @Test
    void rejectingFailsTheExecution() {
        ApprovalRequest request = gateway.snapshot("ecs-webapp").pendingApprovals().get(0);

        gateway.decide(request, new ApprovalDecision(ApprovalDecision.Verdict.REJECT, "Wrong tag"));

        PipelineSnapshot after = gateway.snapshot("ecs-webapp");
        assertThat(after.stage("Approval").orElseThrow().status().kind()).isEqualTo(Status.Kind.FAILED);
        assertThat(after.headline().kind()).isEqualTo(Status.Kind.FAILED);
    }

    @Test
    void aSecondDecisionOnTheSameApprovalSaysItWasAlreadyDecided() {
        ApprovalRequest request = gateway.snapshot("ecs-webapp").pendingApprovals().get(0);
        gateway.decide(request, new ApprovalDecision(ApprovalDecision.Verdict.APPROVE, "first"));

        assertThatThrownBy(() -> gateway.decide(request, new ApprovalDecision(ApprovalDecision.Verdict.APPROVE, "second")))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.problem()).isIn(GatewayException.Problem.APPROVAL_ALREADY_DECIDED,
                            GatewayException.Problem.APPROVAL_TOKEN_CHANGED);
                    assertThat(e.getMessage()).startsWith("Could not approve ecs-webapp › Approval › ");
                    assertThat(e.getMessage()).doesNotContain(request.token());
                });
    }

    @Test
    void aWrongTokenIsReportedAsAChangedApprovalWithoutQuotingTheToken() {
        ApprovalRequest real = gateway.snapshot("ecs-webapp").pendingApprovals().get(0);
        String staleToken = "00000000-0000-0000-0000-000000000000";
        ApprovalRequest stale = new ApprovalRequest(real.pipelineName(), real.stageName(), real.actionName(),
                real.pipelineExecutionId(), staleToken, real.waitingSince(), real.timeout(), null, null);

        assertThatThrownBy(() -> gateway.decide(stale, new ApprovalDecision(ApprovalDecision.Verdict.APPROVE, "")))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.problem()).isEqualTo(GatewayException.Problem.APPROVAL_TOKEN_CHANGED);
                    assertThat(e.getMessage()).doesNotContain(staleToken);
                });
    }

    @Test
    void anUnknownPipelineIsNotFoundWithItsName() {
        assertThatThrownBy(() -> gateway.snapshot("no-such-pipeline"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.problem()).isEqualTo(GatewayException.Problem.NOT_FOUND);
                    assertThat(e.getMessage()).startsWith("Could not load pipeline no-such-pipeline");
                });
    }

    @Test
    void aClosedEndpointIsReportedAsUnreachable() {
        sandbox.close();

        assertThatThrownBy(() -> gateway.listPipelines())
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.problem()).isEqualTo(GatewayException.Problem.UNREACHABLE));
    }
}
