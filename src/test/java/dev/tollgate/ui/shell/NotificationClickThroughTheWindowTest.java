package dev.tollgate.ui.shell;

import static dev.tollgate.testing.TollgateWindow.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.app.Tollgate;
import dev.tollgate.testing.SandboxFixture;
import dev.tollgate.testing.TollgateWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A click on the OS notification of a new approval brings the window to the front with that approval's
 * review. The desktop is a fake {@code notify-send} (libnotify with actions) that reports a click on
 * stdout as the notification daemon would, shortly after showing.
 */
@ExtendWith(ApplicationExtension.class)
class NotificationClickThroughTheWindowTest {

    @TempDir
    static Path root;

    private Stage stage;
    private SandboxFixture aws;
    private Tollgate tollgate;
    private DesktopNotifier notifier;
    private Path shown;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path bin = Files.createTempDirectory(root, "bin");
        shown = bin.resolve("shown.txt");
        Path tool = bin.resolve("notify-send");
        Files.writeString(tool, "#!/bin/sh\n"
                + "if [ \"$1\" = \"--help\" ]; then echo '  -A, --action=[NAME=]Text...'; exit 0; fi\n"
                + "printf '%s\\n' \"$@\" >> " + shown + "\n"
                + "sleep 0.3\n"
                + "echo default\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        aws = SandboxFixture.start();
        tollgate = TollgateWindow.open(stage, aws.sandbox, Duration.ofMillis(300), Files.createTempDirectory(root, "data"));
        notifier = new DesktopNotifier(command -> {
            Thread thread = new Thread(command, "test-notify");
            thread.setDaemon(true);
            thread.start();
        }, Platform::runLater, "Linux", bin.toString(), Optional::empty);
        ((MainWindow) stage.getScene().getRoot()).useDesktopNotifier(notifier);
    }

    @AfterEach
    void stop() {
        notifier.close();
        tollgate.close();
        aws.close();
    }

    private List<String> notificationsShown() throws Exception {
        return Files.exists(shown) ? Files.readAllLines(shown).stream().filter(line -> line.contains(" › ")).toList() : List.of();
    }

    @Test
    void clickingTheNotificationOfANewApprovalOpensItsReviewInFront(FxRobot robot) throws Exception {
        TollgateWindow.reviewFromInbox(robot, "ecs-webapp");
        TollgateWindow.waitUntilEveryPipelineWasRead(robot);
        // The approver minimised Tollgate to work elsewhere, so the new approval is announced by the desktop.
        robot.interact(() -> stage.setIconified(true));

        aws.sandbox.control().pushCommit("storefront-bluegreen", "Show delivery dates at checkout", "hana");
        aws.sandbox.control().advanceClock(Duration.ofMinutes(15));

        waitUntil(() -> robot.lookup(".approval-title").queryAs(Label.class).getText()
                .contains("storefront-bluegreen › Approval › ProductionApproval"));
        assertThat(stage.isIconified()).as("brought back from the task bar").isFalse();
        assertThat(notificationsShown()).containsExactly("storefront-bluegreen › Approval › ProductionApproval");
        // Later looks at the same wait announce nothing more.
        Thread.sleep(1500);
        assertThat(notificationsShown()).hasSize(1);
    }
}
