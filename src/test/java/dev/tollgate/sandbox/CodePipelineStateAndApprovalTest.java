package dev.tollgate.sandbox;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.ActionState;
import software.amazon.awssdk.services.codepipeline.model.ApprovalAlreadyCompletedException;
import software.amazon.awssdk.services.codepipeline.model.ApprovalStatus;
import software.amazon.awssdk.services.codepipeline.model.CodePipelineException;
import software.amazon.awssdk.services.codepipeline.model.GetPipelineResponse;
import software.amazon.awssdk.services.codepipeline.model.GetPipelineStateResponse;
import software.amazon.awssdk.services.codepipeline.model.InvalidApprovalTokenException;
import software.amazon.awssdk.services.codepipeline.model.InvalidNextTokenException;
import software.amazon.awssdk.services.codepipeline.model.ListPipelinesResponse;
import software.amazon.awssdk.services.codepipeline.model.PipelineNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.PipelineSummary;
import software.amazon.awssdk.services.codepipeline.model.PipelineVersionNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.PutApprovalResultResponse;
import software.amazon.awssdk.services.codepipeline.model.StageNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.StageState;
import software.amazon.awssdk.services.codepipeline.model.ValidationException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Step 1 operations driven through the real AWS SDK client against a sandbox on a manual clock. */
class CodePipelineStateAndApprovalTest extends DemoSandboxTest {

    @Test
    void listsTheDemoPipelinesPageByPage() {
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String current = token;
            ListPipelinesResponse page = client.listPipelines(b -> b.maxResults(2).nextToken(current));
            page.pipelines().stream().map(PipelineSummary::name).forEach(names::add);
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(4);
        assertThat(names).containsExactly("billing-api", "ecs-webapp", "mobile-bff", "nightly-reports",
                "payments-service", "storefront-bluegreen", "wallet-api");
        PipelineSummary ecs = client.listPipelines().pipelines().get(1);
        assertThat(ecs.version()).isEqualTo(1);
        assertThat(ecs.executionModeAsString()).isEqualTo("SUPERSEDED");
        assertThat(ecs.pipelineTypeAsString()).isEqualTo("V2");
        assertThat(ecs.created()).isBefore(START);
    }

    @Test
    void refusesAForgedNextToken() {
        assertThatThrownBy(() -> client.listPipelines(b -> b.nextToken("not-a-token")))
                .isInstanceOf(InvalidNextTokenException.class);
    }

    @Test
    void getPipelineReturnsTheDeclarationWithVersionAndMetadata() {
        GetPipelineResponse response = client.getPipeline(b -> b.name("ecs-webapp"));

        assertThat(response.pipeline().version()).isEqualTo(1);
        assertThat(response.pipeline().stages()).extracting(s -> s.name())
                .containsExactly("Source", "Build", "Approval", "Deploy");
        assertThat(response.pipeline().artifactStore().location()).isEqualTo(Sandbox.ARTIFACT_BUCKET);
        assertThat(response.pipeline().stages().get(2).actions().get(0).configuration())
                .containsEntry("CustomData", "Check the image tag and the changes before production")
                .containsEntry("ExternalEntityLink", "https://github.com/acme/ecs-webapp/compare/production...main");
        assertThat(response.metadata().pipelineArn()).isEqualTo("arn:aws:codepipeline:us-east-1:123456789012:ecs-webapp");
        assertThat(response.metadata().created()).isNotNull();
    }

