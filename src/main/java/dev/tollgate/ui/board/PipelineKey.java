package dev.tollgate.ui.board;

import dev.tollgate.identity.ConnectionId;
import java.util.Objects;

/** A pipeline on the board: its name alone is not enough, since two accounts may both have a "payments". */
public record PipelineKey(ConnectionId connection, String name) {

    public PipelineKey {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(name, "name");
    }
}
