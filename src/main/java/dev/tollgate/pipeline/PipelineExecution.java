package dev.tollgate.pipeline;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a pipeline: what started it, which source revisions it carries, and how it ended.
 * {@code startTime}/{@code lastUpdateTime} are known from ListPipelineExecutions, not GetPipelineExecution;
 * the resolved {@code variables} (name to value, in AWS's order) only from GetPipelineExecution.
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
        Instant lastUpdateTime,
        Map<String, String> variables) {

    public PipelineExecution {
        revisions = List.copyOf(revisions);
        variables = variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** An execution as listed, without its variables. */
    public PipelineExecution(String pipelineName, String executionId, Status status, String statusSummary,
            List<Revision> revisions, String triggerType, String triggerDetail, String executionMode,
            String executionType, Instant startTime, Instant lastUpdateTime) {
        this(pipelineName, executionId, status, statusSummary, revisions, triggerType, triggerDetail, executionMode,
                executionType, startTime, lastUpdateTime, Map.of());
    }

    public boolean isRollback() {
        return "ROLLBACK".equals(executionType);
    }
}
