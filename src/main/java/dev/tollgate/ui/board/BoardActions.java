package dev.tollgate.ui.board;

import dev.tollgate.identity.ConnectionId;

/** What the board asks of the window around it: the change freeze, and what a connection's header offers. */
public interface BoardActions {

    /** Opens the change freeze for the pipelines chosen in the list. */
    void openChangeFreeze();

    /** Lists and polls one connection again now (after its credentials were renewed outside, say). */
    void refresh(ConnectionId connection);

    /** Signs a connection whose sign-in expired in again, keeping everything on screen. */
    void signInAgain(ConnectionId connection);

    /** Stops watching a connection and takes it off the board. */
    void stopWatching(ConnectionId connection);
}
