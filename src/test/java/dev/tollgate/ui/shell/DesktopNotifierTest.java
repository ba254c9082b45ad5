package dev.tollgate.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopNotifierTest {

    @TempDir
    Path bin;

    @Test
    void usesNotifySendOnLinuxWhenItIsInstalled() throws Exception {
        Path tool = bin.resolve("notify-send");
        Path seen = bin.resolve("seen.txt");
        Files.writeString(tool, "#!/bin/sh\nprintf '%s\\n' \"$@\" > " + seen + "\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        List<Runnable> queued = new ArrayList<>();
        DesktopNotifier notifier = new DesktopNotifier(queued::add, "Linux", bin.toString());

        notifier.notify("Approval waiting", "ecs-webapp › Approval › Gate");
        queued.forEach(Runnable::run);

        assertThat(notifier.available()).isTrue();
        for (int i = 0; i < 50 && !Files.exists(seen); i++) {
            Thread.sleep(100);
        }
        assertThat(Files.readString(seen)).contains("Approval waiting").contains("ecs-webapp › Approval › Gate");
    }

    @Test
    void staysQuietWhereTheDesktopOffersNothing() {
        List<Runnable> queued = new ArrayList<>();
        DesktopNotifier notifier = new DesktopNotifier(queued::add, "Linux", bin.toString());

        notifier.notify("t", "b");

        assertThat(notifier.available()).isFalse();
        assertThat(queued).isEmpty();
    }

    @Test
    void quotesTextForAppleScriptSoNamesCannotInjectScript() {
        assertThat(DesktopNotifier.appleString("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    }
}
