package dev.tollgate.watch;

import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.PipelineSummary;
import java.time.Instant;
import java.util.List;

/**
 * Receives what the watcher learns. Called on the watcher's threads: a listener that updates a UI hands the
 * values over to its own thread.
 */
public interface WatchListener {

    void pipelinesListed(List<PipelineSummary> pipelines);

    /** A fresh snapshot; it also ends any staleness reported for the pipeline. */
    void snapshotTaken(PipelineSnapshot snapshot);

    /**
     * A call failed in a way worth showing; {@code pipelineName} is null when listing the pipelines failed.
     * Throttling and other passing trouble are not reported here: they show as staleness if they last.
     */
    void pollFailed(String pipelineName, GatewayException error);

    /**
     * The pipeline's data has not been refreshed for longer than the staleness threshold, e.g. because AWS
     * keeps throttling; {@code since} is when it was last fresh. Reported once, until a snapshot arrives.
     */
    default void pipelineStale(String pipelineName, Instant since) {
    }

    /**
     * Push mode started or stopped hearing events (see {@link PipelineEvents}): while it does, changes show
     * at once; otherwise polling alone keeps the data fresh.
     */
    default void pushModeChanged(boolean listening) {
    }
}
