package dev.tollgate.sandbox.engine;

/**
 * Hears every {@link StateChange} of the engine. Called while the engine holds its lock, on whatever thread
 * caught it up: a listener must not block and must not call back into the engine.
 */
@FunctionalInterface
public interface StateChangeListener {

    StateChangeListener NONE = change -> { };

    void changed(StateChange change);
}
