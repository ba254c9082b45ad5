package dev.tollgate.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionExecutionDetail;
import software.amazon.awssdk.services.codepipeline.model.ArtifactRevision;
import software.amazon.awssdk.services.codepipeline.model.InvalidNextTokenException;
import software.amazon.awssdk.services.codepipeline.model.ListActionExecutionsResponse;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecution;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionSummary;
import software.amazon.awssdk.services.codepipeline.model.PipelineNotFoundException;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Step 2: execution history of the demo account through the real SDK client. The sandbox is not changed here. */
@ExtendWith(QuietLogs.class)
class ExecutionHistoryTest {

    private static Sandbox sandbox;
    private static CodePipelineClient client;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(DemoSandboxTest.START)));
        client = SdkClients.codePipeline(sandbox);
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void ecsWebappHasARealisticHistoryNewestFirst() {
        List<PipelineExecutionSummary> executions = client.listPipelineExecutions(b -> b.pipelineName("ecs-webapp"))
                .pipelineExecutionSummaries();

        assertThat(executions).hasSizeBetween(10, 20);
        assertThat(executions.get(0).statusAsString()).isEqualTo("InProgress");
        assertThat(executions).extracting(PipelineExecutionSummary::statusAsString)
                .containsOnly("InProgress", "Succeeded", "Failed", "Superseded")
                .filteredOn("Superseded"::equals).hasSize(1);
        assertThat(executions).extracting(PipelineExecutionSummary::statusAsString).filteredOn("Failed"::equals).hasSize(2);
        for (int i = 1; i < executions.size(); i++) {
            assertThat(executions.get(i).startTime()).isBefore(executions.get(i - 1).startTime());
        }
        PipelineExecutionSummary latest = executions.get(0);
        assertThat(latest.trigger().triggerTypeAsString()).isEqualTo("WebhookV2");
        assertThat(latest.trigger().triggerDetail()).startsWith("arn:aws:codestar-connections:");
        assertThat(latest.executionModeAsString()).isEqualTo("SUPERSEDED");
        assertThat(latest.sourceRevisions()).singleElement().satisfies(r -> {
            assertThat(r.actionName()).isEqualTo("Source");
            assertThat(r.revisionId()).matches("[0-9a-f]{40}");
            assertThat(r.revisionSummary()).contains("\"CommitMessage\":\"Show order status timeline on the account page\"");
            assertThat(r.revisionUrl()).contains("Commit=" + r.revisionId());
        });
    }

    @Test
    void filtersExecutionsThatSucceededInAStageAndPaginates() {
        List<PipelineExecutionSummary> approved = client.listPipelineExecutions(b -> b.pipelineName("ecs-webapp")
                .filter(f -> f.succeededInStage(s -> s.stageName("Approval")))).pipelineExecutionSummaries();
        assertThat(approved).isNotEmpty().allSatisfy(e -> assertThat(e.statusAsString()).isEqualTo("Succeeded"));

        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            String current = token;
            var page = client.listPipelineExecutions(b -> b.pipelineName("ecs-webapp").maxResults(4).nextToken(current));
            page.pipelineExecutionSummaries().forEach(e -> ids.add(e.pipelineExecutionId()));
            token = page.nextToken();
        } while (token != null);
        assertThat(ids).containsExactlyElementsOf(client.listPipelineExecutions(b -> b.pipelineName("ecs-webapp"))
                .pipelineExecutionSummaries().stream().map(PipelineExecutionSummary::pipelineExecutionId).toList());

        String billingToken = client.listPipelineExecutions(b -> b.pipelineName("billing-api").maxResults(1)).nextToken();
        assertThatThrownBy(() -> client.listPipelineExecutions(b -> b.pipelineName("ecs-webapp").nextToken(billingToken)))
                .isInstanceOf(InvalidNextTokenException.class);
        assertThatThrownBy(() -> client.listPipelineExecutions(b -> b.pipelineName("nope")))
                .isInstanceOf(PipelineNotFoundException.class);
    }

    @Test
    void getPipelineExecutionReportsArtifactRevisions() {
        String id = latestId("ecs-webapp");
        PipelineExecution execution = client.getPipelineExecution(b -> b.pipelineName("ecs-webapp").pipelineExecutionId(id))
                .pipelineExecution();

        assertThat(execution.pipelineName()).isEqualTo("ecs-webapp");
        assertThat(execution.pipelineVersion()).isEqualTo(1);
        assertThat(execution.statusAsString()).isEqualTo("InProgress");
        ArtifactRevision revision = execution.artifactRevisions().get(0);
        assertThat(revision.name()).isEqualTo("SourceArtifact");
        assertThat(revision.revisionId()).matches("[0-9a-f]{40}");
        assertThat(revision.revisionUrl()).contains("acme%2Fecs-webapp");
        assertThat(execution.trigger().triggerTypeAsString()).isEqualTo("WebhookV2");

        assertThatThrownBy(() -> client.getPipelineExecution(b -> b.pipelineName("ecs-webapp")
                .pipelineExecutionId("00000000-0000-4000-8000-000000000000")))
                .isInstanceOf(PipelineExecutionNotFoundException.class);
    }

    @Test
    void actionExecutionsShowInputsOutputsAndResults() {
        String id = latestId("ecs-webapp");
        List<ActionExecutionDetail> details = client.listActionExecutions(b -> b.pipelineName("ecs-webapp")
                .filter(f -> f.pipelineExecutionId(id))).actionExecutionDetails();

        assertThat(details).extracting(ActionExecutionDetail::actionName).containsExactly("ManualApproval", "Build", "Source");
        ActionExecutionDetail approval = details.get(0);
        assertThat(approval.statusAsString()).isEqualTo("InProgress");
        assertThat(approval.input().configuration())
                .containsEntry("CustomData", "Check the image tag and the changes before production");
        assertThat(approval.input().actionTypeId().provider()).isEqualTo("Manual");

        ActionExecutionDetail build = details.get(1);
        assertThat(build.statusAsString()).isEqualTo("Succeeded");
        assertThat(build.input().inputArtifacts()).singleElement().satisfies(a -> assertThat(a.name()).isEqualTo("SourceArtifact"));
        assertThat(build.output().outputArtifacts()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("BuildArtifact");
            assertThat(a.s3location().bucket()).isEqualTo(Sandbox.ARTIFACT_BUCKET);
            assertThat(a.s3location().key()).matches("ecs-webapp/BuildArtif/[A-Za-z0-9]{7}");
        });
        assertThat(build.output().executionResult().externalExecutionId()).startsWith("ecs-webapp-build:");
        assertThat(build.output().executionResult().externalExecutionUrl()).contains("codebuild");
        assertThat(build.output().executionResult().externalExecutionSummary()).startsWith("Pushed ecs-webapp:");
        assertThat(build.startTime()).isBefore(build.lastUpdateTime());

        ActionExecutionDetail source = details.get(2);
        assertThat(source.output().outputVariables()).containsKeys("CommitId", "CommitMessage", "BranchName");
    }

    @Test
    void pastApprovalsNameTheirApproversAndTheRejection() {
        ListActionExecutionsResponse all = client.listActionExecutions(b -> b.pipelineName("ecs-webapp").maxResults(100));
        List<ActionExecutionDetail> approvals = all.actionExecutionDetails().stream()
                .filter(d -> d.actionName().equals("ManualApproval") && !d.statusAsString().equals("InProgress")).toList();

        assertThat(approvals).hasSizeGreaterThan(8);
        assertThat(approvals).extracting(ActionExecutionDetail::updatedBy)
                .allMatch(by -> by.startsWith("arn:aws:sts::123456789012:assumed-role/Approver/"))
                .anyMatch(by -> by.endsWith("/priya.raman"))
                .anyMatch(by -> by.endsWith("/mei.chen"));
        assertThat(approvals).filteredOn(d -> d.statusAsString().equals("Failed")).singleElement()
                .satisfies(d -> assertThat(d.output().executionResult().errorDetails().message()).contains("not backward compatible"));
    }

    @Test
    void actionExecutionsPaginateAcrossTheWholePipeline() {
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            String current = token;
            var page = client.listActionExecutions(b -> b.pipelineName("billing-api").maxResults(7).nextToken(current));
            page.actionExecutionDetails().forEach(d -> ids.add(d.actionExecutionId()));
            token = page.nextToken();
        } while (token != null);
        // Eight executions of four actions, except the one whose integration tests failed never deployed.
        assertThat(ids).doesNotHaveDuplicates().hasSize(8 * 4 - 1);
    }

    @Test
    void nightlyReportsLastExecutionFailedAtBuild() {
        PipelineExecutionSummary last = client.listPipelineExecutions(b -> b.pipelineName("nightly-reports"))
                .pipelineExecutionSummaries().get(0);
        assertThat(last.statusAsString()).isEqualTo("Failed");
        assertThat(last.trigger().triggerTypeAsString()).isEqualTo("CloudWatchEvent");
        ActionExecutionDetail build = client.listActionExecutions(b -> b.pipelineName("nightly-reports")
                        .filter(f -> f.pipelineExecutionId(last.pipelineExecutionId()))).actionExecutionDetails().stream()
                .filter(d -> d.actionName().equals("Build")).findFirst().orElseThrow();
        assertThat(build.output().executionResult().errorDetails().code()).isEqualTo("JobFailed");
        assertThat(build.output().outputArtifacts()).isEmpty();
    }

    private static String latestId(String pipeline) {
        return client.listPipelineExecutions(b -> b.pipelineName(pipeline).maxResults(1))
                .pipelineExecutionSummaries().get(0).pipelineExecutionId();
    }
}
