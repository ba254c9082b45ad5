package dev.tollgate.sandbox.engine;

/** Something the simulation does at a planned instant. */
sealed interface SimEvent {

    /**
     * An action's planned end: its work is done (it succeeds, or fails if that was planned), or, for a manual
     * approval still waiting, its request expires.
     */
    record ActionDue(ActionRun action) implements SimEvent {
    }

    /** A push to the source repository of a pipeline. */
    record PushDue(String pipelineName, Commit commit) implements SimEvent {
    }

    /** A scripted reviewer answers whatever approval of the named action is pending then. */
    record DecisionDue(String pipelineName, String stageName, String actionName, String identity,
                       ApprovalStatus status, String summary) implements SimEvent {
    }

    /** A scripted person enables or disables a stage's inbound transition. */
    record TransitionDue(String pipelineName, String stageName, boolean enable, String identity,
                         String reason) implements SimEvent {
    }
}
