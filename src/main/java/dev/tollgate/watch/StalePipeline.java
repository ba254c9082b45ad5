package dev.tollgate.watch;

import java.time.Instant;

/** A pipeline whose data is older than the staleness threshold; {@code since} is when it was last fresh. */
record StalePipeline(String pipelineName, Instant since) {
}
