package dev.tollgate.sandbox;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.model.ActionExecutionDetail;
import software.amazon.awssdk.services.codepipeline.model.ApprovalStatus;
import software.amazon.awssdk.services.codepipeline.model.DuplicatedStopRequestException;
import software.amazon.awssdk.services.codepipeline.model.GetPipelineStateResponse;
import software.amazon.awssdk.services.codepipeline.model.NotLatestPipelineExecutionException;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecution;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionNotStoppableException;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionSummary;
import software.amazon.awssdk.services.codepipeline.model.StageNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.StageNotRetryableException;
import software.amazon.awssdk.services.codepipeline.model.StageRetryMode;
import software.amazon.awssdk.services.codepipeline.model.StageTransitionType;
import software.amazon.awssdk.services.codepipeline.model.TransitionState;
import software.amazon.awssdk.services.codepipeline.model.ValidationException;

import java.time.Duration;
import java.util.List;

import static dev.tollgate.sandbox.CodePipelineStateAndApprovalTest.action;
import static dev.tollgate.sandbox.CodePipelineStateAndApprovalTest.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Step 3: transitions, execution modes, start/stop/retry, through the real SDK client on a manual clock. */
class ExecutionControlTest extends DemoSandboxTest {

    @Test
    void aDisabledTransitionHoldsTheApprovedExecutionUntilEnabled() {
        client.disableStageTransition(b -> b.pipelineName("ecs-webapp").stageName("Deploy")
                .transitionType(StageTransitionType.INBOUND).reason("Hold for the marketing launch (CAB-17)"));
        TransitionState disabled = stage(state("ecs-webapp"), "Deploy").inboundTransitionState();
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.disabledReason()).isEqualTo("Hold for the marketing launch (CAB-17)");
        assertThat(disabled.lastChangedBy()).isEqualTo("arn:aws:sts::123456789012:assumed-role/Approver/AKIDEXAMPLE");
        assertThat(disabled.lastChangedAt()).isEqualTo(START);

        String waiting = stage(state("ecs-webapp"), "Approval").latestExecution().pipelineExecutionId();
        approvePending("ecs-webapp", "Approval", "ManualApproval");
        clock.advance(Duration.ofMinutes(10));
        GetPipelineStateResponse held = state("ecs-webapp");
        assertThat(stage(held, "Deploy").inboundExecution().pipelineExecutionId()).isEqualTo(waiting);
        assertThat(stage(held, "Deploy").latestExecution().pipelineExecutionId()).isNotEqualTo(waiting);

