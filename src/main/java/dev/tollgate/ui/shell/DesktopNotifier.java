package dev.tollgate.ui.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Raises an OS notification of a new approval, so an approver working in another window hears of it, and
 * brings them to its review when they click it. On Linux through libnotify's {@code notify-send} (its
 * actions report the click, from libnotify 0.7.9); elsewhere, or on a Linux desktop without notify-send,
 * through a message from Tollgate's tray icon where the desktop has a tray; on a Mac without one through
 * AppleScript, which reports no click. The in-window notification, whose button opens the review, is shown
 * either way.
 */
public final class DesktopNotifier implements AutoCloseable {

    private final Executor background;
    private final Executor uiThread;
    private final Supplier<Optional<NotificationChannel>> chooser;
    private Optional<NotificationChannel> channel;

    /**
     * @param background where notifications are shown: they may wait minutes for a click, so use daemon threads
     * @param uiThread   where a click's action runs (the JavaFX thread)
     */
    public DesktopNotifier(Executor background, Executor uiThread, String osName, String path) {
        this(background, uiThread, osName, path,
                () -> Optional.ofNullable(TrayNotification.inTray(DesktopNotifier.class.getResource(
                        "/dev/tollgate/app/tollgate-64.png"))));
    }

    DesktopNotifier(Executor background, Executor uiThread, String osName, String path,
            Supplier<Optional<NotificationChannel>> tray) {
        this.background = background;
        this.uiThread = uiThread;
        String os = osName.toLowerCase(Locale.ROOT);
        Optional<String> notifySend = os.contains("linux") ? onPath("notify-send", path) : Optional.empty();
        boolean mac = os.contains("mac");
        this.chooser = () -> notifySend.<NotificationChannel>map(NotifySend::new)
                .or(tray)
                .or(() -> mac ? Optional.of(new AppleScriptNotification()) : Optional.empty());
    }

    /**
     * Shows the notification; a click on it runs {@code onClick} on the UI thread. Never blocks the caller:
     * choosing the channel (the tray starts AWT) and showing happen in the background.
     */
    public void notify(String title, String body, Runnable onClick) {
        background.execute(() -> channel().ifPresent(chosen -> chosen.show(title, body, () -> uiThread.execute(onClick))));
    }

    /** The channel for this desktop, chosen on first use; none where the desktop offers nothing. */
    synchronized Optional<NotificationChannel> channel() {
        if (channel == null) {
            channel = chooser.get();
        }
        return channel;
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            channel.ifPresent(NotificationChannel::close);
        }
    }

    private static Optional<String> onPath(String program, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }
}
