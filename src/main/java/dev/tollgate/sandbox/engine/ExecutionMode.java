package dev.tollgate.sandbox.engine;

/** How a pipeline treats a newer execution reaching a stage that another execution still holds. */
public enum ExecutionMode {
    /** Stages hold one execution; a newer arrival replaces (supersedes) the one waiting to enter. */
    SUPERSEDED,
    /** Stages hold one execution; arrivals wait their turn in order. */
    QUEUED,
    /** Executions run independently of each other. */
    PARALLEL
}
