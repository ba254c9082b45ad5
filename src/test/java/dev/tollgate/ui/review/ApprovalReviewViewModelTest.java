package dev.tollgate.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.aws.AwsClients;
import dev.tollgate.aws.CodePipelineGateway;
import dev.tollgate.pipeline.ApprovalChange;
import dev.tollgate.pipeline.ApprovalDecision;
import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.Status;
import dev.tollgate.release.ExecutionImages;
import dev.tollgate.release.ImageComparison;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.storage.DraftStore;
import dev.tollgate.testing.SandboxFixture;
import dev.tollgate.ui.common.BackgroundTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review's logic over the real gateways and the sandbox, on one thread: every background task runs
 * inline, so each call below returns with its outcome applied.
 */
class ApprovalReviewViewModelTest {

    @TempDir
    Path dataDirectory;

    private SandboxFixture aws;
    private Sandbox sandbox;
    private AwsClients clients;
    private CodePipelineGateway gateway;
    private final List<String> refreshed = new ArrayList<>();
    private boolean confirmReject = true;

    @BeforeEach
    void start() {
        aws = SandboxFixture.start();
        sandbox = aws.sandbox;
        clients = aws.clients;
        gateway = aws.gateway;
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private ApprovalReviewViewModel reviewer() {
        DraftStore drafts = DraftStore.load(dataDirectory.resolve("drafts.json"), Runnable::run);
        return new ApprovalReviewViewModel(gateway, aws.releases, new BackgroundTasks(Runnable::run, Runnable::run),
                (title, question, label) -> confirmReject, drafts, refreshed::add);
    }

    private PipelineSnapshot webapp() {
        return gateway.snapshot("ecs-webapp");
    }

    @Test
    void showsImageNameTagAndUriFromTheBuildArtifactWithEcrFacts() {
        ApprovalReviewViewModel review = reviewer();

        review.show(webapp());

        ExecutionImages images = review.imagesProperty().get();
        assertThat(images.problem()).isEmpty();
        assertThat(images.entryPath()).hasValue("imagedefinitions.json");
        assertThat(images.images()).singleElement().satisfies(lookup -> {
            assertThat(lookup.image().containerName()).hasValue("webapp");
            assertThat(lookup.image().image().repository()).isEqualTo("ecs-webapp");
            assertThat(lookup.image().image().isEcr()).isTrue();
            assertThat(lookup.image().image().toString())
                    .startsWith("123456789012.dkr.ecr.us-east-1.amazonaws.com/ecs-webapp:");
            assertThat(lookup.image().ecr()).isPresent();
            assertThat(lookup.registryProblem()).isEmpty();
        });
        String reviewedCommit = review.executionProperty().get().revisions().get(0).revisionId();
        assertThat(images.images().get(0).image().image().tag()).hasValue(reviewedCommit.substring(0, 7));
    }

    @Test
    void comparesTheReviewedImageWithTheOneDeployedToday() {
        ApprovalReviewViewModel review = reviewer();

        review.show(webapp());

        ApprovalReviewViewModel.Comparison comparison = review.comparisonProperty().get();
        assertThat(comparison).isNotNull();
        assertThat(comparison.deployedExecution().executionId())
                .isNotEqualTo(review.requestProperty().get().pipelineExecutionId());
        assertThat(comparison.diff().containers()).singleElement()
                .satisfies(c -> assertThat(c.change()).isEqualTo(ImageComparison.Change.NEW_IMAGE));
    }

    @Test
    void approvesTheReviewedWaitAndTheExecutionMovesOn() {
        ApprovalReviewViewModel review = reviewer();
        review.show(webapp());
        String executionId = review.requestProperty().get().pipelineExecutionId();
        review.commentProperty().set("Tag matches the release notes");

        review.approve();

        assertThat(review.outcomeProperty().get().kind()).isEqualTo(ApprovalReviewViewModel.Outcome.Kind.DONE);
        assertThat(review.commentProperty().get()).isEmpty();
        assertThat(refreshed).containsExactly("ecs-webapp");
        var approval = webapp().stage("Approval").orElseThrow();
        assertThat(approval.status().kind()).isEqualTo(Status.Kind.SUCCEEDED);
        assertThat(approval.actions().get(0).latest().orElseThrow().summary()).isEqualTo("Tag matches the release notes");
        sandbox.control().advanceClock(Duration.ofMinutes(10));
        assertThat(webapp().stage("Deploy").orElseThrow().latest().orElseThrow().pipelineExecutionId()).isEqualTo(executionId);
    }

    @Test
    void inParallelModeEachWaitingExecutionIsReviewedWithItsOwnImageAndDecidedWithItsOwnToken() {
        ApprovalReviewViewModel review = reviewer();
        PipelineSnapshot bff = gateway.snapshot("mobile-bff");
        List<ApprovalRequest> waiting = bff.pendingApprovals();
        review.show(bff);

        review.focus(waiting.get(1));

        assertThat(review.requestProperty().get().sameWaitAs(waiting.get(1))).isTrue();
        String reviewedCommit = review.executionProperty().get().revisions().get(0).revisionId();
        String otherCommit = gateway.execution("mobile-bff", waiting.get(0).pipelineExecutionId()).revisions().get(0).revisionId();
        assertThat(reviewedCommit).isNotEqualTo(otherCommit);
        assertThat(review.imagesProperty().get().images()).singleElement()
                .satisfies(lookup -> assertThat(lookup.image().image().tag()).hasValue(reviewedCommit.substring(0, 7)));

        review.commentProperty().set("AVIF only for app 4.13 and later, checked");
        review.approve();

        assertThat(review.outcomeProperty().get().kind()).isEqualTo(ApprovalReviewViewModel.Outcome.Kind.DONE);
        PipelineSnapshot after = gateway.snapshot("mobile-bff");
        assertThat(after.pendingApprovals()).singleElement().satisfies(still -> assertThat(still.sameWaitAs(waiting.get(0))).isTrue());
        review.show(after);
        assertThat(review.requestProperty().get().sameWaitAs(waiting.get(0))).isTrue();
        assertThat(review.changeProperty().get()).isNull();
    }

    @Test
    void rejectsOnlyAfterConfirmation() {
        ApprovalReviewViewModel review = reviewer();
        review.show(webapp());
        confirmReject = false;

        review.reject();

        assertThat(webapp().pendingApprovals()).hasSize(1);
        confirmReject = true;
        review.reject();
        assertThat(webapp().stage("Approval").orElseThrow().status().kind()).isEqualTo(Status.Kind.FAILED);
    }

    @Test
    void whenAnotherClientDecidedFirstNothingIsSentAndTheReviewerLearnsWhoDecided() {
        ApprovalReviewViewModel review = reviewer();
        review.show(webapp());
        ApprovalRequest waiting = review.requestProperty().get();
        gateway.decide(waiting, new ApprovalDecision(ApprovalDecision.Verdict.APPROVE, "Shipped by the other reviewer"));
        review.commentProperty().set("My own review");

        review.approve();

        assertThat(review.changeProperty().get()).isInstanceOfSatisfying(ApprovalChange.Decided.class,
                decided -> assertThat(decided.message()).contains("approved").contains("Shipped by the other reviewer"));
        assertThat(review.commentProperty().get()).isEqualTo("My own review");
        assertThat(webapp().stage("Approval").orElseThrow().actions().get(0).latest().orElseThrow().summary())
                .isEqualTo("Shipped by the other reviewer");
    }

    @Test
    void refusesToSendWhenANewerExecutionReplacedTheReviewedOne() {
        ApprovalReviewViewModel review = reviewer();
        review.show(webapp());
        ApprovalRequest reviewed = review.requestProperty().get();
        replaceTheWaitingExecution(reviewed);
        assertThat(webapp().pendingApprovals()).singleElement()
                .satisfies(now -> assertThat(now.pipelineExecutionId()).isNotEqualTo(reviewed.pipelineExecutionId()));

        review.approve();

        assertThat(review.changeProperty().get()).isInstanceOf(ApprovalChange.Replaced.class);
        assertThat(review.canDecideProperty().get()).isFalse();
        ApprovalRequest stillWaiting = webapp().pendingApprovals().get(0);
        assertThat(webapp().stage("Approval").orElseThrow().status().kind()).isEqualTo(Status.Kind.IN_PROGRESS);
        review.reviewLatest();
        assertThat(review.requestProperty().get().sameWaitAs(stillWaiting)).isTrue();
    }

    @Test
    void flagsAChangedWaitOnRefreshInsteadOfSwappingIt() {
        ApprovalReviewViewModel review = reviewer();
        review.show(webapp());
        ApprovalRequest reviewed = review.requestProperty().get();
        replaceTheWaitingExecution(reviewed);

        review.show(webapp());

        assertThat(review.requestProperty().get()).isEqualTo(reviewed);
        assertThat(review.changeProperty().get()).isInstanceOf(ApprovalChange.Replaced.class);
    }

    /**
     * A newer execution waits before the busy Approval stage (as in AWS); once somebody stops the reviewed
     * one, the newer execution takes its place with a new token.
     */
    private void replaceTheWaitingExecution(ApprovalRequest reviewed) {
        sandbox.control().pushCommit("ecs-webapp", "Hotfix: revert pricing banner", "dana");
        sandbox.control().advanceClock(Duration.ofMinutes(15));
        clients.codePipeline().stopPipelineExecution(stop -> stop.pipelineName("ecs-webapp")
                .pipelineExecutionId(reviewed.pipelineExecutionId()).abandon(true).reason("Replaced by the hotfix"));
        sandbox.control().advanceClock(Duration.ofMinutes(1));
    }

    @Test
    void warnsBeforeApprovingAnExecutionTheReviewerStartedAndSaysWhoApproved() {
        ApprovalRequest waiting = webapp().pendingApprovals().get(0);
        clients.codePipeline().stopPipelineExecution(stop -> stop.pipelineName("ecs-webapp")
                .pipelineExecutionId(waiting.pipelineExecutionId()).abandon(true).reason("Starting over"));
        clients.codePipeline().startPipelineExecution(start -> start.name("ecs-webapp"));
        sandbox.control().advanceClock(Duration.ofMinutes(15));
        var me = clients.identity().whoAmI();
        ApprovalReviewViewModel review = new ApprovalReviewViewModel(gateway, aws.releases,
                new BackgroundTasks(Runnable::run, Runnable::run), (t, q, l) -> true,
                DraftStore.load(dataDirectory.resolve("drafts.json"), Runnable::run), refreshed::add,
                () -> java.util.Optional.of(me));

        review.show(webapp());

        assertThat(review.selfApprovalProperty().get()).startsWith("You started this execution yourself");
        review.approve();
        assertThat(review.outcomeProperty().get().message())
                .matches("Approved by " + java.util.regex.Pattern.quote(me.displayName()) + " at \\d\\d:\\d\\d:\\d\\d: ecs-webapp › .*");
    }

    @Test
    void noSelfApprovalWarningForAnExecutionAPushStarted() {
        var me = clients.identity().whoAmI();
        ApprovalReviewViewModel review = new ApprovalReviewViewModel(gateway, aws.releases,
                new BackgroundTasks(Runnable::run, Runnable::run), (t, q, l) -> true,
                DraftStore.load(dataDirectory.resolve("drafts.json"), Runnable::run), refreshed::add,
                () -> java.util.Optional.of(me));

        review.show(webapp());

        assertThat(review.executionProperty().get().triggerType()).isNotEqualTo("StartPipelineExecution");
        assertThat(review.selfApprovalProperty().get()).isNull();
    }

    @Test
    void keepsDraftCommentWhenTheCallFails() {
        ApprovalReviewViewModel review = reviewer();
        review.show(webapp());
        review.commentProperty().set("Checked, ready to ship");
        sandbox.close();

        review.approve();

        assertThat(review.outcomeProperty().get().kind()).isEqualTo(ApprovalReviewViewModel.Outcome.Kind.FAILED);
        assertThat(review.outcomeProperty().get().message()).contains("cannot be reached").contains("comment is kept");
        assertThat(review.commentProperty().get()).isEqualTo("Checked, ready to ship");
        assertThat(review.busyProperty().get()).isFalse();
    }

    @Test
    void keepsDraftCommentAcrossARestart() throws Exception {
        ApprovalReviewViewModel before = reviewer();
        before.show(webapp());
        before.commentProperty().set("Half-written review");

        ApprovalReviewViewModel after = reviewer();
        after.show(webapp());

        assertThat(after.commentProperty().get()).isEqualTo("Half-written review");
        assertThat(Files.readString(dataDirectory.resolve("drafts.json"))).contains("Half-written review");
    }

    @Test
    void forgetsTheDraftOnceTheDecisionIsRecorded() throws Exception {
        ApprovalReviewViewModel review = reviewer();
        review.show(webapp());
        review.commentProperty().set("Ship it");

        review.approve();

        assertThat(Files.readString(dataDirectory.resolve("drafts.json"))).doesNotContain("Ship it");
    }

    @Test
    void refusesACommentOverTheApiLimit() {
        ApprovalReviewViewModel review = reviewer();
        review.show(webapp());
        review.commentProperty().set("x".repeat(513));

        review.approve();

        assertThat(review.canDecideProperty().get()).isFalse();
        assertThat(review.commentProblemProperty().get()).contains("513");
        assertThat(webapp().pendingApprovals()).hasSize(1);
    }

    @Test
    void nothingToReviewOnAPipelineWithoutAWaitingApproval() {
        ApprovalReviewViewModel review = reviewer();

        review.show(gateway.snapshot("billing-api"));

        assertThat(review.requestProperty().get()).isNull();
        assertThat(review.canDecideProperty().get()).isFalse();
    }
}
