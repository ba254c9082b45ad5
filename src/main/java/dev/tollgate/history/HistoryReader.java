package dev.tollgate.history;

import dev.tollgate.pipeline.ActionStep;
import dev.tollgate.pipeline.ApprovalOutcome;
import dev.tollgate.pipeline.ExecutionHistory;
import dev.tollgate.pipeline.ExecutionSummary;
import dev.tollgate.pipeline.HistoryFilter;
import dev.tollgate.pipeline.HistoryPage;
import dev.tollgate.pipeline.PipelineExecution;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Reads one pipeline's history, newest first, as the executions that match a filter, each joined with its
 * approvals.
 *
 * <p>Approvals come from the pipeline-wide list of action runs, read alongside the executions rather than one
 * call per execution: both lists are ordered by start time, newest first, and every action of an execution
 * starts after the execution does, so once the action runs read reach back before an execution's start, all of
 * its approvals are known. A page of 50 executions costs one call for them and two or three for their actions.
 *
 * <p>AWS pages by position, so executions that start while someone scrolls push older ones onto the next page
 * again; those repeats are dropped. A date range stops the reading as soon as executions start before it.
 * Not thread-safe: one reader serves one list, from one background job at a time.
 */
public final class HistoryReader {

    /**
     * What one call found.
     *
     * @param scanned   how many executions this call looked at
     * @param exhausted true when there is nothing older left to read (for this filter)
     */
    public record Batch(List<ExecutionSummary> matches, int scanned, boolean exhausted) {
        public Batch {
            matches = List.copyOf(matches);
        }
    }

    private final ExecutionHistory history;
    private final String pipelineName;
    private final HistoryFilter filter;
    private final int pageSize;

    private final Deque<PipelineExecution> pending = new ArrayDeque<>();
    private final Set<String> seenExecutions = new HashSet<>();
    private Optional<String> executionsToken = Optional.empty();
    private boolean executionsDone;

    private final Map<String, Map<String, ApprovalOutcome>> approvalsByExecution = new HashMap<>();
    private Optional<String> stepsToken = Optional.empty();
    private boolean stepsDone;
    private Instant oldestStepStart;

    private boolean exhausted;
    private int scannedTotal;

    /**
     * @param pageSize executions per call, 1 to {@value ExecutionHistory#MAX_PAGE_SIZE}
     */
    public HistoryReader(ExecutionHistory history, String pipelineName, HistoryFilter filter, int pageSize) {
        this.history = Objects.requireNonNull(history);
        this.pipelineName = Objects.requireNonNull(pipelineName);
        this.filter = Objects.requireNonNull(filter);
        if (pageSize < 1 || pageSize > ExecutionHistory.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1.." + ExecutionHistory.MAX_PAGE_SIZE);
        }
        this.pageSize = pageSize;
    }

    public String pipelineName() {
        return pipelineName;
    }

    public HistoryFilter filter() {
        return filter;
    }

    /**
     * Reads on until {@code wanted} more executions match or the history ends. A selective filter may read many
     * pages for one batch, so {@code cancelled} is asked before every call to AWS.
     *
     * @throws CancellationException when {@code cancelled} says so; the reader can go on from there later
     */
    public Batch next(int wanted, BooleanSupplier cancelled) {
        List<ExecutionSummary> found = new ArrayList<>();
        int scanned = 0;
        while (found.size() < wanted && !exhausted) {
            PipelineExecution execution = nextExecution(cancelled);
            if (execution == null || filter.isBeforeRange(execution)) {
                exhausted = true;
                break;
            }
            scanned++;
            scannedTotal++;
            // Cheap criteria first: an execution they reject never needs its approvals.
            if (!filter.matchesExecution(execution)) {
                continue;
            }
            readStepsCovering(execution, cancelled);
            Map<String, ApprovalOutcome> approvals = approvalsByExecution.remove(execution.executionId());
            ExecutionSummary summary = new ExecutionSummary(execution,
                    approvals == null ? List.of() : newestFirst(approvals.values()));
            if (filter.matches(summary)) {
                found.add(summary);
            }
        }
        return new Batch(found, scanned, exhausted);
    }

    public boolean isExhausted() {
        return exhausted;
    }

    /** How many executions this reader has looked at so far. */
    public int scanned() {
        return scannedTotal;
    }

    private PipelineExecution nextExecution(BooleanSupplier cancelled) {
        while (pending.isEmpty() && !executionsDone) {
            checkCancelled(cancelled);
            HistoryPage<PipelineExecution> page = history.executions(pipelineName, executionsToken, pageSize);
            for (PipelineExecution execution : page.items()) {
                if (seenExecutions.add(execution.executionId())) {
                    pending.add(execution);
                }
            }
            executionsToken = page.nextToken();
            executionsDone = page.isLast();
        }
        return pending.poll();
    }

    /** Reads action runs until they reach back before the execution started, or end. */
    private void readStepsCovering(PipelineExecution execution, BooleanSupplier cancelled) {
        Instant started = execution.startTime();
        while (!stepsDone && (oldestStepStart == null || started == null || !oldestStepStart.isBefore(started))) {
            checkCancelled(cancelled);
            HistoryPage<ActionStep> page = history.actionSteps(pipelineName, stepsToken);
            for (ActionStep step : page.items()) {
                if (step.startTime() != null && (oldestStepStart == null || step.startTime().isBefore(oldestStepStart))) {
                    oldestStepStart = step.startTime();
                }
                step.approval().ifPresent(approval -> approvalsByExecution
                        .computeIfAbsent(step.pipelineExecutionId(), id -> new LinkedHashMap<>())
                        // Keyed by action run, so a run seen twice across shifted pages counts once.
                        .putIfAbsent(Objects.requireNonNullElse(step.actionExecutionId(), step.stageName() + "/"
                                + step.actionName() + "@" + step.startTime()), approval));
            }
            stepsToken = page.nextToken();
            stepsDone = page.isLast();
            if (started == null) {
                break;
            }
        }
    }

    private static List<ApprovalOutcome> newestFirst(java.util.Collection<ApprovalOutcome> approvals) {
        List<ApprovalOutcome> sorted = new ArrayList<>(approvals);
        sorted.sort(java.util.Comparator.comparing(ApprovalOutcome::at,
                java.util.Comparator.nullsLast(java.util.Comparator.<Instant>reverseOrder())));
        return sorted;
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Reading the history was cancelled");
        }
    }
}
