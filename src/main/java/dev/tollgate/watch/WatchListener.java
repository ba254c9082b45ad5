package dev.tollgate.watch;

import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.PipelineSummary;
import java.util.List;

/**
 * Receives what the poller learns. Called on the poller's threads: a listener that updates a UI hands the
 * values over to its own thread.
 */
public interface WatchListener {

    void pipelinesListed(List<PipelineSummary> pipelines);

    void snapshotTaken(PipelineSnapshot snapshot);

    /** A call failed; {@code pipelineName} is null when listing the pipelines failed. */
    void pollFailed(String pipelineName, GatewayException error);
}
