package dev.tollgate.watch;

import java.time.Instant;

/** What {@link PollPlan} says to do next. */
sealed interface PollDecision {

    /** Ask for this pipeline's state now. {@code askedByUser} when a refresh or command asked for it. */
    record Poll(String pipelineName, boolean askedByUser) implements PollDecision {
    }

    /** Read the list of pipelines now. */
    record ListPipelines() implements PollDecision {
    }

    /** Nothing may or needs to go out before this instant. */
    record WaitUntil(Instant instant) implements PollDecision {
    }
}
