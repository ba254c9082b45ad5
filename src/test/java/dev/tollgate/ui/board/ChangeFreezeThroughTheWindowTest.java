package dev.tollgate.ui.board;

import static dev.tollgate.testing.TollgateWindow.waitUntil;
import static dev.tollgate.testing.TollgateWindow.text;
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
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The board and the change freeze through the real window and dialogs, against the sandbox. */
@ExtendWith(ApplicationExtension.class)
class ChangeFreezeThroughTheWindowTest {

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
    void freezesThreePipelinesReportsTheOneWithoutTheStageAndUnfreezesThemAgain(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("nightly-reports").tryQuery().isPresent()
                && text(robot, "#pipeline-nightly-reports .status-badge").equals("Failed"));
        // In "needs attention" order the rows move as the freeze changes them; the choice must survive that.
        robot.clickOn("#sortButton").clickOn("Needs attention first");
        robot.clickOn("ecs-webapp");
        robot.press(KeyCode.CONTROL).clickOn("billing-api").clickOn("nightly-reports").release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#freezeButton").queryButton().getText().equals("Change freeze for 3 pipelines…"));

        robot.clickOn("#freezeButton");
        waitUntil(() -> robot.lookup("#changeFreeze").query().isVisible());
        assertThat(text(robot, "#freezeCoverage")).isEqualTo("2 of 3 have a stage Deploy; not nightly-reports.");
        robot.clickOn("#freezeReason").write("Quarter-end freeze: CAB-7");
        assertThat(text(robot, "#freezeReasonProblem")).startsWith("\u201c:\u201d at position 19 is not allowed.");
        assertThat(robot.lookup("#freezeRun").queryButton().isDisabled()).isTrue();
        robot.eraseText(7).write(" CAB-7");
        assertThat(text(robot, "#freezeReasonProblem")).isEmpty();

        robot.clickOn("#freezeRun");
        waitUntil(() -> robot.lookup("#dialogConfirm").tryQuery().isPresent());
        robot.clickOn("#dialogConfirm");

        waitUntil(() -> text(robot, "#freezeSummary").equals("Froze Deploy in 2 of 3 pipelines: 1 not found."));
        assertThat(text(robot, "#freeze-result-ecs-webapp .freeze-kind")).isEqualTo("Done");
        assertThat(text(robot, "#freeze-result-billing-api .freeze-kind")).isEqualTo("Done");
        assertThat(text(robot, "#freeze-result-nightly-reports .freeze-kind")).isEqualTo("Not found");
        // The refreshed rows show the closed gate, and the three stay chosen through the updates.
        waitUntil(() -> robot.lookup("#pipeline-billing-api .locked-badge").tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        assertThat(robot.lookup("#pipelineList").queryAs(ListView.class).getSelectionModel().getSelectedItems()).hasSize(3);

        robot.clickOn("#unfreezeRun");
        robot.clickOn("#dialogConfirm");
        waitUntil(() -> text(robot, "#freezeSummary").equals("Unfroze Deploy in 2 of 3 pipelines: 1 not found."));

        robot.clickOn("#freezeSummary").type(KeyCode.ESCAPE);
        waitUntil(() -> !robot.lookup("#changeFreeze").query().isVisible());
        robot.clickOn("billing-api");
        waitUntil(() -> text(robot, "#pipelineTitle").equals("billing-api")
                && robot.lookup("#transition-reason-Deploy").tryQuery().isEmpty());
    }

    @Test
    void searchingNarrowsTheListAndEscapeClearsIt(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("storefront-bluegreen").tryQuery().isPresent());

        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        robot.write("PAY");

        waitUntil(() -> text(robot, "#boardSummary").equals("1 of 7 pipelines"));
        assertThat(robot.lookup("storefront-bluegreen").tryQuery()).isEmpty();
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> text(robot, "#boardSummary").equals("7 pipelines"));
    }

    @Test
    void pinningMovesAPipelineToTheTop(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("storefront-bluegreen").tryQuery().isPresent());

        robot.clickOn("storefront-bluegreen");
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);

        waitUntil(() -> robot.lookup("#pipelineList").queryAs(ListView.class).getItems().get(0).toString().equals("storefront-bluegreen"));
        // The watcher reads the chosen pipeline first, if it had not read it yet.
        waitUntil(() -> text(robot, "#pipelineTitle").equals("storefront-bluegreen"));
    }
}
