package dev.tollgate.ui.board;

import dev.tollgate.identity.ConnectionId;

/** One line of the board's list: a connection's header, or one of its pipelines. */
public sealed interface BoardItem permits ConnectionGroup, PipelineEntry {

    /** The connection's group the line belongs to (a header is its own group). */
    ConnectionGroup group();

    default ConnectionId connection() {
        return group().connection();
    }
}
