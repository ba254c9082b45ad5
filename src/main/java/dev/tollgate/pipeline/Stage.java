package dev.tollgate.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * A stage of a pipeline with its actions in run order, its inbound transition, its latest execution and the
 * execution held before it by a disabled transition, if any.
 */
public record Stage(
        String name,
        Transition inbound,
        List<Action> actions,
        Optional<StageRun> latest,
        Optional<String> heldExecutionId) {

    public Stage {
        actions = List.copyOf(actions);
    }

    public Status status() {
        return latest.map(StageRun::status).orElse(Status.NOT_RUN);
    }

    /** The latest execution of a stage: which pipeline execution ran it and how it ended. */
    public record StageRun(String pipelineExecutionId, Status status) {
    }
}
