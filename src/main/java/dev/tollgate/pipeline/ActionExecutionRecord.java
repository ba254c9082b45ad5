package dev.tollgate.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One run of one action in one pipeline execution, as ListActionExecutions reports it: who updated it (the
 * approver, for an approval), its summary (the approver's comment), and the artifacts it produced.
 */
public record ActionExecutionRecord(
        String pipelineExecutionId,
        String actionExecutionId,
        String stageName,
        String actionName,
        ActionCategory category,
        String provider,
        Status status,
        Instant startTime,
        Instant lastUpdateTime,
        String updatedBy,
        String summary,
        String externalExecutionId,
        String externalExecutionUrl,
        Map<String, String> configuration,
        List<ArtifactLocation> outputArtifacts,
        String token) {

    public ActionExecutionRecord {
        configuration = Map.copyOf(configuration);
        outputArtifacts = List.copyOf(outputArtifacts);
    }

    public boolean isApproval() {
        return category == ActionCategory.APPROVAL;
    }
}
