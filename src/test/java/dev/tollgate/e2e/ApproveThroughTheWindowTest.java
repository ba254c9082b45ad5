package dev.tollgate.e2e;

import static dev.tollgate.testing.TollgateWindow.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.app.Tollgate;
import dev.tollgate.sandbox.ManualClock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.testing.TollgateWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole product in one test: the real window, wired by the composition root, over the real SDK, against
 * the sandbox. A reviewer selects the pipeline, writes a comment, clicks Approve, and sees Deploy succeed.
 */
@ExtendWith(ApplicationExtension.class)
class ApproveThroughTheWindowTest {

    @TempDir
    static Path dataDirectory;

    private Sandbox sandbox;
    private Tollgate tollgate;

    @Start
    void start(Stage stage) {
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(Instant.parse("2026-11-24T09:00:00Z"))));
        tollgate = TollgateWindow.open(stage, sandbox, Duration.ofMillis(300), dataDirectory);
    }

    @AfterEach
    void stop() {
        tollgate.close();
        sandbox.close();
    }

    /** "Approved by" names the approver as STS tells it, and the time of day the decision was recorded. */
    private static final String RECORDED_BY_ME_AT = " by TOLLGATESANDBOX · Approver · 123456789012 at \\d\\d:\\d\\d:\\d\\d: "
            + "ecs-webapp › Approval › ManualApproval\\.";

    @Test
    void approvingAPendingApprovalLetsThePipelineDeploy(FxRobot robot) throws Exception {
        waitUntil(() -> TollgateWindow.knowsWhoIAm(tollgate));
        TollgateWindow.reviewFromInbox(robot, "ecs-webapp");
        waitUntil(() -> !robot.lookup("#approveButton").queryAs(Button.class).isDisabled());

        robot.clickOn("#approvalComment").write("Image tag checked against the release notes");
        robot.clickOn("#approveButton");

        waitUntil(() -> robot.lookup("#reviewOutcome").queryAs(Label.class).getText().matches("Approved" + RECORDED_BY_ME_AT));
        sandbox.control().advanceClock(Duration.ofMinutes(10));
        waitUntil(() -> robot.lookup("#stage-status-Deploy").tryQueryAs(Label.class)
                .map(label -> label.getText().equals("Succeeded")).orElse(false));
        // The decision is recorded, so the draft is gone and nothing is left to decide.
        assertThat(robot.lookup("#approvalComment").queryAs(TextArea.class).getText()).isEmpty();
        assertThat(robot.lookup("#approveButton").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void rejectingAfterConfirmationFailsTheExecution(FxRobot robot) throws Exception {
        waitUntil(() -> TollgateWindow.knowsWhoIAm(tollgate));
        TollgateWindow.reviewFromInbox(robot, "ecs-webapp");
        waitUntil(() -> !robot.lookup("#rejectButton").queryAs(Button.class).isDisabled());

        robot.clickOn("#approvalComment").write("Wrong image tag");
        robot.clickOn("#rejectButton");

        waitUntil(() -> robot.lookup("#reviewOutcome").queryAs(Label.class).getText().matches("Rejected" + RECORDED_BY_ME_AT));
        waitUntil(() -> robot.lookup("#stage-status-Approval").tryQueryAs(Label.class)
                .map(label -> label.getText().equals("Failed")).orElse(false));
    }

}
