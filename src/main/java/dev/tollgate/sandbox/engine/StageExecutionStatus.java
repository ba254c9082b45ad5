package dev.tollgate.sandbox.engine;

/** Status of one execution's pass through a stage, spelled as on the wire. */
public enum StageExecutionStatus {
    Cancelled, InProgress, Failed, Stopped, Stopping, Succeeded, Skipped
}
