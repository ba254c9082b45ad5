package dev.tollgate.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * A stage of a pipeline with its actions in run order, its inbound transition, its latest execution, the
 * execution held before it by a disabled transition, if any, and the conditions it declares (V2 pipelines).
 */
public record Stage(
        String name,
        Transition inbound,
        List<Action> actions,
        Optional<StageRun> latest,
        Optional<String> heldExecutionId,
        List<StageCondition> conditions) {

    public Stage {
        actions = List.copyOf(actions);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** A stage without conditions, as every V1 pipeline's. */
    public Stage(String name, Transition inbound, List<Action> actions, Optional<StageRun> latest,
            Optional<String> heldExecutionId) {
        this(name, inbound, actions, latest, heldExecutionId, List.of());
    }

    public Status status() {
        return latest.map(StageRun::status).orElse(Status.NOT_RUN);
    }

    public Optional<StageCondition> condition(StageCondition.Kind kind) {
        return conditions.stream().filter(condition -> condition.kind() == kind).findFirst();
    }

    /**
     * The latest execution of a stage: which pipeline execution ran it, how it ended, and whether it was a
     * rollback (an execution re-deploying an earlier one's artifacts into this stage only).
     */
    public record StageRun(String pipelineExecutionId, Status status, boolean rollback) {

        public StageRun(String pipelineExecutionId, Status status) {
            this(pipelineExecutionId, status, false);
        }
    }
}
