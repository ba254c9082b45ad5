package dev.tollgate.sandbox;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.model.ActionExecutionDetail;
import software.amazon.awssdk.services.codepipeline.model.ExecutionMode;
import software.amazon.awssdk.services.codepipeline.model.GetPipelineStateResponse;
import software.amazon.awssdk.services.codepipeline.model.PipelineDeclaration;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecution;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionSummary;
import software.amazon.awssdk.services.codepipeline.model.PipelineVariableDeclaration;
import software.amazon.awssdk.services.codepipeline.model.ResolvedPipelineVariable;
import software.amazon.awssdk.services.codepipeline.model.RuleDeclaration;
import software.amazon.awssdk.services.codepipeline.model.RuleState;
import software.amazon.awssdk.services.codepipeline.model.StageConditionState;
import software.amazon.awssdk.services.codepipeline.model.StageDeclaration;
import software.amazon.awssdk.services.codepipeline.model.StageState;
import software.amazon.awssdk.services.codepipeline.model.StageTransitionType;

import java.time.Duration;
import java.util.List;

import static dev.tollgate.sandbox.CodePipelineStateAndApprovalTest.stage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * V2 declarations through the real SDK: variables and stage conditions are kept as declared, conditions report
 * their latest evaluation, and a stage declaring {@code onFailure: ROLLBACK} re-deploys the last release that
 * succeeded in it when it fails. The demo's wallet-api is such a pipeline; its newest release failed in Deploy.
 */
class StageConditionsAndRollbackTest extends DemoSandboxTest {

    @Test
    void getPipelineReturnsVariablesAndConditionsAsDeclared() {
        PipelineDeclaration wallet = client.getPipeline(b -> b.name("wallet-api")).pipeline();

        assertThat(wallet.variables()).extracting(PipelineVariableDeclaration::name, PipelineVariableDeclaration::defaultValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DEPLOY_ENV", "production"),
                        org.assertj.core.groups.Tuple.tuple("CANARY_PERCENT", "10"),
                        org.assertj.core.groups.Tuple.tuple("FEATURE_FLAGS", "instant-payouts=off"));
        assertThat(wallet.variables().get(0).description()).isEqualTo("Environment the Deploy stage releases to");
        StageDeclaration deploy = wallet.stages().get(2);
        assertThat(deploy.beforeEntry().conditions()).singleElement().satisfies(condition -> {
            assertThat(condition.resultAsString()).isEqualTo("FAIL");
            assertThat(condition.rules()).extracting(RuleDeclaration::name).containsExactly("NoErrorRateAlarm", "LedgerHealthy");
            assertThat(condition.rules().get(0).ruleTypeId().provider()).isEqualTo("CloudWatchAlarm");
            assertThat(condition.rules().get(0).configuration()).containsEntry("AlarmName", "wallet-api-5xx-rate");
        });
        assertThat(deploy.onSuccess().conditions().get(0).rules()).extracting(RuleDeclaration::name).containsExactly("LatencySteady");
        assertThat(deploy.onFailure().resultAsString()).isEqualTo("ROLLBACK");
        assertThat(wallet.stages().get(0).beforeEntry()).isNull();
        assertThat(wallet.stages().get(0).onFailure()).isNull();
    }

    @Test
    void conditionStatesReportTheLatestEvaluationOfEachDeclaredKind() {
        GetPipelineStateResponse state = client.getPipelineState(b -> b.name("wallet-api"));

        StageState deploy = stage(state, "Deploy");
        assertPassed(deploy.beforeEntryConditionState(), "NoErrorRateAlarm", "LedgerHealthy");
        assertPassed(deploy.onSuccessConditionState(), "LatencySteady");
        assertThat(deploy.onFailureConditionState()).as("onFailure declares a result and no rules").isNull();
        assertThat(stage(state, "Build").beforeEntryConditionState()).isNull();
        assertThat(stage(state, "Build").onSuccessConditionState()).isNull();
    }

