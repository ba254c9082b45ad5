package dev.tollgate.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.history.LongHistory;
import dev.tollgate.pipeline.ActionCategory;
import dev.tollgate.pipeline.ActionStep;
import dev.tollgate.pipeline.ApprovalOutcome;
import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.HistoryPage;
import dev.tollgate.pipeline.PipelineExecution;
import dev.tollgate.pipeline.Status;
import dev.tollgate.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The history port over the real SDK client, against a sandbox pipeline with 1,000 more executions. */
class CodePipelineHistoryTest {

    private static final int EXTRA = 1000;

    private static Sandbox sandbox;
    private static AwsClients clients;
    private static CodePipelineHistory history;

    @BeforeAll
    static void start() {
        sandbox = LongHistory.start(EXTRA);
        clients = new AwsClients(ConnectionSettings.sandbox(sandbox.endpoint()));
        history = new CodePipelineHistory(clients.codePipeline());
    }

    @AfterAll
    static void stop() {
        clients.close();
        sandbox.close();
    }

    @Test
    void pagesThroughEveryExecutionNewestFirstWithoutDuplicates() {
        List<PipelineExecution> all = new ArrayList<>();
        Optional<String> token = Optional.empty();
        int pages = 0;
        do {
            HistoryPage<PipelineExecution> page = history.executions(LongHistory.PIPELINE, token, 100);
            all.addAll(page.items());
            token = page.nextToken();
            pages++;
        } while (token.isPresent());

        assertThat(all).hasSizeGreaterThan(EXTRA);
        assertThat(pages).isEqualTo((all.size() + 99) / 100);
        Set<String> ids = new HashSet<>();
        all.forEach(execution -> assertThat(ids.add(execution.executionId())).isTrue());
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).startTime()).isBefore(all.get(i - 1).startTime());
        }
    }

    @Test
    void anExecutionCarriesItsCommitTriggerAndTimes() {
        PipelineExecution newest = history.executions(LongHistory.PIPELINE, Optional.empty(), 1).items().get(0);

        assertThat(newest.pipelineName()).isEqualTo(LongHistory.PIPELINE);
        assertThat(newest.status().kind()).isEqualTo(Status.Kind.IN_PROGRESS);
        assertThat(newest.revisions()).singleElement().satisfies(revision -> {
            assertThat(revision.revisionId()).matches("[0-9a-f]{40}");
            // The connection's JSON summary is reduced to the commit message.
            assertThat(revision.summary()).isEqualTo(LongHistory.message(EXTRA));
            assertThat(revision.url()).contains(revision.revisionId());
        });
        assertThat(newest.triggerType()).isEqualTo("WebhookV2");
        assertThat(newest.executionType()).isEqualTo("STANDARD");
        assertThat(newest.executionMode()).isEqualTo("SUPERSEDED");
        assertThat(newest.startTime()).isNotNull();
        assertThat(newest.lastUpdateTime()).isAfterOrEqualTo(newest.startTime());
    }

    @Test
    void actionStepsOfTheWholePipelineComeNewestFirstInPagesOfAHundred() {
        HistoryPage<ActionStep> first = history.actionSteps(LongHistory.PIPELINE, Optional.empty());
        HistoryPage<ActionStep> second = history.actionSteps(LongHistory.PIPELINE, first.nextToken());

        assertThat(first.items()).hasSize(100);
        assertThat(first.nextToken()).isPresent();
        List<ActionStep> both = new ArrayList<>(first.items());
        both.addAll(second.items());
        for (int i = 1; i < both.size(); i++) {
            assertThat(both.get(i).startTime()).isBeforeOrEqualTo(both.get(i - 1).startTime());
        }
    }

    @Test
    void anApprovedExecutionNamesItsApproverAndWhen() {
        PipelineExecution approved = history.executions(LongHistory.PIPELINE, Optional.empty(), 20).items().stream()
                .filter(execution -> execution.status().is(Status.Kind.SUCCEEDED))
                .findFirst().orElseThrow();

        List<ActionStep> steps = history.actionSteps(LongHistory.PIPELINE, approved.executionId());

        assertThat(steps).extracting(ActionStep::stageName).containsExactly("Deploy", "Approval", "Build", "Source");
        ActionStep approval = steps.get(1);
        assertThat(approval.category()).isEqualTo(ActionCategory.APPROVAL);
        ApprovalOutcome outcome = approval.approval().orElseThrow();
        assertThat(outcome.verdict()).isEqualTo(ApprovalOutcome.Verdict.APPROVED);
        assertThat(outcome.approver()).startsWith(LongHistory.APPROVER_ARN);
        assertThat(outcome.approverName()).isIn((Object[]) LongHistory.APPROVERS);
        assertThat(outcome.at()).isAfter(approval.startTime());
        ActionStep build = steps.get(2);
        assertThat(build.outputArtifacts()).singleElement()
                .satisfies(artifact -> assertThat(artifact.artifactName()).isEqualTo("BuildArtifact"));
        assertThat(build.inputArtifacts()).singleElement()
                .satisfies(artifact -> assertThat(artifact.artifactName()).isEqualTo("SourceArtifact"));
        assertThat(build.externalExecutionUrl()).isNotBlank();
        assertThat(steps.get(0).endTime()).isPresent();
    }

    @Test
    void aRejectedApprovalIsAFailureWithTheRejectorAndErrorDetails() {
        ActionStep rejected = firstApproval(ApprovalOutcome.Verdict.REJECTED);

        assertThat(rejected.status().kind()).isEqualTo(Status.Kind.FAILED);
        assertThat(rejected.errorCode()).isEqualTo("JobFailed");
        assertThat(rejected.errorMessage()).contains("Rejected");
        assertThat(rejected.approval().orElseThrow().approverName()).isNotEmpty();
    }

    @Test
    void aBrokenBuildReportsItsError() {
        ActionStep failedBuild = pipelineSteps(400).stream()
                .filter(step -> step.category() == ActionCategory.BUILD && step.status().is(Status.Kind.FAILED))
                .findFirst().orElseThrow();

        assertThat(failedBuild.errorMessage()).isNotBlank();
        assertThat(failedBuild.endTime()).isPresent();
    }

    @Test
    void anUnknownPipelineIsNotFound() {
        assertThatThrownBy(() -> history.executions("no-such-pipeline", Optional.empty(), 10))
                .isInstanceOf(GatewayException.class)
                .satisfies(error -> assertThat(((GatewayException) error).problem()).isEqualTo(GatewayException.Problem.NOT_FOUND))
                .hasMessageStartingWith("Could not list the executions of no-such-pipeline");
    }

    private static ActionStep firstApproval(ApprovalOutcome.Verdict verdict) {
        return pipelineSteps(400).stream()
                .filter(ActionStep::isApproval)
                .filter(step -> step.approval().orElseThrow().verdict() == verdict)
                .findFirst().orElseThrow();
    }

    private static List<ActionStep> pipelineSteps(int atLeast) {
        List<ActionStep> steps = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            HistoryPage<ActionStep> page = history.actionSteps(LongHistory.PIPELINE, token);
            steps.addAll(page.items());
            token = page.nextToken();
        } while (token.isPresent() && steps.size() < atLeast);
        return steps;
    }
}
