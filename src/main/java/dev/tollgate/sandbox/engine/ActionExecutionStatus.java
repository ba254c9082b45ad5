package dev.tollgate.sandbox.engine;

/** Status of one action execution, spelled as on the wire. */
public enum ActionExecutionStatus {
    InProgress, Abandoned, Succeeded, Failed
}
