package dev.tollgate.ui.graph;

import static dev.tollgate.testing.TollgateWindow.text;
import static dev.tollgate.testing.TollgateWindow.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.app.Tollgate;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.sandbox.ManualClock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.testing.TollgateWindow;
import dev.tollgate.ui.common.FxDialogService;
import dev.tollgate.ui.shell.Theme;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The stage graph's commands through the real window and the real dialogs, over the SDK, against the
 * sandbox: what an approver clicks and reads.
 */
@ExtendWith(ApplicationExtension.class)
class GraphCommandsThroughTheWindowTest {

    @TempDir
    static Path dataDirectory;

    private Sandbox sandbox;
    private Tollgate tollgate;

    @Start
    void start(Stage stage) {
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(Instant.parse("2026-11-24T09:00:00Z"))));
        tollgate = TollgateWindow.open(stage, sandbox, Duration.ofMillis(300), dataDirectory, new FxDialogService(() -> stage));
        TollgateWindow.showPipelines(stage);
    }

    @AfterEach
    void stop() {
        tollgate.close();
        sandbox.close();
    }

    @Test
    void anInvalidReasonIsBlockedAValidOneDisablesAndTheHeldExecutionAppearsThenEnablingReleasesIt(FxRobot robot) throws Exception {
        open(robot, "billing-api");
        waitUntil(() -> robot.lookup("#transition-Deploy").tryQuery().isPresent());

        robot.clickOn("#transition-Deploy");
        waitUntil(() -> robot.lookup("#dialogTextField").tryQuery().isPresent());
        robot.clickOn("#dialogTextField").write("Freeze: CAB-1");
        assertThat(text(robot, "#dialogProblem")).startsWith("\u201c:\u201d at position 7 is not allowed.");
        assertThat(robot.lookup("#dialogConfirm").queryAs(Button.class).isDisabled()).isTrue();
        robot.type(KeyCode.ENTER);
        assertThat(robot.lookup("#dialogTextField").tryQuery()).as("Enter does not send an invalid reason").isPresent();

        robot.interact(() -> robot.lookup("#dialogTextField").queryAs(TextField.class).setText("Freeze for CAB-1 review"));
        assertThat(text(robot, "#dialogProblem")).isEmpty();
        robot.clickOn("#dialogConfirm");

        waitUntil(() -> robot.lookup("#transition-reason-Deploy").tryQueryAs(Label.class)
                .map(label -> label.getText().equals("Freeze for CAB-1 review")).orElse(false));
        assertThat(text(robot, "#commandOutcome")).isEqualTo(
                "Disabled the transition into Deploy of billing-api: \u201cFreeze for CAB-1 review\u201d.");

        robot.clickOn("#releaseChangeButton");
        robot.clickOn("#dialogConfirm");
        waitUntil(() -> text(robot, "#commandOutcome").startsWith("Started execution "));
        String started = text(robot, "#commandOutcome").substring("Started execution ".length(), "Started execution ".length() + 8);
        sandbox.control().advanceClock(Duration.ofMinutes(30));
        waitUntil(() -> robot.lookup("#held-Deploy").tryQueryAs(Label.class)
                .map(label -> label.getText().equals("Held: " + started)).orElse(false));

        robot.clickOn("#transition-Deploy");
        robot.clickOn("#dialogConfirm");
        waitUntil(() -> robot.lookup("#held-Deploy").tryQuery().isEmpty()
                && robot.lookup("#transition-reason-Deploy").tryQuery().isEmpty());
        assertThat(text(robot, "#commandOutcome")).isEqualTo(
                "Enabled the transition into Deploy of billing-api. Execution " + started + " enters Deploy now.");
        assertThat(text(robot, "#stage-status-Deploy")).isEqualTo("In progress");
    }

    @Test
    void theDisabledTransitionIsReachableByKeyboard(FxRobot robot) throws Exception {
        open(robot, "payments-service");
        waitUntil(() -> robot.lookup("#held-Deploy").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#transition-Deploy").queryButton().requestFocus());

        robot.type(KeyCode.SPACE);
        waitUntil(() -> robot.lookup("#dialogConfirm").tryQuery().isPresent());
        robot.clickOn("#dialogConfirm");

        waitUntil(() -> robot.lookup("#held-Deploy").tryQuery().isEmpty());
        assertThat(text(robot, "#commandOutcome")).startsWith("Enabled the transition into Deploy of payments-service.");
    }

    @Test
    void retryingTheFailedBuildTurnsItGreen(FxRobot robot) throws Exception {
        open(robot, "nightly-reports");
        waitUntil(() -> robot.lookup("#retry-Build").tryQuery().isPresent());

        robot.clickOn("#retry-Build");
        robot.clickOn("#dialogConfirm");

        waitUntil(() -> text(robot, "#commandOutcome").startsWith("Retrying the failed actions of Build"));
        sandbox.control().advanceClock(Duration.ofMinutes(30));
        waitUntil(() -> text(robot, "#stage-status-Build").equals("Succeeded"));
        assertThat(robot.lookup("#retry-Build").tryQuery()).isEmpty();
    }

    @Test
    void stoppingAndAbandoningTheWaitingExecutionWithAReason(FxRobot robot) throws Exception {
        open(robot, "ecs-webapp");
        waitUntil(() -> !robot.lookup("#stopButton").query().isDisabled());

        robot.clickOn("#stopButton");
        robot.clickOn("Stop and abandon…");
        waitUntil(() -> robot.lookup("#dialogTextField").tryQuery().isPresent());
        robot.clickOn("#dialogTextField").write("Wrong base image");
        robot.clickOn("#dialogConfirm");

        waitUntil(() -> text(robot, "#commandOutcome").startsWith("Stopped and abandoned execution "));
        waitUntil(() -> text(robot, "#pipelineStatus").equals("Stopped"));
        assertThat(robot.lookup("#stopButton").query().isDisabled()).isTrue();
    }

    @Test
    void aCancelledStopSendsNothing(FxRobot robot) throws Exception {
        open(robot, "ecs-webapp");
        waitUntil(() -> !robot.lookup("#stopButton").query().isDisabled());

        robot.clickOn("#stopButton");
        robot.clickOn("Stop and wait…");
        waitUntil(() -> robot.lookup("#dialogCancel").tryQuery().isPresent());
        robot.clickOn("#dialogCancel");

        WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS);
        assertThat(text(robot, "#pipelineStatus")).isEqualTo("In progress");
        assertThat(text(robot, "#commandOutcome")).as("no outcome: nothing was sent").isEmpty();
    }

    @Test
    void aStagesMenuOffersItsCommandsForWhatTheStageShowsNow(FxRobot robot) throws Exception {
        open(robot, "payments-service");
        waitUntil(() -> robot.lookup("#held-Deploy").tryQuery().isPresent());

        robot.clickOn("#stage-menu-Deploy");
        waitUntil(() -> menuItem("Enable transition into Deploy\u2026").isPresent());
        assertThat(TollgateWindow.onFx(() -> menuItem("Retry failed actions\u2026").map(MenuItem::isDisable)))
                .as("nothing failed there").contains(true);
        // Fired rather than clicked: in a long headless run the menu, which hides when its window loses the
        // focus, can close between the mouse's move and its click. Not waited for: the item opens a dialog that
        // waits for its answer.
        MenuItem enable = TollgateWindow.onFx(() -> menuItem("Enable transition into Deploy\u2026").orElseThrow());
        Platform.runLater(enable::fire);
        waitUntil(() -> robot.lookup("#dialogConfirm").tryQuery().isPresent());
        robot.clickOn("#dialogConfirm");

        waitUntil(() -> robot.lookup("#held-Deploy").tryQuery().isEmpty());
        assertThat(text(robot, "#commandOutcome")).startsWith("Enabled the transition into Deploy of payments-service.");
    }

    /** The item of the context menu on screen with that text. */
    private static Optional<MenuItem> menuItem(String text) {
        return Window.getWindows().stream()
                .filter(window -> window instanceof ContextMenu && window.isShowing())
                .flatMap(window -> ((ContextMenu) window).getItems().stream())
                .filter(item -> text.equals(item.getText()))
                .findFirst();
    }

    private static void open(FxRobot robot, String pipeline) throws Exception {
        waitUntil(() -> robot.lookup(pipeline).tryQuery().isPresent());
        robot.clickOn(pipeline);
        waitUntil(() -> text(robot, "#pipelineTitle").equals(pipeline));
    }
}
