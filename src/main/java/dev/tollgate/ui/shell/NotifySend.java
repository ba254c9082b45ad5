package dev.tollgate.ui.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libnotify's {@code notify-send}. From libnotify 0.7.9 it can offer actions ({@code --action}) and print
 * the one invoked on stdout; it then waits until the notification closes. Older versions only show it, so
 * the help text is asked once whether actions exist.
 */
final class NotifySend implements NotificationChannel {

    private static final Logger LOG = LoggerFactory.getLogger(NotifySend.class);
    /**
     * "default" is what the notification spec calls clicking the notification itself; "open" is its button.
     * Either one opens the review.
     */
    static final Set<String> CLICKS = Set.of("default", "open");

    private final String program;
    private volatile Boolean offersActions;

    NotifySend(String program) {
        this.program = program;
    }

    /** The command line for one notification; with actions it waits for the person and prints their choice. */
    List<String> command(String title, String body, boolean withActions) {
        List<String> command = new ArrayList<>(List.of(program, "--app-name=Tollgate", "--icon=tollgate"));
        if (withActions) {
            command.addAll(List.of("--wait", "--action=default=Open", "--action=open=Open the review"));
        }
        // "--" keeps a title that starts with a dash from reading as an option.
        command.addAll(List.of("--", title, body));
        return command;
    }

    @Override
    public void show(String title, String body, Runnable onClick) {
        boolean withActions = offersActions();
        try {
            Process process = new ProcessBuilder(command(title, body, withActions))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!withActions) {
                // Without --wait it returns once the daemon has the notification.
                process.getInputStream().close();
                process.waitFor(10, TimeUnit.SECONDS);
                return;
            }
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (CLICKS.contains(line.strip())) {
                        onClick.run();
                        return;
                    }
                }
            }
        } catch (IOException e) {
            LOG.info("The desktop notification could not be shown: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether this notify-send has {@code --action}; asked once, from its help text. */
    boolean offersActions() {
        Boolean known = offersActions;
        if (known == null) {
            known = helpMentionsActions();
            offersActions = known;
        }
        return known;
    }

    private boolean helpMentionsActions() {
        try {
            Process help = new ProcessBuilder(program, "--help").redirectErrorStream(true).start();
            String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!help.waitFor(5, TimeUnit.SECONDS)) {
                help.destroy();
                return false;
            }
            return text.contains("--action");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
