package dev.tollgate.watch;

import java.util.Collection;

/**
 * Push mode's way into the watcher: an event source (an SQS queue that EventBridge fills with CodePipeline's
 * state changes) names the pipelines that just changed and says whether it is listening. Polling goes on
 * either way, as the safety net for events that are late, lost or never sent.
 */
public interface PipelineEvents {

    /**
     * These pipelines changed: ask them before anything planned, within the request budget. Names repeated
     * while a call is waiting cost one call; names the watcher does not know make it list the pipelines again.
     */
    void pipelinesChanged(Collection<String> pipelineNames);

    /** Whether events arrive: while they do, pipelines with nothing going on may be polled less often. */
    void listening(boolean listening);
}
