package dev.tollgate.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the sandbox gets "now" from. The engine catches up to this instant at the start of every request,
 * so the clock alone decides how far simulated pipelines have progressed.
 */
public interface SandboxClock {

    Instant now();

    /**
     * Moves the clock forward, as the control API's clock/advance does. Both bundled clocks support it;
     * a clock injected by a caller may refuse.
     */
    default void advance(Duration duration) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be advanced");
    }
}
