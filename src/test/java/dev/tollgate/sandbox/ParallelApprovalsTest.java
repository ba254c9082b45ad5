package dev.tollgate.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.model.ActionExecutionDetail;
import software.amazon.awssdk.services.codepipeline.model.ActionState;
import software.amazon.awssdk.services.codepipeline.model.ApprovalAlreadyCompletedException;
import software.amazon.awssdk.services.codepipeline.model.ApprovalStatus;
import software.amazon.awssdk.services.codepipeline.model.InvalidApprovalTokenException;

/**
 * PARALLEL execution mode as AWS documents it for PutApprovalResult: several executions wait at one manual
 * approval, GetPipelineState gives no token, and ListActionExecutions gives each waiting execution its own
 * token as {@code output.executionResult.externalExecutionId}.
 */
class ParallelApprovalsTest extends DemoSandboxTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private List<ActionExecutionDetail> waitingApprovals() {
        return client.listActionExecutionsPaginator(b -> b.pipelineName("mobile-bff")).actionExecutionDetails().stream()
                .filter(d -> d.actionName().equals("ReleaseApproval") && d.statusAsString().equals("InProgress"))
                .toList();
    }

    private static String token(ActionExecutionDetail approval) {
        return approval.output().executionResult().externalExecutionId();
    }

    private void approve(String token, String summary) {
        client.putApprovalResult(b -> b.pipelineName("mobile-bff").stageName("Approval").actionName("ReleaseApproval")
                .token(token).result(r -> r.status(ApprovalStatus.APPROVED).summary(summary)));
    }

    @Test
    void theDemoHasTwoExecutionsWaitingAtTheSameApprovalEachWithItsOwnToken() {
        List<ActionExecutionDetail> waiting = waitingApprovals();

        assertThat(client.getPipeline(b -> b.name("mobile-bff")).pipeline().executionModeAsString()).isEqualTo("PARALLEL");
        assertThat(waiting).hasSize(2);
        assertThat(waiting).extracting(ActionExecutionDetail::pipelineExecutionId).doesNotHaveDuplicates();
        assertThat(waiting).extracting(ParallelApprovalsTest::token).allMatch(t -> t.matches(UUID)).doesNotHaveDuplicates();
    }

    @Test
    void getPipelineStateGivesNoTokenInParallelMode() {
        ActionState approval = CodePipelineStateAndApprovalTest.action(client.getPipelineState(b -> b.name("mobile-bff")),
                "Approval", "ReleaseApproval");

        assertThat(approval.latestExecution().statusAsString()).isEqualTo("InProgress");
        assertThat(approval.latestExecution().token()).isNull();
        assertThat(approval.latestExecution().externalExecutionId()).isNull();
    }

    @Test
    void theExternalExecutionIdDecidesThatExecutionOnly() {
        List<ActionExecutionDetail> waiting = waitingApprovals();
        ActionExecutionDetail first = waiting.get(0);
        ActionExecutionDetail second = waiting.get(1);

        approve(token(first), "Ship the first one");

        assertThat(waitingApprovals()).singleElement().satisfies(still -> {
            assertThat(still.pipelineExecutionId()).isEqualTo(second.pipelineExecutionId());
            assertThat(token(still)).isEqualTo(token(second));
        });
        ActionExecutionDetail decided = client.listActionExecutionsPaginator(b -> b.pipelineName("mobile-bff")
                        .filter(f -> f.pipelineExecutionId(first.pipelineExecutionId())))
                .actionExecutionDetails().stream().filter(d -> d.actionName().equals("ReleaseApproval"))
                .findFirst().orElseThrow();
        assertThat(decided.statusAsString()).isEqualTo("Succeeded");
        assertThat(decided.updatedBy()).endsWith("/" + SdkClients.ACCESS_KEY);
        assertThat(decided.output().executionResult().externalExecutionSummary()).isEqualTo("Ship the first one");
        assertThat(token(decided)).isEqualTo(token(first));
        clock.advance(Duration.ofMinutes(10));
        assertThat(client.getPipelineExecution(b -> b.pipelineName("mobile-bff")
                .pipelineExecutionId(first.pipelineExecutionId())).pipelineExecution().statusAsString()).isEqualTo("Succeeded");
        assertThat(client.getPipelineExecution(b -> b.pipelineName("mobile-bff")
                .pipelineExecutionId(second.pipelineExecutionId())).pipelineExecution().statusAsString()).isEqualTo("InProgress");
    }

    @Test
    void aTokenIsRefusedOnceItsExecutionWasDecidedAndForAnotherAction() {
        String token = token(waitingApprovals().get(0));
        approve(token, "ok");

        assertThatThrownBy(() -> approve(token, "again")).isInstanceOf(ApprovalAlreadyCompletedException.class);
        String other = token(waitingApprovals().get(0));
        assertThatThrownBy(() -> client.putApprovalResult(b -> b.pipelineName("ecs-webapp").stageName("Approval")
                .actionName("ManualApproval").token(other).result(r -> r.status(ApprovalStatus.APPROVED).summary("x"))))
                .isInstanceOf(InvalidApprovalTokenException.class);
    }
}
