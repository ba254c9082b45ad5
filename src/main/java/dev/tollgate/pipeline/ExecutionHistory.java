package dev.tollgate.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * What happened to a pipeline before now, page by page: its executions (ListPipelineExecutions) and the runs
 * of its actions (ListActionExecutions), newest first as AWS lists them. Implemented over the AWS SDK in
 * {@code aws}; every method blocks on the network and must never be called on the JavaFX thread. Failures are
 * reported as {@link GatewayException} with a message fit for the user.
 */
public interface ExecutionHistory {

    /** The most either list returns in one call (maxResults is 1..100 for both operations). */
    int MAX_PAGE_SIZE = 100;

    /**
     * One page of the pipeline's executions, newest first.
     *
     * @param pageToken the previous page's {@link HistoryPage#nextToken()}; empty for the first page
     * @param pageSize  1 to {@value #MAX_PAGE_SIZE}
     */
    HistoryPage<PipelineExecution> executions(String pipelineName, Optional<String> pageToken, int pageSize);

    /**
     * One page of the runs of every action of the pipeline, across all its executions, newest start first.
     * Reading these alongside {@link #executions} finds the approvals of many executions in a few calls.
     */
    HistoryPage<ActionStep> actionSteps(String pipelineName, Optional<String> pageToken);

    /** Every action run of one execution, all pages, newest start first. */
    List<ActionStep> actionSteps(String pipelineName, String executionId);
}
