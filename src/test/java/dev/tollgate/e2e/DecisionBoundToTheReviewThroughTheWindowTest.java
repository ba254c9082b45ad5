package dev.tollgate.e2e;

import static dev.tollgate.testing.TollgateWindow.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.app.Tollgate;
import dev.tollgate.pipeline.ApprovalDecision;
import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.testing.SandboxFixture;
import dev.tollgate.testing.TollgateWindow;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A decision is bound to the wait that was reviewed, through the real window: when another reviewer decides
 * first, or a new execution takes the reviewed one's place, Approve sends nothing and the review says what
 * happened in one calm sentence, with no error dialog. The other reviewer is a second SDK client of the same
 * sandbox with its own access key.
 *
 * <p>The mouse rests on Approve before the other client acts, so the click follows at once; should the
 * watcher still see the change first, Approve is already disabled and the same sentence is shown.
 */
@ExtendWith(ApplicationExtension.class)
class DecisionBoundToTheReviewThroughTheWindowTest {

    @TempDir
    static Path dataDirectory;

    private SandboxFixture aws;
    private SandboxFixture otherReviewer;
    private Tollgate tollgate;

    @Start
    void start(Stage stage) {
        aws = SandboxFixture.start();
        otherReviewer = aws.asAnotherClient("MEICHEN");
        tollgate = TollgateWindow.open(stage, aws.sandbox, Duration.ofMillis(300), dataDirectory);
    }

    @AfterEach
    void stop() {
        tollgate.close();
        otherReviewer.close();
        aws.close();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static boolean approveDisabled(FxRobot robot) {
        return robot.lookup("#approveButton").queryAs(Button.class).isDisabled();
    }

    /** Nothing at all, or the calm notice that nothing was sent: never a failure. */
    private static void nothingSentCalmly(FxRobot robot) {
        Label outcome = robot.lookup("#reviewOutcome").queryAs(Label.class);
        if (outcome.isVisible()) {
            assertThat(outcome.getText()).isEqualTo("Nothing was sent; your comment is kept.");
            assertThat(outcome.getStyleClass()).contains("outcome-notice");
        }
        assertThat(robot.listWindows()).as("no dialog besides the main window").hasSize(1);
    }

    @Test
    void whenAnotherReviewerDecidedFirstApproveSaysWhoAndWhenAndKeepsTheComment(FxRobot robot) throws Exception {
        TollgateWindow.reviewFromInbox(robot, "ecs-webapp");
        waitUntil(() -> !approveDisabled(robot));
        robot.clickOn("#approvalComment").write("Tag matches the release notes");
        robot.moveTo("#approveButton");
        ApprovalRequest waiting = otherReviewer.gateway.snapshot("ecs-webapp").pendingApprovals().get(0);
        otherReviewer.gateway.decide(waiting, new ApprovalDecision(ApprovalDecision.Verdict.APPROVE, "Shipped it myself"));

        robot.clickOn(MouseButton.PRIMARY);

        // The sandbox recorded the decision at its own 09:00; today it reads as the time, another day with its date.
        waitUntil(() -> robot.lookup(".change-banner").query().isVisible()
                && text(robot, "#approvalChange").matches(
                        "Already approved by MEICHEN at (24 Nov )?09:00(:00)?\\. Their comment: \u201cShipped it myself\u201d"));
        nothingSentCalmly(robot);
        assertThat(approveDisabled(robot)).isTrue();
        assertThat(robot.lookup("#approvalComment").queryAs(TextArea.class).getText()).isEqualTo("Tag matches the release notes");
        assertThat(aws.gateway.snapshot("ecs-webapp").stage("Approval").orElseThrow().actions().get(0).latest()
                .orElseThrow().summary()).isEqualTo("Shipped it myself");
    }

    @Test
    void whenANewExecutionTookTheReviewedOnesPlaceApproveIsRefusedWithWhatChanged(FxRobot robot) throws Exception {
        TollgateWindow.reviewFromInbox(robot, "ecs-webapp");
        waitUntil(() -> !approveDisabled(robot));
        ApprovalRequest reviewed = aws.gateway.snapshot("ecs-webapp").pendingApprovals().get(0);
        assertThat(robot.lookup(reviewed.pipelineExecutionId()).tryQuery()).as("the reviewed execution is shown").isPresent();
        robot.clickOn("#approvalComment").write("Checked the image tag");
        robot.moveTo("#approveButton");
        // A hotfix arrives; the other reviewer stops the reviewed execution so that the hotfix takes its place.
        aws.sandbox.control().pushCommit("ecs-webapp", "Hotfix: revert the pricing banner", "dana");
        aws.sandbox.control().advanceClock(Duration.ofMinutes(15));
        otherReviewer.clients.codePipeline().stopPipelineExecution(stop -> stop.pipelineName("ecs-webapp")
                .pipelineExecutionId(reviewed.pipelineExecutionId()).abandon(true).reason("Replaced by the hotfix"));
        aws.sandbox.control().advanceClock(Duration.ofMinutes(1));
        ApprovalRequest hotfix = aws.gateway.snapshot("ecs-webapp").pendingApprovals().get(0);

        robot.clickOn(MouseButton.PRIMARY);

        waitUntil(() -> robot.lookup(".change-banner").query().isVisible()
                && text(robot, "#approvalChange").equals("The approval now waits for execution "
                        + hotfix.pipelineExecutionId().substring(0, 8) + ", not the "
                        + reviewed.pipelineExecutionId().substring(0, 8) + " you reviewed. Review the new one before deciding."));
        nothingSentCalmly(robot);
        assertThat(approveDisabled(robot)).isTrue();
        assertThat(aws.gateway.snapshot("ecs-webapp").pendingApprovals()).singleElement()
                .satisfies(still -> assertThat(still.sameWaitAs(hotfix)).as("the hotfix still waits, undecided").isTrue());

        robot.clickOn("#reviewLatestButton");

        waitUntil(() -> robot.lookup(hotfix.pipelineExecutionId()).tryQuery().isPresent() && !approveDisabled(robot));
        assertThat(robot.lookup(".change-banner").query().isVisible()).isFalse();
    }
}
