package dev.tollgate.ui.shell;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises an OS notification where the desktop offers a command for it (libnotify's {@code notify-send} on
 * Linux, AppleScript on macOS), so an approver working in another window hears of a new approval. The
 * in-window notification, whose button opens the review, is always shown too; this one only points there.
 */
public final class DesktopNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotifier.class);

    private final Executor background;
    private final Optional<String> notifySend;
    private final boolean mac;

    public DesktopNotifier(Executor background, String osName, String path) {
        this.background = background;
        this.mac = osName.toLowerCase(Locale.ROOT).contains("mac");
        this.notifySend = osName.toLowerCase(Locale.ROOT).contains("linux") ? onPath("notify-send", path) : Optional.empty();
    }

    public boolean available() {
        return mac || notifySend.isPresent();
    }

    public void notify(String title, String body) {
        List<String> command;
        if (notifySend.isPresent()) {
            command = List.of(notifySend.get(), "--app-name=Tollgate", "--icon=tollgate", title, body);
        } else if (mac) {
            command = List.of("osascript", "-e", "display notification " + appleString(body) + " with title " + appleString(title));
        } else {
            return;
        }
        background.execute(() -> {
            try {
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                LOG.info("The desktop notification could not be shown: {}", e.getMessage());
            }
        });
    }

    private static Optional<String> onPath(String program, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(java.io.File.pathSeparator)) {
            java.nio.file.Path candidate = java.nio.file.Path.of(directory, program);
            if (java.nio.file.Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    /** AppleScript string literal: quotes and backslashes escaped, so a pipeline name cannot inject script. */
    static String appleString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
