package dev.tollgate.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OS notification without a desktop: fake {@code notify-send} scripts stand for libnotify before and
 * after 0.7.9, and print what the notification daemon would report when the person clicks.
 */
class DesktopNotifierTest {

    @TempDir
    Path bin;

    private final List<Runnable> onUiThread = new ArrayList<>();
    private int clicks;

    /** A notify-send whose help may list --action; when shown it records its arguments and prints {@code answer}. */
    private Path notifySend(boolean offersActions, String answer) throws Exception {
        Path tool = bin.resolve("notify-send");
        Path seen = bin.resolve("seen.txt");
        Files.writeString(tool, "#!/bin/sh\n"
                + "if [ \"$1\" = \"--help\" ]; then\n"
                + "  echo 'Usage: notify-send [OPTION...] <SUMMARY> [BODY]'\n"
                + (offersActions ? "  echo '  -A, --action=[NAME=]Text...  Specifies the actions to display to the user.'\n" : "")
                + "  exit 0\n"
                + "fi\n"
                + "printf '%s\\n' \"$@\" >> " + seen + "\n"
                + (answer == null ? "" : "echo " + answer + "\n"));
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        return seen;
    }

    private DesktopNotifier linux() {
        return new DesktopNotifier(Runnable::run, onUiThread::add, "Linux", bin.toString(), Optional::empty);
    }

    @Test
    void aClickOnTheNotificationRunsItsActionOnTheUiThread() throws Exception {
        Path seen = notifySend(true, "default");

        linux().notify("Approval waiting", "ecs-webapp › Approval › Gate", () -> clicks++);

        assertThat(Files.readAllLines(seen)).containsSubsequence("--wait", "--action=default=Open", "--",
                "Approval waiting", "ecs-webapp › Approval › Gate");
        assertThat(clicks).as("not before the UI thread runs it").isZero();
        assertThat(onUiThread).hasSize(1);
        onUiThread.forEach(Runnable::run);
        assertThat(clicks).isEqualTo(1);
    }

    @Test
    void theOpenButtonOpensTheReviewToo() throws Exception {
        notifySend(true, "open");

        linux().notify("Approval waiting", "p › s › a", () -> clicks++);
        onUiThread.forEach(Runnable::run);

        assertThat(clicks).isEqualTo(1);
    }

    @Test
    void aNotificationClosedWithoutAClickOpensNothing() throws Exception {
        notifySend(true, null);

        linux().notify("Approval waiting", "p › s › a", () -> clicks++);

        assertThat(onUiThread).isEmpty();
    }

    @Test
    void anOlderNotifySendWithoutActionsStillShowsTheNotification() throws Exception {
        Path seen = notifySend(false, "default");

        linux().notify("Approval waiting", "p › s › a", () -> clicks++);

        assertThat(Files.readAllLines(seen)).contains("Approval waiting", "p › s › a").doesNotContain("--wait");
        assertThat(onUiThread).as("it cannot report a click").isEmpty();
    }

    @Test
    void aPipelineNameThatLooksLikeAnOptionStaysText() {
        assertThat(new NotifySend("notify-send").command("Approval waiting", "-rf › Approval › Gate", true))
                .endsWith("--", "Approval waiting", "-rf › Approval › Gate");
    }

    @Test
    void withoutNotifySendTheTrayIsAskedAndAMacFallsBackToAppleScript() {
        AtomicInteger trayAsked = new AtomicInteger();
        DesktopNotifier linux = new DesktopNotifier(Runnable::run, onUiThread::add, "Linux", bin.toString(),
                () -> {
                    trayAsked.incrementAndGet();
                    return Optional.empty();
                });
        DesktopNotifier mac = new DesktopNotifier(Runnable::run, onUiThread::add, "Mac OS X", bin.toString(), Optional::empty);

        assertThat(linux.channel()).isEmpty();
        assertThat(linux.channel()).isEmpty();
        assertThat(trayAsked).as("asked once, as it starts AWT").hasValue(1);
        assertThat(mac.channel()).get().isInstanceOf(AppleScriptNotification.class);
    }

    @Test
    void quotesTextForAppleScriptSoNamesCannotInjectScript() {
        assertThat(AppleScriptNotification.appleString("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    }
}
