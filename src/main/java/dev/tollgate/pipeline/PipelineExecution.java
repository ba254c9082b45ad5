package dev.tollgate.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * One run of a pipeline: what started it, which source revisions it carries, and how it ended.
 * {@code startTime}/{@code lastUpdateTime} are known from ListPipelineExecutions, not GetPipelineExecution.
 */
public record PipelineExecution(
        String pipelineName,
        String executionId,
        Status status,
        String statusSummary,
        List<Revision> revisions,
        String triggerType,
        String triggerDetail,
        String executionMode,
        String executionType,
        Instant startTime,
        Instant lastUpdateTime) {

    public PipelineExecution {
        revisions = List.copyOf(revisions);
    }

    public boolean isRollback() {
        return "ROLLBACK".equals(executionType);
    }
}
