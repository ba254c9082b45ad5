package dev.tollgate.ui.signin;

/**
 * What the connection menu and the expiry banner ask the application to do. The composition root
 * implements it, because switching connections rebuilds the clients, the watcher and the window's content.
 */
public interface ConnectionActions {

    /** Opens the sign-in dialog to pick an IAM Identity Center account and role to watch. */
    void signIn();

    /** Signs the current connection in again after its sign-in expired, keeping everything on screen. */
    void signInAgain();

    /** Switches to a profile of the shared config files. */
    void useProfile(String name);

    /** Switches to the embedded sandbox. */
    void useSandbox();
}
