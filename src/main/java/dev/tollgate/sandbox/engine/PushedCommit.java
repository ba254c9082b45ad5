package dev.tollgate.sandbox.engine;

/** The result of pushing a commit: the execution it started and the commit id it got. */
public record PushedCommit(String pipelineExecutionId, String commitId) {
}
