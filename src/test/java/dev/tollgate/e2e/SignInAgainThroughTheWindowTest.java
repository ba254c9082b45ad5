package dev.tollgate.e2e;

import static dev.tollgate.testing.TollgateWindow.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.app.ConnectionWorkspace;
import dev.tollgate.app.Tollgate;
import dev.tollgate.aws.AwsEnvironment;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.identity.ConnectionId;
import dev.tollgate.identity.SignInOutcome;
import dev.tollgate.identity.SignInWait;
import dev.tollgate.identity.SsoPortal;
import dev.tollgate.sandbox.ManualClock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.sandbox.identity.IdentityCenter;
import dev.tollgate.testing.TollgateWindow;
import dev.tollgate.ui.shell.Theme;
import dev.tollgate.ui.signin.ConnectionActions;
import dev.tollgate.ui.signin.SignInView;
import dev.tollgate.ui.signin.SignInViewModel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
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
 * An approver signed in through IAM Identity Center is half-way through a review when the sign-in expires:
 * the banner offers to sign in again, the dialog does the device sign-in (the test plays the browser), and
 * the review, its draft comment and the selection are all still there to approve.
 */
@ExtendWith(ApplicationExtension.class)
class SignInAgainThroughTheWindowTest {

    private static final SsoPortal PORTAL = SsoPortal.session("tollgate-sandbox", IdentityCenter.START_URL, "us-east-1");

    @TempDir
    static Path home;

    private Sandbox sandbox;
    private Tollgate tollgate;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(Instant.parse("2026-11-24T09:00:00Z"))));
        AwsEnvironment aws = new AwsEnvironment(Map.of(), home);
        signInOutsideTheWindow(aws);
        tollgate = new Tollgate(ConnectionSettings.ssoRole(PORTAL, Sandbox.ACCOUNT_ID, "Approver", "us-east-1",
                Optional.of(sandbox.endpoint())), aws, Platform::runLater, Clock.systemUTC(), Duration.ofMillis(300),
                (title, question, confirm) -> true, home.resolve("tollgate"));
        Scene scene = new Scene(tollgate.mainWindow(url -> { }, new Actions(), List.of()), 1280, 800);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
        tollgate.startWatching();
    }

    /** As `aws sso login` would have, before Tollgate starts. */
    private void signInOutsideTheWindow(AwsEnvironment aws) {
        try (var clients = new dev.tollgate.aws.AwsClients(ConnectionSettings.sandbox(sandbox.endpoint()), aws, Clock.systemUTC())) {
            var pending = clients.signIn().begin(PORTAL);
            approve(pending.code().verificationUriComplete());
            assertThat(pending.await(new SignInWait())).isInstanceOf(SignInOutcome.SignedIn.class);
        }
    }

    /** The browser: the person checks the code and allows the request. */
    private void approve(String verificationUrl) {
        String code = verificationUrl.substring(verificationUrl.indexOf("user_code=") + "user_code=".length());
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(sandbox.endpoint() + "/_sandbox/sso/device/approve?user_code=" + code))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What TollgateApp does for the banner's button, with the test as the browser. */
    private final class Actions implements ConnectionActions {
        @Override
        public void signIn() {
        }

        @Override
        public void signInAgain(ConnectionId connection) {
            ConnectionWorkspace workspace = tollgate.workspace(connection).orElseThrow();
            SignInViewModel model = new SignInViewModel(workspace.signIn(), workspace.tasks(), url -> approve(url),
                    SignInWait::new, List.of(PORTAL), Optional.of(PORTAL), choice -> { }, workspace::signedInAgain);
            SignInView.show(model, stage, Theme::apply);
        }

        @Override
        public void addProfile(String name) {
        }

        @Override
        public void addSandbox() {
        }

        @Override
        public void stopWatching(ConnectionId connection) {
        }
    }

    @AfterEach
    void stop() {
        tollgate.close();
        sandbox.close();
    }

    @Test
    void anExpiredSignInMidReviewIsRenewedWithTheDraftKept(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#connectionMenu").queryAs(MenuButton.class).getText()
                .contains(IdentityCenter.DEFAULT_USER + " · Approver · " + Sandbox.ACCOUNT_ID));
        TollgateWindow.reviewFromInbox(robot, "ecs-webapp");
        waitUntil(() -> !robot.lookup("#approveButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#approvalComment").write("Checked the tag");

        sandbox.identity().expireEverything();

        waitUntil(() -> robot.lookup("#expiryBanner").query().isVisible());
        assertThat(robot.lookup("#approvalComment").queryAs(TextArea.class).getText()).isEqualTo("Checked the tag");
        robot.clickOn("#signInAgainButton");

        waitUntil(() -> !robot.lookup("#expiryBanner").query().isVisible());
        assertThat(robot.lookup("#approvalComment").queryAs(TextArea.class).getText()).isEqualTo("Checked the tag");
        waitUntil(() -> !robot.lookup("#approveButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#approveButton");
        waitUntil(() -> robot.lookup("#reviewOutcome").queryAs(Label.class).getText()
                .startsWith("Approved by " + IdentityCenter.DEFAULT_USER + " · Approver · " + Sandbox.ACCOUNT_ID + " at "));
    }

    @Test
    void aDeniedApprovalSaysWhichActionIsMissingForWhom(FxRobot robot) throws Exception {
        sandbox.identity().denyAction("codepipeline:PutApprovalResult", "AWSReservedSSO_Approver");
        TollgateWindow.reviewFromInbox(robot, "ecs-webapp");
        waitUntil(() -> !robot.lookup("#approveButton").queryAs(Button.class).isDisabled());

        robot.clickOn("#approvalComment").write("Checked the tag");
        robot.clickOn("#approveButton");

        waitUntil(() -> robot.lookup("#reviewOutcome").queryAs(Label.class).getText()
                .contains("codepipeline:PutApprovalResult is not allowed for arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Approver_"));
        assertThat(robot.lookup("#approvalComment").queryAs(TextArea.class).getText()).isEqualTo("Checked the tag");
    }
}
