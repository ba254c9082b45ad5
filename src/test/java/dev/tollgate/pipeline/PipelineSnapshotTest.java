package dev.tollgate.pipeline;

import static dev.tollgate.pipeline.Snapshots.NOW;
import static dev.tollgate.pipeline.Snapshots.action;
import static dev.tollgate.pipeline.Snapshots.approval;
import static dev.tollgate.pipeline.Snapshots.pipeline;
import static dev.tollgate.pipeline.Snapshots.stage;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipelineSnapshotTest {

    private static final String TOKEN = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    @Test
    void findsTheWaitingApprovalWithItsExecutionTokenAndConfiguration() {
        PipelineSnapshot snapshot = pipeline("ecs-webapp",
                stage("Source", "exec-2", "Succeeded", action("Source", ActionCategory.SOURCE, "Succeeded", null)),
                stage("Approval", "exec-2", "InProgress", approval("ManualApproval", TOKEN,
                        Map.of("CustomData", "Check the tag", "ExternalEntityLink", "https://example.com/diff"), null)),
                stage("Deploy", "exec-1", "Succeeded", action("Deploy", ActionCategory.DEPLOY, "Succeeded", null)));

        List<ApprovalRequest> pending = snapshot.pendingApprovals();

        assertThat(pending).singleElement().satisfies(request -> {
            assertThat(request.location()).isEqualTo("ecs-webapp › Approval › ManualApproval");
            assertThat(request.pipelineExecutionId()).isEqualTo("exec-2");
            assertThat(request.token()).isEqualTo(TOKEN);
            assertThat(request.customData()).isEqualTo("Check the tag");
            assertThat(request.externalEntityLink()).isEqualTo("https://example.com/diff");
            assertThat(request.expiresAt()).isEqualTo(NOW.minusSeconds(3600).plus(Duration.ofDays(7)));
        });
    }

    @Test
    void honoursTheApprovalActionsOwnTimeout() {
        PipelineSnapshot snapshot = pipeline("p",
                stage("Approval", "e", "InProgress", approval("Gate", TOKEN, Map.of(), Duration.ofMinutes(90))));

        assertThat(snapshot.pendingApprovals().get(0).expiresAt()).isEqualTo(NOW.minusSeconds(3600).plusSeconds(90 * 60));
    }

    @Test
    void anApprovalWithoutTokenIsNotWaiting() {
        PipelineSnapshot snapshot = pipeline("p",
                stage("Approval", "e", "Succeeded", action("Gate", ActionCategory.APPROVAL, "Succeeded", null)),
                stage("Other", "e", "InProgress", action("Gate2", ActionCategory.APPROVAL, "InProgress", null)));

        assertThat(snapshot.pendingApprovals()).isEmpty();
    }

    @Test
    void headlineIsInProgressWhileTheNewestExecutionWaitsAtAnApproval() {
        PipelineSnapshot snapshot = pipeline("p",
                stage("Source", "new", "Succeeded"),
                stage("Approval", "new", "InProgress"),
                stage("Deploy", "old", "Succeeded"));

        assertThat(snapshot.headline().kind()).isEqualTo(Status.Kind.IN_PROGRESS);
    }

    @Test
    void headlineIsFailedWhenTheNewestExecutionFailedInAStage() {
        PipelineSnapshot snapshot = pipeline("p",
                stage("Source", "new", "Succeeded"),
                stage("Build", "new", "Failed"),
                stage("Deploy", "old", "Succeeded"));

        assertThat(snapshot.headline().kind()).isEqualTo(Status.Kind.FAILED);
    }

    @Test
    void headlineIsSucceededOnlyOnceTheLastStageSucceeded() {
        PipelineSnapshot done = pipeline("p", stage("Source", "x", "Succeeded"), stage("Deploy", "x", "Succeeded"));
        PipelineSnapshot between = pipeline("p", stage("Source", "y", "Succeeded"), stage("Deploy", "x", "Succeeded"));

        assertThat(done.headline().kind()).isEqualTo(Status.Kind.SUCCEEDED);
        assertThat(between.headline().kind()).isEqualTo(Status.Kind.IN_PROGRESS);
    }

    @Test
    void headlineIsInProgressWhileTheNewestExecutionIsHeldAtADisabledTransition() {
        Stage deploy = new Stage("Deploy", new Transition(false, "Freeze", "alice", NOW), List.of(),
                Optional.of(new Stage.StageRun("old", Status.fromWire("Succeeded"))), Optional.of("new"));
        PipelineSnapshot snapshot = pipeline("p", stage("Source", "new", "Succeeded"), deploy);

        assertThat(snapshot.headline().kind()).isEqualTo(Status.Kind.IN_PROGRESS);
        assertThat(snapshot.disabledTransitions()).extracting(Stage::name).containsExactly("Deploy");
    }

    @Test
    void aPipelineThatNeverRanHasNoHeadline() {
        assertThat(pipeline("p", stage("Source", null, null)).headline()).isEqualTo(Status.NOT_RUN);
    }

    private static ApprovalRun run(String executionId, String status, String token, int minutesAgo, String by,
            String summary) {
        return new ApprovalRun(executionId, "Approval", "Gate", Status.fromWire(status), token,
                NOW.minusSeconds(60L * minutesAgo), NOW.minusSeconds(30L * minutesAgo), by, summary);
    }

    /** PARALLEL: the state shows the newest execution without a token; the runs tell each wait. */
    private static PipelineSnapshot parallel(ApprovalRun... runs) {
        PipelineSnapshot state = pipeline("p", stage("Approval", "exec-new", "InProgress",
                approval("Gate", null, Map.of("CustomData", "Check it"), Duration.ofHours(48))));
        return new PipelineSnapshot("p", 1, "PARALLEL", state.stages(), NOW, List.of(), List.of(runs));
    }

    @Test
    void inParallelModeEveryWaitingExecutionIsItsOwnApprovalLongestWaitingFirst() {
        PipelineSnapshot snapshot = parallel(
                run("exec-new", "InProgress", "token-new", 10, null, null),
                run("exec-old", "InProgress", "token-old", 90, null, null),
                run("exec-done", "Succeeded", "token-done", 300, "arn:aws:sts::1:assumed-role/Approver/mei", "ok"));

        assertThat(snapshot.pendingApprovals()).extracting(ApprovalRequest::pipelineExecutionId, ApprovalRequest::token)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("exec-old", "token-old"),
                        org.assertj.core.groups.Tuple.tuple("exec-new", "token-new"));
        assertThat(snapshot.pendingApprovals()).allSatisfy(request -> {
            assertThat(request.customData()).isEqualTo("Check it");
            assertThat(request.timeout()).isEqualTo(Duration.ofHours(48));
        });
        assertThat(snapshot.pendingApprovals().get(0).waitingSince()).isEqualTo(NOW.minusSeconds(90 * 60));
        assertThat(snapshot.waitsForApprovalAt("Approval", "Gate")).isTrue();
    }

    @Test
    void inParallelModeAnotherExecutionsDecisionLeavesTheReviewedWaitUnchanged() {
        PipelineSnapshot before = parallel(run("a", "InProgress", "token-a", 60, null, null),
                run("b", "InProgress", "token-b", 30, null, null));
        ApprovalRequest reviewed = before.pendingApprovals().get(0);

        PipelineSnapshot after = parallel(run("b", "Succeeded", "token-b", 30, "arn:aws:sts::1:assumed-role/Approver/mei",
                "ship"), run("a", "InProgress", "token-a", 60, null, null));

        assertThat(after.changeOf(reviewed)).isEmpty();
    }

    @Test
    void inParallelModeTheReviewedExecutionsOwnDecisionSaysWhoAndWhen() {
        ApprovalRequest reviewed = parallel(run("a", "InProgress", "token-a", 60, null, null)).pendingApprovals().get(0);

        PipelineSnapshot after = parallel(run("a", "Failed", "token-a", 60, "arn:aws:sts::1:assumed-role/Approver/mei",
                "Not this one"));

        assertThat(after.changeOf(reviewed)).get().isInstanceOfSatisfying(ApprovalChange.Decided.class, decided -> {
            assertThat(decided.outcome().kind()).isEqualTo(Status.Kind.FAILED);
            assertThat(decided.by()).endsWith("/mei");
            assertThat(decided.at()).isEqualTo(NOW.minusSeconds(30 * 60));
            assertThat(decided.message()).contains("rejected by mei").contains("Not this one");
        });
    }

    @Test
    void inParallelModeARetriedApprovalOrAVanishedRunIsAChange() {
        ApprovalRequest reviewed = parallel(run("a", "InProgress", "token-a", 60, null, null)).pendingApprovals().get(0);

        assertThat(parallel(run("a", "InProgress", "token-a2", 5, null, null)).changeOf(reviewed)).get()
                .isInstanceOfSatisfying(ApprovalChange.Replaced.class,
                        replaced -> assertThat(replaced.message()).contains("again"));
        assertThat(parallel().changeOf(reviewed)).get().isInstanceOf(ApprovalChange.Ended.class);
    }
}
