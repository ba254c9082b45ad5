package dev.tollgate.pipeline;

/** How StopPipelineExecution ends a running execution. */
public enum StopMode {
    /** Running actions finish their work; nothing further starts ("Stop and wait" in the AWS console). */
    STOP_AND_WAIT,
    /** Running actions are abandoned at once; a deployment may be left half done ("Stop and abandon"). */
    STOP_AND_ABANDON
}
