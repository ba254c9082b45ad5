package dev.tollgate.ui.review;

import static dev.tollgate.pipeline.Snapshots.approval;
import static dev.tollgate.pipeline.Snapshots.pipeline;
import static dev.tollgate.pipeline.Snapshots.stage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.ApprovalDecision;
import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineGateway;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.PipelineSummary;
import dev.tollgate.ui.common.BackgroundTasks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApprovalReviewViewModelTest {

    private static final String TOKEN = "11111111-2222-3333-4444-555555555555";
    private static final String NEWER_TOKEN = "99999999-2222-3333-4444-555555555555";

    private final RecordingGateway gateway = new RecordingGateway();
    private final List<String> refreshed = new ArrayList<>();
    private boolean confirmReject = true;
    private final ApprovalReviewViewModel viewModel = new ApprovalReviewViewModel(gateway,
            new BackgroundTasks(Runnable::run, Runnable::run),
            (title, question, label) -> confirmReject, refreshed::add);

    private static PipelineSnapshot waiting(String executionId, String token) {
        return pipeline("ecs-webapp", stage("Approval", executionId, "InProgress", approval("Gate", token, Map.of(), null)));
    }

    @Test
    void approvesExactlyTheReviewedWaitWithTheCommentAndRefreshesThePipeline() {
        viewModel.show(waiting("exec-1", TOKEN));
        viewModel.commentProperty().set("Image tag a1b2c3d checked");

        viewModel.approve();

        assertThat(gateway.decisions).singleElement().satisfies(sent -> {
            assertThat(sent.request().token()).isEqualTo(TOKEN);
            assertThat(sent.request().pipelineExecutionId()).isEqualTo("exec-1");
            assertThat(sent.decision().verdict()).isEqualTo(ApprovalDecision.Verdict.APPROVE);
            assertThat(sent.decision().comment()).isEqualTo("Image tag a1b2c3d checked");
        });
        assertThat(viewModel.outcomeProperty().get().kind()).isEqualTo(ApprovalReviewViewModel.Outcome.Kind.DONE);
        assertThat(viewModel.outcomeProperty().get().message()).startsWith("Approved ecs-webapp › Approval › Gate at ");
        assertThat(viewModel.commentProperty().get()).isEmpty();
        assertThat(refreshed).containsExactly("ecs-webapp");
    }

    @Test
    void rejectsOnlyAfterConfirmation() {
        viewModel.show(waiting("exec-1", TOKEN));
        confirmReject = false;

        viewModel.reject();

        assertThat(gateway.decisions).isEmpty();
        confirmReject = true;
        viewModel.reject();
        assertThat(gateway.decisions).singleElement()
                .satisfies(sent -> assertThat(sent.decision().verdict()).isEqualTo(ApprovalDecision.Verdict.REJECT));
    }

    @Test
    void keepsDraftCommentWhenTheCallFails() {
        viewModel.show(waiting("exec-1", TOKEN));
        viewModel.commentProperty().set("Looks good");
        gateway.failWith = new GatewayException(GatewayException.Problem.UNREACHABLE, "Could not approve: AWS cannot be reached.");

        viewModel.approve();

        assertThat(viewModel.commentProperty().get()).isEqualTo("Looks good");
        assertThat(viewModel.outcomeProperty().get().kind()).isEqualTo(ApprovalReviewViewModel.Outcome.Kind.FAILED);
        assertThat(viewModel.outcomeProperty().get().message()).contains("AWS cannot be reached").contains("comment is kept");
        assertThat(viewModel.requestProperty().get()).isNotNull();
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void someoneElseDecidingFirstIsACalmNoticeFollowedByARefresh() {
        viewModel.show(waiting("exec-1", TOKEN));
        gateway.failWith = new GatewayException(GatewayException.Problem.APPROVAL_ALREADY_DECIDED,
                "Could not approve ecs-webapp › Approval › Gate: this approval was already decided.");

        viewModel.approve();

        assertThat(viewModel.outcomeProperty().get().kind()).isEqualTo(ApprovalReviewViewModel.Outcome.Kind.NOTICE);
        assertThat(refreshed).containsExactly("ecs-webapp");
    }

    @Test
    void keepsDraftCommentAcrossRefreshesOfTheSameWait() {
        viewModel.show(waiting("exec-1", TOKEN));
        viewModel.commentProperty().set("Half-written");

        viewModel.show(waiting("exec-1", TOKEN));

        assertThat(viewModel.commentProperty().get()).isEqualTo("Half-written");
    }

    @Test
    void showsTheNewWaitWhenTheTokenChanges() {
        viewModel.show(waiting("exec-1", TOKEN));

        viewModel.show(waiting("exec-2", NEWER_TOKEN));

        assertThat(viewModel.requestProperty().get().token()).isEqualTo(NEWER_TOKEN);
    }

    @Test
    void refusesToSendACommentOverTheLimit() {
        viewModel.show(waiting("exec-1", TOKEN));
        viewModel.commentProperty().set("x".repeat(513));

        viewModel.approve();

        assertThat(gateway.decisions).isEmpty();
        assertThat(viewModel.canDecideProperty().get()).isFalse();
        assertThat(viewModel.commentProblemProperty().get()).contains("513");
    }

    @Test
    void nothingToDecideWithoutAWaitingApproval() {
        viewModel.show(pipeline("quiet", stage("Source", "e", "Succeeded")));

        assertThat(viewModel.requestProperty().get()).isNull();
        assertThat(viewModel.canDecideProperty().get()).isFalse();
    }

    private record Sent(ApprovalRequest request, ApprovalDecision decision) {
    }

    private static final class RecordingGateway implements PipelineGateway {
        final List<Sent> decisions = new ArrayList<>();
        GatewayException failWith;

        @Override
        public List<PipelineSummary> listPipelines() {
            return List.of();
        }

        @Override
        public PipelineSnapshot snapshot(String pipelineName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant decide(ApprovalRequest request, ApprovalDecision decision) {
            if (failWith != null) {
                throw failWith;
            }
            decisions.add(new Sent(request, decision));
            return Instant.parse("2026-11-24T10:05:00Z");
        }
    }
}
