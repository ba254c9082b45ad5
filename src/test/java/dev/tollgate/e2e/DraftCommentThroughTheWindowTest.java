package dev.tollgate.e2e;

import static dev.tollgate.testing.TollgateWindow.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.app.Tollgate;
import dev.tollgate.sandbox.ManualClock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.testing.SandboxFixture;
import dev.tollgate.testing.TollgateWindow;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The draft comment through the real window: it stays in the comment box when the decision cannot be
 * recorded (PutApprovalResult made to fail through the sandbox's control API, as an outage would), and it is
 * back in the box after Tollgate is closed and started again on the same data directory.
 */
@ExtendWith(ApplicationExtension.class)
class DraftCommentThroughTheWindowTest {

    private static final String DRAFT = "Scan shows no new HIGH findings; tag matches the release notes";

    @TempDir
    static Path root;

    private Stage stage;
    private Sandbox sandbox;
    private Path dataDirectory;
    private Tollgate tollgate;
    private final HttpClient http = HttpClient.newHttpClient();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(SandboxFixture.START)));
        dataDirectory = Files.createTempDirectory(root, "data");
        tollgate = TollgateWindow.open(stage, sandbox, Duration.ofMillis(300), dataDirectory);
    }

    @AfterEach
    void stop() {
        tollgate.close();
        sandbox.close();
    }

    private void faults(String method, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(sandbox.endpoint().resolve("/_sandbox/faults"));
        HttpResponse<String> response = http.send(method.equals("DELETE") ? request.DELETE().build()
                : request.PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String comment(FxRobot robot) {
        return robot.lookup("#approvalComment").queryAs(TextArea.class).getText();
    }

    private static String outcome(FxRobot robot) {
        return robot.lookup("#reviewOutcome").queryAs(Label.class).getText();
    }

    private static boolean approveEnabled(FxRobot robot) {
        return !robot.lookup("#approveButton").queryAs(Button.class).isDisabled();
    }

    @Test
    void theDraftStaysInTheCommentBoxWhenTheDecisionCannotBeRecorded(FxRobot robot) throws Exception {
        TollgateWindow.reviewFromInbox(robot, "ecs-webapp");
        waitUntil(() -> approveEnabled(robot));
        robot.clickOn("#approvalComment").write(DRAFT);
        faults("PUT", "{\"errorRate\":1,\"operations\":[\"PutApprovalResult\"]}");

        robot.clickOn("#approveButton");

        // A 5xx leaves the decision's fate open: said in the review, not in a dialog, and the draft stays.
        waitUntil(() -> robot.lookup("#reviewOutcome").queryAs(Label.class).getStyleClass().contains("outcome-failed"));
        assertThat(outcome(robot)).contains("cannot tell yet whether the decision was recorded").endsWith("Your comment is kept.");
        assertThat(comment(robot)).isEqualTo(DRAFT);
        assertThat(robot.listWindows()).hasSize(1);
        // The next look at the pipeline settles it: still waiting, so decide again.
        waitUntil(() -> outcome(robot).startsWith("The decision was not recorded: the approval still waits."));
        assertThat(comment(robot)).isEqualTo(DRAFT);

        faults("DELETE", "");
        waitUntil(() -> approveEnabled(robot));
        robot.clickOn("#approveButton");

        waitUntil(() -> outcome(robot).startsWith("Approved by "));
        assertThat(comment(robot)).isEmpty();
        assertThat(Files.readString(dataDirectory.resolve("drafts.json"))).doesNotContain(DRAFT);
    }

    @Test
    void theDraftIsBackInTheCommentBoxAfterARestart(FxRobot robot) throws Exception {
        TollgateWindow.reviewFromInbox(robot, "ecs-webapp");
        waitUntil(() -> approveEnabled(robot));
        robot.clickOn("#approvalComment").write(DRAFT);

        tollgate.close();
        robot.interact(() -> tollgate = TollgateWindow.open(stage, sandbox, Duration.ofMillis(300), dataDirectory));

        TollgateWindow.reviewFromInbox(robot, "ecs-webapp");
        waitUntil(() -> comment(robot).equals(DRAFT));
    }
}
