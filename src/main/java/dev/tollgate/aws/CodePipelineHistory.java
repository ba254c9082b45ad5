package dev.tollgate.aws;

import dev.tollgate.pipeline.ActionCategory;
import dev.tollgate.pipeline.ActionStep;
import dev.tollgate.pipeline.ArtifactLocation;
import dev.tollgate.pipeline.ExecutionHistory;
import dev.tollgate.pipeline.HistoryPage;
import dev.tollgate.pipeline.PipelineExecution;
import dev.tollgate.pipeline.Revision;
import dev.tollgate.pipeline.Status;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionExecutionDetail;
import software.amazon.awssdk.services.codepipeline.model.ActionExecutionInput;
import software.amazon.awssdk.services.codepipeline.model.ActionExecutionOutput;
import software.amazon.awssdk.services.codepipeline.model.ActionExecutionResult;
import software.amazon.awssdk.services.codepipeline.model.ArtifactDetail;
import software.amazon.awssdk.services.codepipeline.model.ListActionExecutionsResponse;
import software.amazon.awssdk.services.codepipeline.model.ListPipelineExecutionsResponse;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionSummary;

/**
 * {@link ExecutionHistory} over the AWS SDK's CodePipeline client. Endless scroll asks for one page at a time,
 * so the two page methods make exactly one call each and hand the token back; a whole execution's actions are
 * read with the SDK's paginator.
 */
public final class CodePipelineHistory implements ExecutionHistory {

    private final CodePipelineClient client;

    public CodePipelineHistory(CodePipelineClient client) {
        this.client = Objects.requireNonNull(client);
    }

    @Override
    public HistoryPage<PipelineExecution> executions(String pipelineName, Optional<String> pageToken, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1.." + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        try {
            ListPipelineExecutionsResponse page = client.listPipelineExecutions(request -> request
                    .pipelineName(pipelineName)
                    .maxResults(pageSize)
                    .nextToken(pageToken.orElse(null)));
            return new HistoryPage<>(
                    page.pipelineExecutionSummaries().stream().map(summary -> toExecution(pipelineName, summary)).toList(),
                    Optional.ofNullable(page.nextToken()));
        } catch (SdkException e) {
            throw AwsErrors.translate("Could not list the executions of " + pipelineName, e);
        }
    }

    @Override
    public HistoryPage<ActionStep> actionSteps(String pipelineName, Optional<String> pageToken) {
        try {
            ListActionExecutionsResponse page = client.listActionExecutions(request -> request
                    .pipelineName(pipelineName)
                    .maxResults(MAX_PAGE_SIZE)
                    .nextToken(pageToken.orElse(null)));
            return new HistoryPage<>(page.actionExecutionDetails().stream().map(CodePipelineHistory::toStep).toList(),
                    Optional.ofNullable(page.nextToken()));
        } catch (SdkException e) {
            throw AwsErrors.translate("Could not list the action runs of " + pipelineName, e);
        }
    }

    @Override
    public List<ActionStep> actionSteps(String pipelineName, String executionId) {
        try {
            return client.listActionExecutionsPaginator(request -> request
                            .pipelineName(pipelineName)
                            .maxResults(MAX_PAGE_SIZE)
                            .filter(filter -> filter.pipelineExecutionId(executionId)))
                    .actionExecutionDetails().stream()
                    .map(CodePipelineHistory::toStep)
                    .toList();
        } catch (SdkException e) {
            throw AwsErrors.translate("Could not list the actions of execution " + executionId + " of " + pipelineName, e);
        }
    }

    private static PipelineExecution toExecution(String pipelineName, PipelineExecutionSummary summary) {
        List<Revision> revisions = summary.sourceRevisions().stream()
                .map(r -> new Revision(r.actionName(), r.revisionId(), RevisionSummaries.message(r.revisionSummary()),
                        r.revisionUrl()))
                .toList();
        String statusSummary = summary.statusSummary();
        // A stopped execution says why only in its stop trigger; keep that reason with the status.
        if ((statusSummary == null || statusSummary.isBlank()) && summary.stopTrigger() != null) {
            statusSummary = summary.stopTrigger().reason();
        }
        return new PipelineExecution(
                pipelineName,
                summary.pipelineExecutionId(),
                Status.fromWire(summary.statusAsString()),
                statusSummary,
                revisions,
                summary.trigger() == null ? null : summary.trigger().triggerTypeAsString(),
                summary.trigger() == null ? null : summary.trigger().triggerDetail(),
                summary.executionModeAsString(),
                summary.executionTypeAsString(),
                summary.startTime(),
                summary.lastUpdateTime());
    }

    private static ActionStep toStep(ActionExecutionDetail detail) {
        ActionExecutionInput input = detail.input();
        ActionExecutionOutput output = detail.output();
        ActionExecutionResult result = output == null ? null : output.executionResult();
        return new ActionStep(
                detail.pipelineExecutionId(),
                detail.actionExecutionId(),
                detail.stageName(),
                detail.actionName(),
                input == null || input.actionTypeId() == null ? ActionCategory.UNKNOWN
                        : ActionCategory.fromWire(input.actionTypeId().categoryAsString()),
                input == null || input.actionTypeId() == null ? null : input.actionTypeId().provider(),
                Status.fromWire(detail.statusAsString()),
                detail.startTime(),
                detail.lastUpdateTime(),
                detail.updatedBy(),
                // Source actions summarise their commit as the connection's JSON; keep only the message.
                result == null ? null : RevisionSummaries.message(result.externalExecutionSummary()),
                result == null ? null : result.externalExecutionId(),
                result == null ? null : result.externalExecutionUrl(),
                result == null || result.errorDetails() == null ? null : result.errorDetails().code(),
                result == null || result.errorDetails() == null ? null : result.errorDetails().message(),
                input == null ? List.of() : locations(input.inputArtifacts()),
                output == null ? List.of() : locations(output.outputArtifacts()));
    }

    private static List<ArtifactLocation> locations(List<ArtifactDetail> artifacts) {
        // Artifacts outside S3 (none today) have no location to show or read.
        return artifacts.stream()
                .filter(artifact -> artifact.s3location() != null && artifact.s3location().bucket() != null
                        && artifact.s3location().key() != null)
                .map(artifact -> new ArtifactLocation(artifact.name(), artifact.s3location().bucket(),
                        artifact.s3location().key()))
                .toList();
    }
}
