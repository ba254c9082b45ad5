package dev.tollgate.e2e;

import static dev.tollgate.testing.TollgateWindow.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.app.Tollgate;
import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.pipeline.Status;
import dev.tollgate.testing.SandboxFixture;
import dev.tollgate.testing.TollgateWindow;
import dev.tollgate.ui.review.InboxItem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * PARALLEL execution mode through the real window: the demo's mobile-bff has two executions waiting at the
 * same approval. The inbox lists both; the review of one shows that execution's image and approves it with
 * its own token, and the other still waits.
 */
@ExtendWith(ApplicationExtension.class)
class ParallelApprovalsThroughTheWindowTest {

    @TempDir
    static Path dataDirectory;

    private SandboxFixture aws;
    private Tollgate tollgate;

    @Start
    void start(Stage stage) {
        aws = SandboxFixture.start();
        tollgate = TollgateWindow.open(stage, aws.sandbox, Duration.ofMillis(300), dataDirectory);
    }

    @AfterEach
    void stop() {
        tollgate.close();
        aws.close();
    }

    @SuppressWarnings("unchecked")
    private static List<ApprovalRequest> listed(FxRobot robot, String pipelineName) {
        ListView<InboxItem> inbox = robot.lookup("#inboxList").queryAs(ListView.class);
        return inbox.getItems().stream().map(InboxItem::request)
                .filter(request -> request.pipelineName().equals(pipelineName)).toList();
    }

    private String tagOf(ApprovalRequest request) {
        return aws.gateway.execution("mobile-bff", request.pipelineExecutionId()).revisions().get(0).revisionId()
                .substring(0, 7);
    }

    @Test
    void approvingOneOfTwoWaitingExecutionsLeavesTheOtherWaiting(FxRobot robot) throws Exception {
        waitUntil(() -> TollgateWindow.knowsWhoIAm(tollgate));
        waitUntil(() -> listed(robot, "mobile-bff").size() == 2);
        ApprovalRequest chosen = listed(robot, "mobile-bff").get(1);
        ApprovalRequest other = listed(robot, "mobile-bff").get(0);
        assertThat(robot.lookup("#inbox-" + other.pipelineExecutionId()).tryQuery()).as("both are listed").isPresent();

        robot.clickOn("#inbox-" + chosen.pipelineExecutionId());

        // The review shows that execution, with the image its own build produced.
        waitUntil(() -> robot.lookup(chosen.pipelineExecutionId()).tryQuery().isPresent()
                && robot.lookup("#imageTag").tryQueryAs(Label.class).map(tag -> tag.getText().equals(tagOf(chosen))).orElse(false)
                && !robot.lookup("#approveButton").queryAs(Button.class).isDisabled());
        assertThat(tagOf(chosen)).isNotEqualTo(tagOf(other));
        robot.clickOn("#approvalComment").write("AVIF served only to app 4.13 and later");
        robot.clickOn("#approveButton");

        waitUntil(() -> robot.lookup("#reviewOutcome").queryAs(Label.class).getText().matches(
                "Approved by TOLLGATESANDBOX · Approver · 123456789012 at \\d\\d:\\d\\d:\\d\\d: mobile-bff › Approval › ReleaseApproval\\."));
        waitUntil(() -> listed(robot, "mobile-bff").size() == 1);
        assertThat(listed(robot, "mobile-bff").get(0).sameWaitAs(other)).isTrue();
        // With the approved one gone, the review moves on to the one still waiting.
        waitUntil(() -> robot.lookup(other.pipelineExecutionId()).tryQuery().isPresent()
                && !robot.lookup("#approveButton").queryAs(Button.class).isDisabled());
        assertThat(aws.gateway.snapshot("mobile-bff").pendingApprovals()).singleElement()
                .satisfies(still -> assertThat(still.sameWaitAs(other)).isTrue());
        assertThat(aws.gateway.snapshot("mobile-bff").approvalRun(chosen.pipelineExecutionId(), "Approval", "ReleaseApproval")
                .orElseThrow().status().kind()).isEqualTo(Status.Kind.SUCCEEDED);
    }
}
