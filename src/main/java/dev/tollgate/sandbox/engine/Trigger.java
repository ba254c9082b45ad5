package dev.tollgate.sandbox.engine;

/** What started an execution: a TriggerType from the model and its detail (e.g. the connection ARN). */
public record Trigger(String triggerType, String triggerDetail) {
}
