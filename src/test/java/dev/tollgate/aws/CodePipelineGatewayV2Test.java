package dev.tollgate.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tollgate.pipeline.ConditionRule;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.PipelineVariable;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.StageCondition;
import dev.tollgate.pipeline.Status;
import dev.tollgate.testing.SandboxFixture;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V2 pipeline information through the gateway, over the real SDK against the sandbox: declared variables and
 * what an execution resolved them to, stage conditions with their latest evaluation, and rollbacks. The demo's
 * wallet-api declares all of them; its newest release failed in Deploy and was rolled back.
 */
class CodePipelineGatewayV2Test {

    private SandboxFixture fixture;
    private CodePipelineGateway gateway;

    @BeforeEach
    void start() {
        fixture = SandboxFixture.start();
        gateway = fixture.gateway;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void carriesTheDeclaredVariablesInOrder() {
        PipelineSnapshot wallet = gateway.snapshot("wallet-api");

        assertThat(wallet.variables()).extracting(PipelineVariable::name, PipelineVariable::defaultValue)
                .containsExactly(tuple("DEPLOY_ENV", Optional.of("production")), tuple("CANARY_PERCENT", Optional.of("10")),
                        tuple("FEATURE_FLAGS", Optional.of("instant-payouts=off")));
        assertThat(wallet.variables().get(1).description()).contains("Share of traffic the new tasks take before the rest");
        assertThat(gateway.snapshot("ecs-webapp").variables()).isEmpty();
    }

    @Test
    void joinsDeclaredConditionsWithTheirLatestEvaluation() {
        Stage deploy = gateway.snapshot("wallet-api").stage("Deploy").orElseThrow();

        assertThat(deploy.conditions()).extracting(StageCondition::kind).containsExactly(
                StageCondition.Kind.BEFORE_ENTRY, StageCondition.Kind.ON_SUCCESS, StageCondition.Kind.ON_FAILURE);
        StageCondition beforeEntry = deploy.condition(StageCondition.Kind.BEFORE_ENTRY).orElseThrow();
        assertThat(beforeEntry.result()).contains("FAIL");
        assertThat(beforeEntry.rules()).extracting(ConditionRule::name, ConditionRule::provider)
                .containsExactly(tuple("NoErrorRateAlarm", "CloudWatchAlarm"), tuple("LedgerHealthy", "CloudWatchAlarm"));
        assertThat(beforeEntry.latest().orElseThrow().status().kind()).isEqualTo(Status.Kind.SUCCEEDED);
        assertThat(beforeEntry.latest().orElseThrow().lastStatusChange()).isPresent();
        assertThat(beforeEntry.rules()).allSatisfy(rule ->
                assertThat(rule.latest().orElseThrow().status().kind()).isEqualTo(Status.Kind.SUCCEEDED));
        assertThat(deploy.condition(StageCondition.Kind.ON_SUCCESS).orElseThrow().rules())
                .extracting(ConditionRule::name).containsExactly("LatencySteady");
        StageCondition onFailure = deploy.condition(StageCondition.Kind.ON_FAILURE).orElseThrow();
        assertThat(onFailure.rollsBack()).isTrue();
        assertThat(onFailure.rules()).isEmpty();
        assertThat(onFailure.latest()).isEmpty();
        assertThat(gateway.snapshot("wallet-api").stage("Build").orElseThrow().conditions()).isEmpty();
    }

    @Test
    void marksTheStageWhoseLatestExecutionIsARollback() {
        PipelineSnapshot wallet = gateway.snapshot("wallet-api");

        Stage.StageRun deploy = wallet.stage("Deploy").orElseThrow().latest().orElseThrow();
        assertThat(deploy.rollback()).isTrue();
        assertThat(deploy.status().kind()).isEqualTo(Status.Kind.SUCCEEDED);
        assertThat(deploy.pipelineExecutionId()).isNotEqualTo(wallet.latestExecutionId().orElseThrow());
        assertThat(wallet.stage("Build").orElseThrow().latest().orElseThrow().rollback()).isFalse();
        assertThat(gateway.execution("wallet-api", deploy.pipelineExecutionId()).isRollback()).isTrue();
        assertThat(wallet.headline().kind()).isEqualTo(Status.Kind.SUCCEEDED);
    }

    @Test
    void readsTheValuesAnExecutionResolvedItsVariablesTo() {
        String started = fixture.clients.codePipeline().startPipelineExecution(b -> b.name("wallet-api")
                .variables(v -> v.name("CANARY_PERCENT").value("25"))).pipelineExecutionId();

        assertThat(gateway.execution("wallet-api", started).variables()).containsExactly(
                java.util.Map.entry("DEPLOY_ENV", "production"), java.util.Map.entry("CANARY_PERCENT", "25"),
                java.util.Map.entry("FEATURE_FLAGS", "instant-payouts=off"));
        assertThat(gateway.execution("ecs-webapp", gateway.snapshot("ecs-webapp").latestExecutionId().orElseThrow())
                .variables()).isEmpty();
    }
}
