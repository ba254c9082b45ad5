package dev.tollgate.ui.review;

import static dev.tollgate.pipeline.Snapshots.approval;
import static dev.tollgate.pipeline.Snapshots.pipeline;
import static dev.tollgate.pipeline.Snapshots.stage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.aws.CodePipelineGateway;
import dev.tollgate.identity.ConnectionId;
import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.pipeline.ApprovalRun;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.Snapshots;
import dev.tollgate.pipeline.Status;
import dev.tollgate.testing.SandboxFixture;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.watch.WatchListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InboxViewModelTest {

    private static final ConnectionId SANDBOX = new ConnectionId("Sandbox", "Sandbox");

    private static final String TOKEN_A = "aaaaaaaa-1111-2222-3333-444444444444";
    private static final String TOKEN_B = "bbbbbbbb-1111-2222-3333-444444444444";

    private SandboxFixture aws;
    private CodePipelineGateway gateway;
    private InboxViewModel inbox;
    private WatchListener sandbox;
    private final List<ApprovalRequest> announced = new ArrayList<>();

    @BeforeEach
    void start() {
        aws = SandboxFixture.start();
        gateway = aws.gateway;
        inbox = new InboxViewModel(Runnable::run);
        sandbox = inbox.watch(SANDBOX, new BackgroundTasks(Runnable::run, Runnable::run), aws.releases);
        inbox.arrivalProperty().addListener((obs, old, item) -> announced.add(item.request()));
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private static PipelineSnapshot waiting(String name, String token, Duration timeout) {
        return pipeline(name, stage("Approval", "exec-" + token.charAt(0), "InProgress",
                approval("Gate", token, Map.of(), timeout)));
    }

    @Test
    void listsApprovalsWaitingAtStartUpWithoutAnnouncingThem() {
        sandbox.snapshotTaken(gateway.snapshot("ecs-webapp"));

        assertThat(inbox.items()).singleElement().satisfies(item -> {
            assertThat(item.request().pipelineName()).isEqualTo("ecs-webapp");
            assertThat(item.imageTag()).get().asString().hasSize(7);
        });
        assertThat(inbox.countProperty().get()).isEqualTo(1);
        assertThat(announced).isEmpty();
    }

    @Test
    void announcesAnApprovalThatAppearsLaterExactlyOnce() {
        sandbox.snapshotTaken(pipeline("p", stage("Approval", "exec-0", "Succeeded")));

        sandbox.snapshotTaken(waiting("p", TOKEN_A, null));
        sandbox.snapshotTaken(waiting("p", TOKEN_A, null));

        assertThat(announced).singleElement().satisfies(request -> assertThat(request.token()).isEqualTo(TOKEN_A));
    }

    /** PARALLEL: the waits are the executions' approval runs; the state carries no token. */
    private static PipelineSnapshot parallel(String... executionsWaiting) {
        PipelineSnapshot state = pipeline("p", stage("Approval", "exec-x", "InProgress", approval("Gate", null, Map.of(), null)));
        List<ApprovalRun> runs = java.util.Arrays.stream(executionsWaiting)
                .map(id -> new ApprovalRun(id, "Approval", "Gate", Status.fromWire("InProgress"), "token-" + id,
                        Snapshots.NOW, Snapshots.NOW, null, null))
                .toList();
        return new PipelineSnapshot("p", 1, "PARALLEL", state.stages(), Snapshots.NOW, List.of(), runs);
    }

    @Test
    void announcesEachParallelExecutionArrivingAtAnApprovalOnceAndListsThemApart() {
        sandbox.snapshotTaken(parallel());

        sandbox.snapshotTaken(parallel("a"));
        sandbox.snapshotTaken(parallel("a", "b"));
        sandbox.snapshotTaken(parallel("a", "b"));

        assertThat(announced).extracting(ApprovalRequest::pipelineExecutionId).containsExactly("a", "b");
        assertThat(inbox.items()).extracting(item -> item.request().token()).containsExactlyInAnyOrder("token-a", "token-b");
    }

    @Test
    void dropsAnApprovalOnceItIsDecided() {
        sandbox.snapshotTaken(waiting("p", TOKEN_A, null));

        sandbox.snapshotTaken(pipeline("p", stage("Approval", "exec-a", "Succeeded")));

        assertThat(inbox.items()).isEmpty();
        assertThat(inbox.countProperty().get()).isZero();
    }

    @Test
    void sortsNewestFirstOrSoonestToExpire() {
        sandbox.snapshotTaken(waiting("long-timeout", TOKEN_A, Duration.ofDays(3)));
        sandbox.snapshotTaken(waiting("short-timeout", TOKEN_B, Duration.ofHours(2)));

        inbox.orderProperty().set(InboxViewModel.Order.EXPIRING_FIRST);

        assertThat(inbox.items()).extracting(item -> item.request().pipelineName())
                .containsExactly("short-timeout", "long-timeout");
    }

    @Test
    void forgetsPipelinesThatNoLongerExist() {
        sandbox.snapshotTaken(waiting("gone", TOKEN_A, null));

        sandbox.pipelinesListed(List.of());

        assertThat(inbox.items()).isEmpty();
    }
}
