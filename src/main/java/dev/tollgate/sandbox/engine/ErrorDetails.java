package dev.tollgate.sandbox.engine;

/** Why an action failed, as CodePipeline reports it: e.g. code JobFailed and the job's message. */
public record ErrorDetails(String code, String message) {
}
