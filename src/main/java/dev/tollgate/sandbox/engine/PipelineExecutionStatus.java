package dev.tollgate.sandbox.engine;

/** Status of a whole pipeline execution, spelled as on the wire. */
public enum PipelineExecutionStatus {
    Cancelled, InProgress, Stopped, Stopping, Succeeded, Superseded, Failed;

    public boolean finished() {
        return this != InProgress && this != Stopping;
    }
}