    @Test
    void unknownPipelinesAndVersionsAreReportedAsAwsDoes() {
        assertThatThrownBy(() -> client.getPipeline(b -> b.name("no-such-pipeline")))
                .isInstanceOf(PipelineNotFoundException.class)
                .hasMessageContaining("does not have a pipeline with name 'no-such-pipeline'");
        assertThatThrownBy(() -> client.getPipeline(b -> b.name("ecs-webapp").version(7)))
                .isInstanceOf(PipelineVersionNotFoundException.class);
        assertThatThrownBy(() -> client.getPipelineState(b -> b.name("no-such-pipeline")))
                .isInstanceOf(PipelineNotFoundException.class);
        assertThatThrownBy(() -> client.getPipelineState(b -> b.name("bad name!")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Member must satisfy regular expression pattern");
    }

    @Test
    void ecsWebappStartsWithAnExecutionWaitingForApproval() {
        GetPipelineStateResponse state = client.getPipelineState(b -> b.name("ecs-webapp"));

        ActionState source = action(state, "Source", "Source");
        assertThat(source.currentRevision().revisionId()).matches("[0-9a-f]{40}");
        assertThat(source.revisionUrl()).contains("FullRepositoryId=acme%2Fecs-webapp")
                .contains("Commit=" + source.currentRevision().revisionId());
        assertThat(source.latestExecution().summary()).isEqualTo("Show order status timeline on the account page");

        ActionState build = action(state, "Build", "Build");
        assertThat(build.latestExecution().statusAsString()).isEqualTo("Succeeded");
        assertThat(build.latestExecution().externalExecutionUrl()).contains("codebuild");

        StageState approval = stage(state, "Approval");
        assertThat(approval.latestExecution().statusAsString()).isEqualTo("InProgress");
        assertThat(approval.inboundTransitionState().enabled()).isTrue();
        ActionState manual = approval.actionStates().get(0);
        assertThat(manual.latestExecution().statusAsString()).isEqualTo("InProgress");
        assertThat(manual.latestExecution().token()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(approval.latestExecution().pipelineExecutionId())
                .isEqualTo(stage(state, "Build").latestExecution().pipelineExecutionId());

        StageState deploy = stage(state, "Deploy");
        assertThat(deploy.latestExecution().statusAsString()).isEqualTo("Succeeded");
        assertThat(action(state, "Deploy", "Deploy").latestExecution().statusAsString()).isEqualTo("Succeeded");
    }

    @Test
    void approvingRecordsTheCallerAndLetsDeployFinish() {
        String token = pendingToken();

        PutApprovalResultResponse response = client.putApprovalResult(b -> b.pipelineName("ecs-webapp")
                .stageName("Approval").actionName("ManualApproval").token(token)
                .result(r -> r.status(ApprovalStatus.APPROVED).summary("Image tag checked, ship it")));
        assertThat(response.approvedAt()).isEqualTo(START);

        GetPipelineStateResponse afterApproval = client.getPipelineState(b -> b.name("ecs-webapp"));
        ActionState manual = action(afterApproval, "Approval", "ManualApproval");
        assertThat(manual.latestExecution().statusAsString()).isEqualTo("Succeeded");
        assertThat(manual.latestExecution().summary()).isEqualTo("Image tag checked, ship it");
        assertThat(manual.latestExecution().lastUpdatedBy())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/Approver/" + SdkClients.ACCESS_KEY);
        assertThat(manual.latestExecution().token()).isNull();
        assertThat(stage(afterApproval, "Deploy").latestExecution().statusAsString()).isEqualTo("InProgress");

        clock.advance(Duration.ofMinutes(5));
        GetPipelineStateResponse later = client.getPipelineState(b -> b.name("ecs-webapp"));
        assertThat(stage(later, "Deploy").latestExecution().statusAsString()).isEqualTo("Succeeded");
        assertThat(stage(later, "Deploy").latestExecution().pipelineExecutionId())
                .isEqualTo(stage(later, "Approval").latestExecution().pipelineExecutionId());

        assertThatThrownBy(() -> client.putApprovalResult(b -> b.pipelineName("ecs-webapp").stageName("Approval")
                .actionName("ManualApproval").token(token).result(r -> r.status(ApprovalStatus.APPROVED).summary("again"))))
                .isInstanceOf(ApprovalAlreadyCompletedException.class);
    }

    @Test
    void rejectingFailsTheStageAndTheExecution() {
        String token = pendingToken();
        client.putApprovalResult(b -> b.pipelineName("ecs-webapp").stageName("Approval").actionName("ManualApproval")
                .token(token).result(r -> r.status(ApprovalStatus.REJECTED).summary("Not during the sale")));

        GetPipelineStateResponse state = client.getPipelineState(b -> b.name("ecs-webapp"));
        assertThat(stage(state, "Approval").latestExecution().statusAsString()).isEqualTo("Failed");
        ActionState manual = action(state, "Approval", "ManualApproval");
        assertThat(manual.latestExecution().statusAsString()).isEqualTo("Failed");
        assertThat(manual.latestExecution().summary()).isEqualTo("Not during the sale");

        clock.advance(Duration.ofMinutes(10));
        GetPipelineStateResponse later = client.getPipelineState(b -> b.name("ecs-webapp"));
        assertThat(stage(later, "Deploy").latestExecution().pipelineExecutionId())
                .isNotEqualTo(stage(later, "Approval").latestExecution().pipelineExecutionId());
    }

    @Test
    void approvalErrorsMatchTheModel() {
        String token = pendingToken();
        assertThatThrownBy(() -> approve("ecs-webapp", "Approval", "ManualApproval", "7d1f9c40-3d8e-4c51-9a0b-5b2f1e6a7c88", "ok"))
                .isInstanceOf(InvalidApprovalTokenException.class);
        assertThatThrownBy(() -> approve("ecs-webapp", "Approval", "ManualApproval", "not-a-uuid", "ok"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("token");
        assertThatThrownBy(() -> approve("ecs-webapp", "Approval", "ManualApproval", token, "x".repeat(513)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Member must have length less than or equal to 512");
        assertThatThrownBy(() -> approve("ecs-webapp", "Staging", "ManualApproval", token, "ok"))
                .isInstanceOf(StageNotFoundException.class);
        assertThatThrownBy(() -> approve("ecs-webapp", "Approval", "Review", token, "ok"))
                .isInstanceOf(ActionNotFoundException.class);
        assertThatThrownBy(() -> approve("no-such-pipeline", "Approval", "ManualApproval", token, "ok"))
                .isInstanceOf(PipelineNotFoundException.class);
        assertThatThrownBy(() -> approve("storefront-bluegreen", "Approval", "ProductionApproval", token, "ok"))
                .isInstanceOf(InvalidApprovalTokenException.class);
        // None of the failed attempts touched the pending approval.
        assertThat(pendingToken()).isEqualTo(token);
    }

    @Test
    void aPushedCommitRunsUpToTheApprovalWithAFreshToken() {
        String firstToken = pendingToken();
        approve("ecs-webapp", "Approval", "ManualApproval", firstToken, "ok");
        var pushed = sandbox.control().pushCommit("ecs-webapp", "Add dark mode", "Lena Park");

        clock.advance(Duration.ofMinutes(6));
        GetPipelineStateResponse state = client.getPipelineState(b -> b.name("ecs-webapp"));
        assertThat(stage(state, "Approval").latestExecution().pipelineExecutionId()).isEqualTo(pushed.pipelineExecutionId());
        assertThat(action(state, "Source", "Source").currentRevision().revisionId()).isEqualTo(pushed.commitId());
        assertThat(pendingToken()).isNotEqualTo(firstToken);
    }

    @Test
    void anUnansweredApprovalExpiresAfterSevenDays() {
        clock.advance(Duration.ofDays(7));
        GetPipelineStateResponse state = client.getPipelineState(b -> b.name("ecs-webapp"));
        ActionState manual = action(state, "Approval", "ManualApproval");
        assertThat(manual.latestExecution().statusAsString()).isEqualTo("Failed");
        assertThat(manual.latestExecution().errorDetails().message()).contains("expired");
        assertThat(stage(state, "Approval").latestExecution().statusAsString()).isEqualTo("Failed");
    }

    @Test
    void otherDemoPipelinesShowTheirScriptedState() {
        GetPipelineStateResponse payments = client.getPipelineState(b -> b.name("payments-service"));
        StageState deploy = stage(payments, "Deploy");
        assertThat(deploy.inboundTransitionState().enabled()).isFalse();
        assertThat(deploy.inboundTransitionState().disabledReason()).isEqualTo("Change freeze during quarter-end close (CAB-2291)");
        assertThat(deploy.inboundTransitionState().lastChangedBy()).endsWith("ReleaseManager/dana.okafor");
        assertThat(deploy.inboundTransitionState().lastChangedAt()).isEqualTo(START.minus(Duration.ofHours(3)));
        assertThat(deploy.inboundExecution().pipelineExecutionId())
                .isEqualTo(stage(payments, "Build").latestExecution().pipelineExecutionId());
        assertThat(deploy.inboundExecution().statusAsString()).isEqualTo("InProgress");

        GetPipelineStateResponse nightly = client.getPipelineState(b -> b.name("nightly-reports"));
        ActionState build = action(nightly, "Build", "Build");
        assertThat(build.latestExecution().statusAsString()).isEqualTo("Failed");
        assertThat(build.latestExecution().errorDetails().code()).isEqualTo("JobFailed");
        assertThat(build.latestExecution().externalExecutionUrl()).contains("codebuild").contains("nightly-reports-build");

        GetPipelineStateResponse billing = client.getPipelineState(b -> b.name("billing-api"));
        assertThat(stage(billing, "Deploy").latestExecution().statusAsString()).isEqualTo("Succeeded");
        assertThat(stage(billing, "Deploy").latestExecution().pipelineExecutionId())
                .isEqualTo(stage(billing, "Source").latestExecution().pipelineExecutionId());

        GetPipelineStateResponse storefront = client.getPipelineState(b -> b.name("storefront-bluegreen"));
        assertThat(action(storefront, "Deploy", "BlueGreenDeploy").latestExecution().statusAsString()).isEqualTo("Succeeded");
        assertThat(action(storefront, "Deploy", "BlueGreenDeploy").latestExecution().externalExecutionId()).startsWith("d-");
    }

    @Test
    void theSameSeedGivesTheSameAccount() {
        ManualClock otherClock = new ManualClock(START);
        try (Sandbox twin = Sandbox.start(SandboxConfig.defaults().withClock(otherClock));
             CodePipelineClient twinClient = SdkClients.codePipeline(twin)) {
            // toString leaves out the per-request metadata (request ids), which differ by design.
            assertThat(twinClient.getPipelineState(b -> b.name("ecs-webapp")).toString())
                    .isEqualTo(client.getPipelineState(b -> b.name("ecs-webapp")).toString());
        }
        try (Sandbox other = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(START)).withSeed(7));
             CodePipelineClient otherClient = SdkClients.codePipeline(other)) {
            assertThat(otherClient.getPipelineState(b -> b.name("ecs-webapp")).toString())
                    .isNotEqualTo(client.getPipelineState(b -> b.name("ecs-webapp")).toString());
        }
    }

    @Test
    void errorsCarryTheAwsErrorCodeAndRequestId() {
        try {
            client.getPipeline(b -> b.name("missing"));
        } catch (CodePipelineException e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PipelineNotFoundException");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.requestId()).isNotBlank();
            return;
        }
        throw new AssertionError("expected PipelineNotFoundException");
    }

    private void approve(String pipeline, String stage, String action, String token, String summary) {
        client.putApprovalResult(b -> b.pipelineName(pipeline).stageName(stage).actionName(action).token(token)
                .result(r -> r.status(ApprovalStatus.APPROVED).summary(summary)));
    }

    private String pendingToken() {
        return action(client.getPipelineState(b -> b.name("ecs-webapp")), "Approval", "ManualApproval")
                .latestExecution().token();
    }

    static StageState stage(GetPipelineStateResponse state, String name) {
        return state.stageStates().stream().filter(s -> s.stageName().equals(name)).findFirst().orElseThrow();
    }

    static ActionState action(GetPipelineStateResponse state, String stage, String action) {
        return stage(state, stage).actionStates().stream().filter(a -> a.actionName().equals(action))
                .findFirst().orElseThrow();
    }
}
