package dev.tollgate.ui.shell;

import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** macOS without a tray: AppleScript's {@code display notification}, which reports no click. */
final class AppleScriptNotification implements NotificationChannel {

    private static final Logger LOG = LoggerFactory.getLogger(AppleScriptNotification.class);

    @Override
    public void show(String title, String body, Runnable onClick) {
        try {
            new ProcessBuilder(List.of("osascript", "-e",
                    "display notification " + appleString(body) + " with title " + appleString(title)))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            LOG.info("The desktop notification could not be shown: {}", e.getMessage());
        }
    }

    /** AppleScript string literal: quotes and backslashes escaped, so a pipeline name cannot inject script. */
    static String appleString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
