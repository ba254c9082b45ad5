package dev.tollgate.ui.shell;

/**
 * One way the desktop shows a notification. {@code show} blocks (it may wait for the person to act on it),
 * so it runs on a background thread; {@code onClick} is called at most once, on whatever thread learns of
 * the click.
 */
sealed interface NotificationChannel permits NotifySend, TrayNotification, AppleScriptNotification {

    void show(String title, String body, Runnable onClick);

    /** Takes the channel's traces off the desktop (a tray icon) when Tollgate quits. */
    default void close() {
    }
}
