package dev.tollgate.pipeline;

import java.time.Instant;

/**
 * The latest run of an action as GetPipelineState reports it. {@code token} is set only while a manual
 * approval waits; {@code errorCode}/{@code errorMessage} only for failures.
 */
public record ActionRun(
        String actionExecutionId,
        Status status,
        String summary,
        Instant lastStatusChange,
        String token,
        String lastUpdatedBy,
        String externalExecutionId,
        String externalExecutionUrl,
        String errorCode,
        String errorMessage) {
}
