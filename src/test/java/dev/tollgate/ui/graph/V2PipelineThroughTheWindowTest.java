package dev.tollgate.ui.graph;

import static dev.tollgate.testing.TollgateWindow.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.app.Tollgate;
import dev.tollgate.sandbox.ManualClock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.testing.SandboxFixture;
import dev.tollgate.testing.TollgateWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What a V2 pipeline adds to the stage graph, in the real window against the sandbox: the demo's wallet-api
 * shows its variables, its Deploy stage's conditions with how they last went, and that Deploy's latest
 * execution was a rollback; a V1-style pipeline shows none of it. And a PARALLEL pipeline's approval tile
 * counts every execution waiting there, not just what the state says of the newest.
 */
@ExtendWith(ApplicationExtension.class)
class V2PipelineThroughTheWindowTest {

    @TempDir
    static Path dataDirectory;

    private Sandbox sandbox;
    private Tollgate tollgate;

    @Start
    void start(Stage stage) {
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(SandboxFixture.START)));
        tollgate = TollgateWindow.open(stage, sandbox, Duration.ofMillis(300), dataDirectory);
        TollgateWindow.showPipelines(stage);
    }

    @AfterEach
    void stop() {
        tollgate.close();
        sandbox.close();
    }

    @Test
    void theRolledBackDeployShowsItsRollbackAndConditionChips(FxRobot robot) throws Exception {
        open(robot, "wallet-api");
        waitUntil(() -> robot.lookup("#stage-rollback-Deploy").tryQuery().isPresent());

        Label rollback = robot.lookup("#stage-rollback-Deploy").queryAs(Label.class);
        assertThat(rollback.getText()).isEqualTo("Rollback");
        assertThat(rollback.getGraphic()).as("an icon as well as a colour").isNotNull();
        // Its tooltip is made when the pointer comes over it.
        assertThat(rollback.getTooltip()).isNull();
        robot.moveTo(rollback);
        waitUntil(() -> rollback.getTooltip() != null);
        assertThat(rollback.getTooltip().getText()).contains("is a rollback").contains("Deploy");
        assertThat(rollback.getAccessibleHelp()).isEqualTo(rollback.getTooltip().getText());
        assertThat(texts(robot, "#condition-BEFORE_ENTRY-Deploy")).isEqualTo("Before entry: 2 rules | Succeeded");
        assertThat(texts(robot, "#condition-ON_SUCCESS-Deploy")).isEqualTo("On success: 1 rule | Succeeded");
        assertThat(texts(robot, "#condition-ON_FAILURE-Deploy")).isEqualTo("On failure: roll back");
        assertThat(robot.lookup("#stage-Deploy").queryAs(Node.class).getStyleClass())
                .as("a rollback is what runs now, not an older run").doesNotContain("earlier-run");
        assertThat(robot.lookup("#stage-rollback-Build").tryQuery()).isEmpty();
        assertThat(robot.lookup("#condition-BEFORE_ENTRY-Build").tryQuery()).isEmpty();
    }

    @Test
    void theVariablesStripShowsTheValuesTheNewestExecutionRanWith(FxRobot robot) throws Exception {
        open(robot, "wallet-api");
        waitUntil(() -> robot.lookup("#variable-CANARY_PERCENT").tryQueryAs(Label.class)
                .map(label -> label.getStyleClass().contains("variable-value")).orElse(false));

        assertThat(robot.lookup("#variablesStrip").queryAs(Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#variable-DEPLOY_ENV").queryAs(Label.class).getText()).isEqualTo("production");
        assertThat(robot.lookup("#variable-CANARY_PERCENT").queryAs(Label.class).getText()).isEqualTo("10");

        open(robot, "ecs-webapp");
        waitUntil(() -> !robot.lookup("#variablesStrip").queryAs(Node.class).isVisible());
        assertThat(robot.lookup("#variable-DEPLOY_ENV").tryQuery()).isEmpty();
        assertThat(robot.lookup(".condition-chip").tryQuery()).isEmpty();
        assertThat(robot.lookup("#stage-rollback-Deploy").tryQuery()).isEmpty();
    }

    @Test
    void anApprovalTileCountsEveryExecutionWaitingThere(FxRobot robot) throws Exception {
        // PARALLEL: the state shows the newest execution's run only; two older executions wait at the approval.
        open(robot, "mobile-bff");
        waitUntil(() -> robot.lookup("#action-status-ReleaseApproval").tryQueryAs(Label.class)
                .map(label -> label.getText().equals("2 executions waiting for approval")).orElse(false));
        assertThat(robot.lookup("#action-ReleaseApproval").queryAs(Node.class).getStyleClass()).contains("awaiting-approval");

        open(robot, "ecs-webapp");
        waitUntil(() -> robot.lookup("#action-status-ManualApproval").tryQueryAs(Label.class)
                .map(label -> label.getText().equals("Waiting for approval")).orElse(false));
    }

    private static void open(FxRobot robot, String pipeline) throws Exception {
        waitUntil(() -> robot.lookup(pipeline).tryQuery().isPresent());
        robot.clickOn(pipeline);
        waitUntil(() -> robot.lookup("#pipelineTitle").tryQueryAs(Label.class)
                .map(label -> label.getText().equals(pipeline)).orElse(false));
    }

    /** The texts of the labels directly inside a chip, joined by " | ". */
    private static String texts(FxRobot robot, String query) {
        List<Node> children = robot.lookup(query).queryAs(Pane.class).getChildrenUnmodifiable();
        return children.stream().filter(Label.class::isInstance).map(node -> ((Label) node).getText())
                .collect(Collectors.joining(" | "));
    }
}
