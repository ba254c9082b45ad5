package dev.tollgate.ui.signin;

import dev.tollgate.identity.ConnectionId;

/**
 * What the connections menu, the board's connection headers and the expiry banners ask the application to
 * do. The composition root implements it, because a connection is its own clients, watcher and view models:
 * adding one builds them, and stopping one closes them, while the others go on.
 */
public interface ConnectionActions {

    /** Opens the sign-in dialog to pick an IAM Identity Center account and role to watch as well. */
    void signIn();

    /** Signs a connection in again after its sign-in expired, keeping everything on screen. */
    void signInAgain(ConnectionId connection);

    /** Watches a profile of the shared config files as well. */
    void addProfile(String name);

    /** Watches the embedded sandbox as well. */
    void addSandbox();

    /** Stops watching a connection; the others go on. */
    void stopWatching(ConnectionId connection);
}