    @Test
    void aFailedDeployRollsBackToTheLastReleaseThatDeployed() {
        List<PipelineExecutionSummary> executions = client.listPipelineExecutions(b -> b.pipelineName("wallet-api"))
                .pipelineExecutionSummaries();
        PipelineExecutionSummary rollback = executions.get(0);
        PipelineExecutionSummary failed = executions.get(1);
        PipelineExecutionSummary target = executions.get(2);

        assertThat(failed.statusAsString()).isEqualTo("Failed");
        assertThat(failed.executionTypeAsString()).isEqualTo("STANDARD");
        assertThat(target.statusAsString()).isEqualTo("Succeeded");
        assertThat(rollback.executionTypeAsString()).isEqualTo("ROLLBACK");
        assertThat(rollback.statusAsString()).isEqualTo("Succeeded");
        assertThat(rollback.trigger().triggerTypeAsString()).isEqualTo("AutomatedRollback");
        assertThat(rollback.trigger().triggerDetail()).isEqualTo(failed.pipelineExecutionId());
        assertThat(rollback.rollbackMetadata().rollbackTargetPipelineExecutionId()).isEqualTo(target.pipelineExecutionId());
        assertThat(rollback.sourceRevisions().get(0).revisionId()).isEqualTo(target.sourceRevisions().get(0).revisionId());

        StageState deploy = stage(client.getPipelineState(b -> b.name("wallet-api")), "Deploy");
        assertThat(deploy.latestExecution().pipelineExecutionId()).isEqualTo(rollback.pipelineExecutionId());
        assertThat(deploy.latestExecution().typeAsString()).isEqualTo("ROLLBACK");
        assertThat(deploy.latestExecution().statusAsString()).isEqualTo("Succeeded");

        PipelineExecution read = client.getPipelineExecution(b -> b.pipelineName("wallet-api")
                .pipelineExecutionId(rollback.pipelineExecutionId())).pipelineExecution();
        assertThat(read.executionTypeAsString()).isEqualTo("ROLLBACK");
        assertThat(read.rollbackMetadata().rollbackTargetPipelineExecutionId()).isEqualTo(target.pipelineExecutionId());
        assertThat(read.variables()).extracting(ResolvedPipelineVariable::name, ResolvedPipelineVariable::resolvedValue)
                .contains(org.assertj.core.groups.Tuple.tuple("DEPLOY_ENV", "production"));
    }

    @Test
    void theRollbackRunsOnlyTheFailedStageWithTheTargetsArtifacts() {
        List<PipelineExecutionSummary> executions = client.listPipelineExecutions(b -> b.pipelineName("wallet-api"))
                .pipelineExecutionSummaries();
        List<ActionExecutionDetail> rolledBack = actions(executions.get(0).pipelineExecutionId());
        List<ActionExecutionDetail> target = actions(executions.get(2).pipelineExecutionId());

        assertThat(rolledBack).singleElement().satisfies(deploy -> {
            assertThat(deploy.stageName()).isEqualTo("Deploy");
            assertThat(deploy.statusAsString()).isEqualTo("Succeeded");
            ActionExecutionDetail targetDeploy = target.stream().filter(a -> a.stageName().equals("Deploy")).findFirst().orElseThrow();
            assertThat(deploy.input().inputArtifacts().get(0).s3location())
                    .isEqualTo(targetDeploy.input().inputArtifacts().get(0).s3location());
            assertThat(deploy.output().executionResult().externalExecutionSummary())
                    .isEqualTo(targetDeploy.output().executionResult().externalExecutionSummary());
        });
    }

    @Test
    void aStageThatNeverSucceededHasNothingToRollBackTo() {
        PipelineDeclaration copy = client.getPipeline(b -> b.name("wallet-api")).pipeline().toBuilder()
                .name("wallet-api-copy").version(null).executionMode(ExecutionMode.SUPERSEDED).build();
        client.createPipeline(b -> b.pipeline(copy));
        client.disableStageTransition(b -> b.pipelineName("wallet-api-copy").stageName("Deploy")
                .transitionType(StageTransitionType.INBOUND).reason("Let the breaking change overtake the first run"));
        sandbox.control().pushBreakingCommit("wallet-api-copy", "Break the deployment", "Elena Petrova", "Deploy");
        clock.advance(Duration.ofMinutes(20));
        client.enableStageTransition(b -> b.pipelineName("wallet-api-copy").stageName("Deploy")
                .transitionType(StageTransitionType.INBOUND));
        clock.advance(Duration.ofMinutes(20));

        StageState deploy = stage(client.getPipelineState(b -> b.name("wallet-api-copy")), "Deploy");
        assertThat(deploy.latestExecution().statusAsString()).isEqualTo("Failed");
        assertThat(deploy.latestExecution().typeAsString()).isEqualTo("STANDARD");
        assertThat(client.listPipelineExecutions(b -> b.pipelineName("wallet-api-copy")).pipelineExecutionSummaries())
                .extracting(PipelineExecutionSummary::executionTypeAsString).containsOnly("STANDARD");
    }

    private List<ActionExecutionDetail> actions(String executionId) {
        return client.listActionExecutions(b -> b.pipelineName("wallet-api")
                .filter(f -> f.pipelineExecutionId(executionId))).actionExecutionDetails();
    }

    private static void assertPassed(StageConditionState state, String... rules) {
        assertThat(state.latestExecution().statusAsString()).isEqualTo("Succeeded");
        assertThat(state.conditionStates()).singleElement().satisfies(condition -> {
            assertThat(condition.latestExecution().statusAsString()).isEqualTo("Succeeded");
            assertThat(condition.latestExecution().lastStatusChange()).isBefore(START);
            assertThat(condition.ruleStates()).extracting(RuleState::ruleName).containsExactly(rules);
            assertThat(condition.ruleStates()).allSatisfy(rule -> {
                assertThat(rule.latestExecution().statusAsString()).isEqualTo("Succeeded");
                assertThat(rule.latestExecution().ruleExecutionId()).isNotBlank();
            });
        });
    }
}
