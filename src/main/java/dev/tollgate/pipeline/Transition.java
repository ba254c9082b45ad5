package dev.tollgate.pipeline;

import java.time.Instant;

/**
 * The inbound transition of a stage: whether executions may enter it, and if not, why, who and when.
 * The first stage of a pipeline has no inbound transition; it is represented as always enabled.
 */
public record Transition(boolean enabled, String disabledReason, String lastChangedBy, Instant lastChangedAt) {

    public static final Transition ALWAYS_ENABLED = new Transition(true, null, null, null);
}