        client.enableStageTransition(b -> b.pipelineName("ecs-webapp").stageName("Deploy").transitionType(StageTransitionType.INBOUND));
        assertThat(stage(state("ecs-webapp"), "Deploy").latestExecution().pipelineExecutionId()).isEqualTo(waiting);
        clock.advance(Duration.ofMinutes(4));
        assertThat(execution("ecs-webapp", waiting).statusAsString()).isEqualTo("Succeeded");
    }

    @Test
    void theOutboundTransitionOfAStageIsTheInboundOfTheNext() {
        client.disableStageTransition(b -> b.pipelineName("ecs-webapp").stageName("Approval")
                .transitionType(StageTransitionType.OUTBOUND).reason("Freeze"));
        assertThat(stage(state("ecs-webapp"), "Deploy").inboundTransitionState().enabled()).isFalse();
        assertThatThrownBy(() -> client.disableStageTransition(b -> b.pipelineName("ecs-webapp").stageName("Source")
                .transitionType(StageTransitionType.INBOUND).reason("nope"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> client.disableStageTransition(b -> b.pipelineName("ecs-webapp").stageName("Deploy")
                .transitionType(StageTransitionType.OUTBOUND).reason("nope"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void transitionReasonsAreCheckedAgainstTheModel() {
        assertThatThrownBy(() -> client.disableStageTransition(b -> b.pipelineName("ecs-webapp").stageName("Deploy")
                .transitionType(StageTransitionType.INBOUND).reason("Freeze: see https://wiki/x")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("regular expression pattern");
        assertThatThrownBy(() -> client.disableStageTransition(b -> b.pipelineName("ecs-webapp").stageName("Deploy")
                .transitionType(StageTransitionType.INBOUND).reason("x".repeat(301))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("less than or equal to 300");
        assertThatThrownBy(() -> client.disableStageTransition(b -> b.pipelineName("ecs-webapp").stageName("Prod")
                .transitionType(StageTransitionType.INBOUND).reason("Freeze")))
                .isInstanceOf(StageNotFoundException.class);
        assertThat(stage(state("ecs-webapp"), "Deploy").inboundTransitionState().enabled()).isTrue();
    }

    @Test
    void enablingPaymentsDeployLetsTheHeldExecutionThrough() {
        String held = stage(state("payments-service"), "Deploy").inboundExecution().pipelineExecutionId();
        client.enableStageTransition(b -> b.pipelineName("payments-service").stageName("Deploy").transitionType(StageTransitionType.INBOUND));
        GetPipelineStateResponse after = state("payments-service");
        assertThat(stage(after, "Deploy").inboundExecution()).isNull();
        assertThat(stage(after, "Deploy").inboundTransitionState().enabled()).isTrue();
        clock.advance(Duration.ofMinutes(4));
        assertThat(execution("payments-service", held).statusAsString()).isEqualTo("Succeeded");
    }

    @Test
    void inSupersededModeANewerArrivalReplacesTheOneWaiting() {
        String second = sandbox.control().pushCommit("ecs-webapp", "Second change", "Lena Park").pipelineExecutionId();
        clock.advance(Duration.ofMinutes(6));
        assertThat(stage(state("ecs-webapp"), "Approval").inboundExecution().pipelineExecutionId()).isEqualTo(second);

        String third = sandbox.control().pushCommit("ecs-webapp", "Third change", "Lena Park").pipelineExecutionId();
        clock.advance(Duration.ofMinutes(6));
        assertThat(stage(state("ecs-webapp"), "Approval").inboundExecution().pipelineExecutionId()).isEqualTo(third);
        assertThat(execution("ecs-webapp", second).statusAsString()).isEqualTo("Superseded");
        assertThat(execution("ecs-webapp", third).statusAsString()).isEqualTo("InProgress");
    }

    @Test
    void inQueuedModeExecutionsTakeTurns() {
        String first = sandbox.control().pushCommit("billing-api", "First", "Julia Novak").pipelineExecutionId();
        clock.advance(Duration.ofSeconds(30));
        String second = sandbox.control().pushCommit("billing-api", "Second", "Julia Novak").pipelineExecutionId();
        clock.advance(Duration.ofMinutes(60));
        assertThat(execution("billing-api", first).statusAsString()).isEqualTo("Succeeded");
        assertThat(execution("billing-api", second).statusAsString()).isEqualTo("Succeeded");
    }

    @Test
    void startPipelineExecutionIsIdempotentPerClientToken() {
        String head = client.listPipelineExecutions(b -> b.pipelineName("billing-api").maxResults(1))
                .pipelineExecutionSummaries().get(0).sourceRevisions().get(0).revisionId();
        String a = client.startPipelineExecution(b -> b.name("billing-api").clientRequestToken("release-42")).pipelineExecutionId();
        String again = client.startPipelineExecution(b -> b.name("billing-api").clientRequestToken("release-42")).pipelineExecutionId();
        String other = client.startPipelineExecution(b -> b.name("billing-api").clientRequestToken("release-43")).pipelineExecutionId();

        assertThat(again).isEqualTo(a);
        assertThat(other).isNotEqualTo(a);
        PipelineExecution started = execution("billing-api", a);
        assertThat(started.trigger().triggerTypeAsString()).isEqualTo("StartPipelineExecution");
        assertThat(started.trigger().triggerDetail()).endsWith("/AKIDEXAMPLE");
        clock.advance(Duration.ofMinutes(1));
        assertThat(execution("billing-api", a).artifactRevisions().get(0).revisionId()).isEqualTo(head);
        assertThatThrownBy(() -> client.startPipelineExecution(b -> b.name("billing-api").clientRequestToken("bad token!")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void abandoningStopsAtOnce() {
        String id = client.startPipelineExecution(b -> b.name("billing-api")).pipelineExecutionId();
        clock.advance(Duration.ofMinutes(1));
        client.stopPipelineExecution(b -> b.pipelineName("billing-api").pipelineExecutionId(id).abandon(true).reason("Wrong branch"));

        assertThat(execution("billing-api", id).statusAsString()).isEqualTo("Stopped");
        PipelineExecutionSummary summary = client.listPipelineExecutions(b -> b.pipelineName("billing-api"))
                .pipelineExecutionSummaries().stream().filter(s -> s.pipelineExecutionId().equals(id)).findFirst().orElseThrow();
        assertThat(summary.stopTrigger().reason()).isEqualTo("Wrong branch");
        assertThat(actions("billing-api", id)).filteredOn(a -> a.actionName().equals("Build"))
                .singleElement().satisfies(a -> assertThat(a.statusAsString()).isEqualTo("Abandoned"));
        assertThat(stage(state("billing-api"), "Build").latestExecution().statusAsString()).isEqualTo("Stopped");
        assertThatThrownBy(() -> client.stopPipelineExecution(b -> b.pipelineName("billing-api").pipelineExecutionId(id)))
                .isInstanceOf(PipelineExecutionNotStoppableException.class);
    }

    @Test
    void stopAndWaitLetsRunningActionsFinishAndStartsNothingNew() {
        String id = client.startPipelineExecution(b -> b.name("billing-api")).pipelineExecutionId();
        clock.advance(Duration.ofMinutes(1));
        client.stopPipelineExecution(b -> b.pipelineName("billing-api").pipelineExecutionId(id).reason("Let it finish"));
        assertThat(execution("billing-api", id).statusAsString()).isEqualTo("Stopping");
        assertThat(stage(state("billing-api"), "Build").latestExecution().statusAsString()).isEqualTo("Stopping");
        assertThatThrownBy(() -> client.stopPipelineExecution(b -> b.pipelineName("billing-api").pipelineExecutionId(id)))
                .isInstanceOf(DuplicatedStopRequestException.class);

        clock.advance(Duration.ofMinutes(10));
        assertThat(execution("billing-api", id).statusAsString()).isEqualTo("Stopped");
        assertThat(actions("billing-api", id)).extracting(ActionExecutionDetail::actionName).containsExactly("Build", "Source");
        assertThat(actions("billing-api", id).get(0).statusAsString()).isEqualTo("Succeeded");
    }

    @Test
    void stoppingAnExecutionAtAnApprovalAbandonsTheApproval() {
        String waiting = stage(state("ecs-webapp"), "Approval").latestExecution().pipelineExecutionId();
        client.stopPipelineExecution(b -> b.pipelineName("ecs-webapp").pipelineExecutionId(waiting));
        assertThat(execution("ecs-webapp", waiting).statusAsString()).isEqualTo("Stopped");
        assertThat(action(state("ecs-webapp"), "Approval", "ManualApproval").latestExecution().statusAsString())
                .isEqualTo("Abandoned");
    }

    @Test
    void aFailedBuildCanBeRetried() {
        PipelineExecutionSummary failed = client.listPipelineExecutions(b -> b.pipelineName("nightly-reports"))
                .pipelineExecutionSummaries().get(0);
        String previousBuild = action(state("nightly-reports"), "Build", "Build").latestExecution().actionExecutionId();

        String id = client.retryStageExecution(b -> b.pipelineName("nightly-reports").stageName("Build")
                .pipelineExecutionId(failed.pipelineExecutionId()).retryMode(StageRetryMode.FAILED_ACTIONS)).pipelineExecutionId();
        assertThat(id).isEqualTo(failed.pipelineExecutionId());
        GetPipelineStateResponse retrying = state("nightly-reports");
        assertThat(action(retrying, "Build", "Build").latestExecution().statusAsString()).isEqualTo("InProgress");
        assertThat(action(retrying, "Build", "Build").latestExecution().actionExecutionId()).isNotEqualTo(previousBuild);
        assertThat(stage(retrying, "Build").retryStageMetadata().manualStageRetryAttempt()).isEqualTo(1);
        assertThat(execution("nightly-reports", id).statusAsString()).isEqualTo("InProgress");

        clock.advance(Duration.ofMinutes(10));
        assertThat(execution("nightly-reports", id).statusAsString()).isEqualTo("Succeeded");
    }

    @Test
    void retryIsRefusedWhereAwsRefusesIt() {
        List<PipelineExecutionSummary> executions = client.listPipelineExecutions(b -> b.pipelineName("nightly-reports"))
                .pipelineExecutionSummaries();
        String latest = executions.get(0).pipelineExecutionId();
        String older = executions.get(1).pipelineExecutionId();
        assertThatThrownBy(() -> client.retryStageExecution(b -> b.pipelineName("nightly-reports").stageName("Build")
                .pipelineExecutionId(older).retryMode(StageRetryMode.ALL_ACTIONS)))
                .isInstanceOf(NotLatestPipelineExecutionException.class);
        assertThatThrownBy(() -> client.retryStageExecution(b -> b.pipelineName("nightly-reports").stageName("Source")
                .pipelineExecutionId(latest).retryMode(StageRetryMode.ALL_ACTIONS)))
                .isInstanceOf(StageNotRetryableException.class);
        assertThatThrownBy(() -> client.retryStageExecution(b -> b.pipelineName("nightly-reports").stageName("Nope")
                .pipelineExecutionId(latest).retryMode(StageRetryMode.ALL_ACTIONS)))
                .isInstanceOf(StageNotFoundException.class);
    }

    private void approvePending(String pipeline, String stage, String action) {
        String token = action(state(pipeline), stage, action).latestExecution().token();
        client.putApprovalResult(b -> b.pipelineName(pipeline).stageName(stage).actionName(action).token(token)
                .result(r -> r.status(ApprovalStatus.APPROVED).summary("ok")));
    }

    private GetPipelineStateResponse state(String pipeline) {
        return client.getPipelineState(b -> b.name(pipeline));
    }

    private PipelineExecution execution(String pipeline, String id) {
        return client.getPipelineExecution(b -> b.pipelineName(pipeline).pipelineExecutionId(id)).pipelineExecution();
    }

    private List<ActionExecutionDetail> actions(String pipeline, String id) {
        return client.listActionExecutions(b -> b.pipelineName(pipeline).filter(f -> f.pipelineExecutionId(id)))
                .actionExecutionDetails();
    }
}
