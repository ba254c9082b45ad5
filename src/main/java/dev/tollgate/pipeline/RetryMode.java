package dev.tollgate.pipeline;

/** Which actions RetryStageExecution runs again in a failed or stopped stage. */
public enum RetryMode {
    /** Only the actions that failed; the ones that succeeded keep their result. */
    FAILED_ACTIONS,
    /** Every action of the stage, from the first run order. */
    ALL_ACTIONS
}
