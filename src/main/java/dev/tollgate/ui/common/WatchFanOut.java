package dev.tollgate.ui.common;

import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.PipelineSummary;
import dev.tollgate.watch.WatchListener;
import java.time.Instant;
import java.util.List;

/** Hands what the watcher learns to several view models (the board, the inbox), in order. */
public final class WatchFanOut implements WatchListener {

    private final List<WatchListener> listeners;

    public WatchFanOut(WatchListener... listeners) {
        this.listeners = List.of(listeners);
    }

    @Override
    public void pipelinesListed(List<PipelineSummary> pipelines) {
        listeners.forEach(listener -> listener.pipelinesListed(pipelines));
    }

    @Override
    public void snapshotTaken(PipelineSnapshot snapshot) {
        listeners.forEach(listener -> listener.snapshotTaken(snapshot));
    }

    @Override
    public void pollFailed(String pipelineName, GatewayException error) {
        listeners.forEach(listener -> listener.pollFailed(pipelineName, error));
    }

    @Override
    public void pipelineStale(String pipelineName, Instant since) {
        listeners.forEach(listener -> listener.pipelineStale(pipelineName, since));
    }

    @Override
    public void pushModeChanged(boolean listening) {
        listeners.forEach(listener -> listener.pushModeChanged(listening));
    }
}
