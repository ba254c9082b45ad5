package dev.tollgate.sandbox.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * A source change that starts an execution. {@code failingAction} lets a scenario (or a test) say that
 * this change makes a given action fail, which is how the demo history gets its failed builds. Only the
 * first attempt fails, like a flaky job: retrying the stage gets it through.
 */
public record Commit(String id, String message, String author, Optional<String> failingAction) {

    public Commit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(failingAction, "failingAction");
    }

    public String shortId() {
        return id.substring(0, 7);
    }
}
