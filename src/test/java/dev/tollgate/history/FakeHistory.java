package dev.tollgate.history;

import dev.tollgate.pipeline.ActionCategory;
import dev.tollgate.pipeline.ActionStep;
import dev.tollgate.pipeline.ExecutionHistory;
import dev.tollgate.pipeline.HistoryPage;
import dev.tollgate.pipeline.PipelineExecution;
import dev.tollgate.pipeline.Revision;
import dev.tollgate.pipeline.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An in-memory history with offset tokens like the sandbox's, for what the sandbox cannot show: approval
 * comments in ListActionExecutions, and steps that repeat across pages. Counts the calls it answers.
 */
final class FakeHistory implements ExecutionHistory {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    final List<PipelineExecution> executions = new ArrayList<>();
    final List<ActionStep> steps = new ArrayList<>();
    int stepsPageSize = 3;
    int executionCalls;
    int stepCalls;

    /** Adds an execution, newest first, with a source step and an approval decided by {@code approver}. */
    FakeHistory add(String id, int hoursAfterT0, Status status, String message, String approver, Status approval, String comment) {
        Instant start = T0.plus(Duration.ofHours(hoursAfterT0));
        executions.add(0, new PipelineExecution("app", id, status, null,
                List.of(new Revision("Source", id + "c0ffee", message, null)), "Webhook", null, "SUPERSEDED", "STANDARD",
                start, start.plus(Duration.ofMinutes(50))));
        steps.add(0, step(id, "Source", ActionCategory.SOURCE, Status.fromWire("Succeeded"), start, null, null));
        if (approval != null) {
            steps.add(0, step(id, "Approval", ActionCategory.APPROVAL, approval, start.plus(Duration.ofMinutes(5)), approver, comment));
        }
        return this;
    }

    static ActionStep step(String executionId, String stage, ActionCategory category, Status status, Instant start,
            String by, String summary) {
        return new ActionStep(executionId, executionId + "-" + stage, stage, stage, category, "x", status, start,
                start.plus(Duration.ofMinutes(30)), by, summary, null, null, null, null, List.of(), List.of());
    }

    @Override
    public HistoryPage<PipelineExecution> executions(String pipelineName, Optional<String> pageToken, int pageSize) {
        executionCalls++;
        return page(executions, pageToken, pageSize);
    }

    @Override
    public HistoryPage<ActionStep> actionSteps(String pipelineName, Optional<String> pageToken) {
        stepCalls++;
        return page(steps, pageToken, stepsPageSize);
    }

    @Override
    public List<ActionStep> actionSteps(String pipelineName, String executionId) {
        return steps.stream().filter(step -> step.pipelineExecutionId().equals(executionId)).toList();
    }

    private static <T> HistoryPage<T> page(List<T> all, Optional<String> token, int size) {
        int from = token.map(Integer::parseInt).orElse(0);
        int to = Math.min(all.size(), from + size);
        return new HistoryPage<>(all.subList(from, to), to < all.size() ? Optional.of(String.valueOf(to)) : Optional.empty());
    }
}
