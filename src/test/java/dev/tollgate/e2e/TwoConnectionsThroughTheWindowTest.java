package dev.tollgate.e2e;

import static dev.tollgate.testing.TollgateWindow.text;
import static dev.tollgate.testing.TollgateWindow.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.app.Tollgate;
import dev.tollgate.aws.AwsEnvironment;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.identity.ConnectionId;
import dev.tollgate.sandbox.ManualClock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.testing.RecordedActions;
import dev.tollgate.testing.TollgateWindow;
import dev.tollgate.ui.board.BoardItem;
import dev.tollgate.ui.board.PipelineEntry;
import dev.tollgate.ui.board.PipelineKey;
import dev.tollgate.ui.shell.Theme;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real window watching two sandboxes as two accounts: one board, two groups, each failing on its own. */
@ExtendWith(ApplicationExtension.class)
class TwoConnectionsThroughTheWindowTest {

    private static final ConnectionId TEAM = new ConnectionId("team", "Team account · us-east-1");
    private static final ConnectionId PAYMENTS = new ConnectionId("payments", "Payments account · eu-west-1");

    @TempDir
    static Path home;

    private final RecordedActions actions = new RecordedActions();
    private Sandbox team;
    private Sandbox payments;
    private Tollgate tollgate;

    @Start
    void start(Stage stage) {
        Instant start = Instant.parse("2026-11-24T09:00:00Z");
        team = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(start)));
        payments = Sandbox.start(SandboxConfig.defaults().withSeed(7).withClock(new ManualClock(start)));
        tollgate = new Tollgate(new AwsEnvironment(Map.of(), home), Platform::runLater, Clock.systemUTC(),
                Duration.ofMillis(300), (title, question, confirm) -> true, home.resolve("tollgate"));
        tollgate.watch(TEAM, ConnectionSettings.sandbox(team.endpoint()).withLabel(TEAM.label()));
        tollgate.watch(PAYMENTS, ConnectionSettings.sandbox(payments.endpoint()).withLabel(PAYMENTS.label()));
        Scene scene = new Scene(tollgate.mainWindow(url -> { }, actions, List.of()), 1280, 800);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
        tollgate.startWatching();
        TollgateWindow.showPipelines(stage);
    }

    @AfterEach
    void stop() {
        tollgate.close();
        team.close();
        payments.close();
    }

    @Test
    void theBoardShowsEachConnectionUnderItsHeaderAndOneFailingLeavesTheOther(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#connection-team .group-title").equals(TEAM.label())
                && text(robot, "#connection-payments .group-title").equals(PAYMENTS.label())
                && text(robot, "#boardSummary").equals("14 pipelines")
                && text(robot, "#connection-payments .group-status").startsWith("7 pipelines · updated"));
        assertThat(robot.lookup("#connectionMenu").queryAs(MenuButton.class).getText()).isEqualTo("2 connections");
        List<String> lines = robot.lookup("#pipelineList").queryListView().getItems().stream().map(Object::toString).toList();
        assertThat(lines.subList(0, 8)).containsExactly(TEAM.label(), "billing-api", "ecs-webapp", "mobile-bff",
                "nightly-reports", "payments-service", "storefront-bluegreen", "wallet-api");
        assertThat(lines.get(8)).isEqualTo(PAYMENTS.label());

        clickOn(robot, new PipelineKey(PAYMENTS, "payments-service"));
        waitUntil(() -> text(robot, "#pipelineTitle").equals("payments-service"));
        assertThat(tollgate.board().selectedKeyProperty().get()).isEqualTo(new PipelineKey(PAYMENTS, "payments-service"));

        payments.close();

        waitUntil(() -> robot.lookup("#connection-payments .group-fix").tryQueryAs(Hyperlink.class)
                .map(link -> link.isVisible() && link.getText().equals("Retry")).orElse(false));
        assertThat(text(robot, "#connection-payments .group-status")).contains("cannot be reached");
        robot.interact(() -> robot.lookup("#pipelineList").queryListView().scrollTo(0));
        assertThat(text(robot, "#connection-team .group-status")).startsWith("7 pipelines · updated");
        clickOn(robot, new PipelineKey(TEAM, "billing-api"));
        waitUntil(() -> text(robot, "#pipelineTitle").equals("billing-api"));
        assertThat(robot.lookup("#problemLine").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void theConnectionsMenuStopsOneAndAddsOthers(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#connectionMenu").queryAs(MenuButton.class).getText().equals("2 connections"));

        MenuButton menu = robot.lookup("#connectionMenu").queryAs(MenuButton.class);
        robot.interact(() -> item(menu, "stopWatching-payments").fire());
        // Neither watched connection is the embedded sandbox, so it can be added.
        assertThat(item(menu, "useSandboxItem").isDisable()).isFalse();
        robot.interact(() -> item(menu, "useSandboxItem").fire());

        assertThat(actions.requests()).containsExactly("stopWatching " + PAYMENTS.label(), "addSandbox");
    }

    private static MenuItem item(MenuButton menu, String id) {
        return menu.getItems().stream()
                .flatMap(item -> item instanceof Menu sub ? java.util.stream.Stream.concat(java.util.stream.Stream.of(item),
                        sub.getItems().stream()) : java.util.stream.Stream.of(item))
                .filter(item -> id.equals(item.getId())).findFirst().orElseThrow();
    }

    /** Clicks the line of one pipeline: its name alone is ambiguous, both accounts have one. */
    private static void clickOn(FxRobot robot, PipelineKey key) {
        @SuppressWarnings("unchecked")
        ListView<BoardItem> list = robot.lookup("#pipelineList").queryAs(ListView.class);
        robot.interact(() -> list.scrollTo(list.getItems().stream()
                .filter(item -> item instanceof PipelineEntry entry && entry.key().equals(key)).findFirst().orElseThrow()));
        // The list keeps a hidden cell for measuring, which may hold the same item: only a shown one will do.
        Node cell = robot.lookup(".list-cell").match(node -> node instanceof ListCell<?> c && shown(c)
                && c.getItem() instanceof PipelineEntry entry && entry.key().equals(key)).query();
        robot.clickOn(cell);
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
