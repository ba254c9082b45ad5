package dev.tollgate.ui.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.aws.AwsClients;
import dev.tollgate.aws.CodePipelineCommands;
import dev.tollgate.aws.CodePipelineGateway;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.identity.ConnectionId;
import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineCommands;
import dev.tollgate.pipeline.PipelineSummary;
import dev.tollgate.pipeline.RetryMode;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.StopMode;
import dev.tollgate.pipeline.StopReason;
import dev.tollgate.pipeline.TransitionReason;
import dev.tollgate.sandbox.ManualClock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.storage.FavouritesStore;
import dev.tollgate.ui.board.ChangeFreezeViewModel.Result;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.ui.graph.ScriptedDialogs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A change freeze across the sandbox's pipelines through the real SDK, every call inline. */
class ChangeFreezeViewModelTest {

    private static final ConnectionId SANDBOX = new ConnectionId("Sandbox", "Sandbox");

    private Sandbox sandbox;
    private AwsClients clients;
    private CodePipelineGateway gateway;
    private BoardViewModel board;
    private ChosenPipelines chosen;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> refreshed = new ArrayList<>();

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(Instant.parse("2026-11-24T09:00:00Z"))));
        clients = new AwsClients(ConnectionSettings.sandbox(sandbox.endpoint()));
        gateway = new CodePipelineGateway(clients.codePipeline(), Clock.systemUTC());
        board = new BoardViewModel(Runnable::run, Clock.systemUTC(), Duration.ofMinutes(1), FavouritesStore.inMemory());
        BoardViewModel.ConnectionFeed feed = board.watch(SANDBOX, false);
        chosen = feed.chosen();
        List<PipelineSummary> pipelines = gateway.listPipelines();
        feed.pipelinesListed(pipelines);
        pipelines.forEach(p -> feed.snapshotTaken(gateway.snapshot(p.name())));
    }

    @AfterEach
    void stop() {
        clients.close();
        sandbox.close();
    }

    private static List<PipelineKey> keys(String... names) {
        return Stream.of(names).map(name -> new PipelineKey(SANDBOX, name)).toList();
    }

    private ChangeFreezeViewModel freeze(PipelineCommands commands) {
        return new ChangeFreezeViewModel(commands, new BackgroundTasks(Runnable::run, Runnable::run), dialogs,
                refreshed::add, chosen);
    }

    private ChangeFreezeViewModel freeze() {
        return freeze(new CodePipelineCommands(clients.codePipeline()));
    }

    private Stage deployOf(String pipeline) {
        return gateway.snapshot(pipeline).stage("Deploy").orElseThrow();
    }

    @Test
    void freezesThreePipelinesAndReportsTheOneWithoutTheStage() {
        ChangeFreezeViewModel freeze = freeze();
        board.choose(keys("ecs-webapp", "billing-api", "nightly-reports"));
        freeze.stageNameProperty().set("Deploy");
        freeze.reasonProperty().set("Quarter-end freeze (CAB-7)");
        assertThat(freeze.coverageProperty().get()).isEqualTo("2 of 3 have a stage Deploy; not nightly-reports.");

        freeze.freeze();

        assertThat(freeze.results()).extracting(Result::pipelineName, Result::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ecs-webapp", Result.Kind.DONE),
                org.assertj.core.groups.Tuple.tuple("billing-api", Result.Kind.DONE),
                org.assertj.core.groups.Tuple.tuple("nightly-reports", Result.Kind.NOT_FOUND));
        assertThat(freeze.results().get(2).message())
                .startsWith("Could not disable the transition into Deploy of nightly-reports: ");
        assertThat(freeze.summaryProperty().get()).isEqualTo("Froze Deploy in 2 of 3 pipelines: 1 not found.");
        assertThat(deployOf("ecs-webapp").inbound().disabledReason()).isEqualTo("Quarter-end freeze (CAB-7)");
        assertThat(deployOf("billing-api").inbound().enabled()).isFalse();
        assertThat(refreshed).containsExactly("ecs-webapp", "billing-api");
        assertThat(freeze.pendingProperty().get()).isZero();
    }

    @Test
    void asksFirstAndSendsNothingWhenDeclined() {
        ChangeFreezeViewModel freeze = freeze();
        board.choose(keys("ecs-webapp", "billing-api"));
        freeze.reasonProperty().set("Freeze");
        dialogs.confirmAnswer = false;

        freeze.freeze();

        assertThat(dialogs.confirmations).singleElement().satisfies(text -> assertThat(text)
                .startsWith("Freeze Deploy in 2 pipelines? | In Sandbox\n\nThe transition into Deploy will be disabled in ecs-webapp, billing-api."));
        assertThat(deployOf("ecs-webapp").inbound().enabled()).isTrue();
        assertThat(freeze.results()).isEmpty();
    }

    @Test
    void namesTheAccountItChangesOnThePaneAndInTheQuestion() {
        ChangeFreezeViewModel freeze = freeze();
        assertThat(freeze.whereProperty().get()).isEqualTo("In Sandbox");

        board.describe(SANDBOX, "alice · Approver · 123456789012");
        board.choose(keys("ecs-webapp"));
        freeze.reasonProperty().set("Freeze");
        dialogs.confirmAnswer = false;
        freeze.freeze();
        freeze.unfreeze();

        assertThat(freeze.whereProperty().get()).isEqualTo("In Sandbox — alice · Approver · 123456789012");
        assertThat(dialogs.confirmations).hasSize(2).allSatisfy(text -> assertThat(text)
                .contains("| In Sandbox — alice · Approver · 123456789012\n\nThe transition into Deploy will be"));
    }

    @Test
    void anInvalidReasonCannotFreezeButUnfreezingNeedsNone() {
        ChangeFreezeViewModel freeze = freeze();
        board.choose(keys("ecs-webapp"));
        freeze.reasonProperty().set("Freeze, CAB-7");

        assertThat(freeze.reasonProblemProperty().get()).startsWith("\u201c,\u201d at position 7");
        assertThat(freeze.canFreezeProperty().get()).isFalse();
        assertThat(freeze.canUnfreezeProperty().get()).isTrue();
        freeze.freeze();
        assertThat(dialogs.confirmations).isEmpty();
    }

    @Test
    void nothingCanRunWithoutAChosenPipelineOrWithABadStageName() {
        ChangeFreezeViewModel freeze = freeze();
        freeze.reasonProperty().set("Freeze");
        assertThat(freeze.canFreezeProperty().get()).isFalse();

        board.choose(keys("ecs-webapp"));
        freeze.stageNameProperty().set("Deploy stage");
        assertThat(freeze.stageProblemProperty().get()).contains("letters, digits");
        assertThat(freeze.canUnfreezeProperty().get()).isFalse();
    }

    @Test
    void leavesATransitionSomebodyElseDisabledAsItIs() {
        ChangeFreezeViewModel freeze = freeze();
        board.choose(keys("payments-service", "billing-api"));
        freeze.reasonProperty().set("Holiday freeze");

        freeze.freeze();

        assertThat(dialogs.confirmations).singleElement().satisfies(text -> assertThat(text)
                .contains("Already disabled, left as they are: payments-service (by dana.okafor"));
        assertThat(freeze.results().get(0).kind()).isEqualTo(Result.Kind.ALREADY);
        assertThat(freeze.results().get(0).message()).contains("Change freeze during quarter-end close (CAB-2291)");
        assertThat(deployOf("payments-service").inbound().disabledReason()).isEqualTo("Change freeze during quarter-end close (CAB-2291)");
        assertThat(freeze.summaryProperty().get()).isEqualTo("Froze Deploy in 1 of 2 pipelines: 1 unchanged.");
    }

    @Test
    void unfreezingEnablesAgainAndLetsTheHeldExecutionIn() {
        ChangeFreezeViewModel freeze = freeze();
        String held = deployOf("payments-service").heldExecutionId().orElseThrow();
        board.choose(keys("payments-service", "ecs-webapp"));

        freeze.unfreeze();

        assertThat(dialogs.confirmations).singleElement().satisfies(text -> assertThat(text)
                .contains("Disabled for another reason, enabled too: payments-service"));
        assertThat(freeze.results()).extracting(Result::kind).containsExactly(Result.Kind.DONE, Result.Kind.ALREADY);
        assertThat(freeze.results().get(1).message()).isEqualTo("Was not disabled.");
        Stage deploy = deployOf("payments-service");
        assertThat(deploy.inbound().enabled()).isTrue();
        assertThat(deploy.latest().orElseThrow().pipelineExecutionId()).isEqualTo(held);
        assertThat(freeze.summaryProperty().get()).isEqualTo("Unfroze Deploy in 1 of 2 pipelines: 1 unchanged.");
    }

    @Test
    void aDeniedPipelineIsReportedWithoutStoppingTheOthers() {
        PipelineCommands real = new CodePipelineCommands(clients.codePipeline());
        PipelineCommands denyingBilling = new PipelineCommands() {
            @Override
            public void disableTransition(String pipelineName, String stageName, TransitionReason reason) {
                if (pipelineName.equals("billing-api")) {
                    throw new GatewayException(GatewayException.Problem.ACCESS_DENIED, "Could not disable the transition "
                            + "into Deploy of billing-api: access denied. User is not authorized to perform "
                            + "codepipeline:DisableStageTransition");
                }
                real.disableTransition(pipelineName, stageName, reason);
            }

            @Override
            public void enableTransition(String pipelineName, String stageName) {
                real.enableTransition(pipelineName, stageName);
            }

            @Override
            public void stopExecution(String pipelineName, String executionId, StopMode mode, StopReason reason) {
                real.stopExecution(pipelineName, executionId, mode, reason);
            }

            @Override
            public String retryStage(String pipelineName, String stageName, String executionId, RetryMode mode) {
                return real.retryStage(pipelineName, stageName, executionId, mode);
            }

            @Override
            public String startExecution(String pipelineName) {
                return real.startExecution(pipelineName);
            }
        };
        ChangeFreezeViewModel freeze = freeze(denyingBilling);
        board.choose(keys("billing-api", "ecs-webapp", "storefront-bluegreen"));
        freeze.reasonProperty().set("Freeze");

        freeze.freeze();

        assertThat(freeze.results()).extracting(Result::kind)
                .containsExactly(Result.Kind.DENIED, Result.Kind.DONE, Result.Kind.DONE);
        assertThat(freeze.results().get(0).message()).contains("access denied");
        assertThat(freeze.summaryProperty().get()).isEqualTo("Froze Deploy in 2 of 3 pipelines: 1 denied.");
        assertThat(deployOf("storefront-bluegreen").inbound().enabled()).isFalse();
    }

    @Test
    void suggestsTheStagesTheChosenPipelinesShare() {
        ChangeFreezeViewModel freeze = freeze();

        board.choose(keys("ecs-webapp", "storefront-bluegreen", "nightly-reports"));

        assertThat(freeze.stageSuggestions()).startsWith("Build").contains("Approval", "Deploy", "Publish")
                .doesNotContain("Source");
    }

    @Test
    void showsProgressWhileCallsAreOut() {
        List<Runnable> queued = new ArrayList<>();
        ChangeFreezeViewModel freeze = new ChangeFreezeViewModel(new CodePipelineCommands(clients.codePipeline()),
                new BackgroundTasks(queued::add, Runnable::run), dialogs, refreshed::add, chosen);
        board.choose(keys("ecs-webapp", "billing-api"));
        freeze.reasonProperty().set("Freeze");

        freeze.freeze();

        assertThat(freeze.pendingProperty().get()).isEqualTo(2);
        assertThat(freeze.results()).extracting(Result::kind).containsOnly(Result.Kind.PENDING);
        assertThat(freeze.canFreezeProperty().get()).isFalse();
        queued.forEach(Runnable::run);
        assertThat(freeze.pendingProperty().get()).isZero();
        assertThat(freeze.summaryProperty().get()).isEqualTo("Froze Deploy in 2 of 2 pipelines.");
    }
}
