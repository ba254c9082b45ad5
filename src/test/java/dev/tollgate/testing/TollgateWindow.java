package dev.tollgate.testing;

import dev.tollgate.app.Tollgate;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.ui.board.PipelineEntry;
import dev.tollgate.ui.shell.Theme;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import dev.tollgate.ui.common.DialogService;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, wired by the composition root against a sandbox, as the UI tests open it. */
public final class TollgateWindow {

    private TollgateWindow() {
    }

    /** Shows Tollgate in the stage and starts watching; reject confirmations answer yes. */
    public static Tollgate open(Stage stage, Sandbox sandbox, Duration pollInterval, Path dataDirectory) {
        return open(stage, sandbox, pollInterval, dataDirectory, (title, question, confirm) -> true);
    }

    /** Shows Tollgate in the stage with the given dialogs and starts watching (which asks STS who the approver is). */
    public static Tollgate open(Stage stage, Sandbox sandbox, Duration pollInterval, Path dataDirectory,
            DialogService dialogs) {
        Tollgate tollgate = new Tollgate(ConnectionSettings.sandbox(sandbox.endpoint()), Platform::runLater,
                Clock.systemUTC(), pollInterval, dialogs, dataDirectory);
        Scene scene = new Scene(tollgate.mainWindow(url -> { }, new RecordedActions(), List.of()), 1280, 800);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
        tollgate.startWatching();
        return tollgate;
    }

    /** Brings the pipeline board to the front of the sidebar (the inbox is in front at start-up). */
    public static void showPipelines(Stage stage) {
        ((TabPane) stage.getScene().lookup(".sidebar")).getSelectionModel().select(1);
    }

    /**
     * Clicks the pipeline's first waiting approval in the inbox (in front at start-up) and waits until the
     * review shows it. A label of the same name on the board, in the tab behind, would be clicked at its
     * place on the screen, over whatever the inbox shows there.
     */
    public static void reviewFromInbox(FxRobot robot, String pipelineName) throws Exception {
        waitUntil(() -> onFx(() -> inboxEntry(robot, pipelineName).isPresent()));
        robot.clickOn(onFx(() -> inboxEntry(robot, pipelineName).orElseThrow()));
        waitUntil(() -> onFx(() -> robot.lookup(".approval-title").tryQueryAs(Label.class)
                .map(title -> title.getText().contains(pipelineName + " › ")).orElse(false)));
    }

    /**
     * Reads the scene on the FX thread: a lookup from the test's thread can meet a list of children in the
     * middle of a change (the inbox rebuilds its rows as image tags arrive).
     */
    public static <T> T onFx(Callable<T> read) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return read.call();
        }
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** The label's (or text node's) text, read on the FX thread; empty when the scene has no such node. */
    public static String text(FxRobot robot, String query) throws Exception {
        return onFx(() -> robot.lookup(query).tryQuery().map(node -> node instanceof javafx.scene.text.Text text
                ? text.getText() : node instanceof javafx.scene.control.Labeled label ? label.getText() : "").orElse(""));
    }

    private static Optional<Node> inboxEntry(FxRobot robot, String pipelineName) {
        return robot.lookup("#inboxList .pipeline-name").queryAllAs(Label.class).stream()
                .filter(label -> label.getText().equals(pipelineName))
                .map(Node.class::cast)
                .findFirst();
    }

    /**
     * Waits until the watcher has read every pipeline once. An approval that is already waiting when its
     * pipeline is first read is listed, not announced: a test of announcements starts after this.
     */
    public static void waitUntilEveryPipelineWasRead(FxRobot robot) throws Exception {
        waitUntil(() -> onFx(() -> {
            ListView<?> board = robot.lookup("#pipelineList").queryAs(ListView.class);
            List<PipelineEntry> entries = board.getItems().stream()
                    .filter(PipelineEntry.class::isInstance).map(PipelineEntry.class::cast).toList();
            return !entries.isEmpty() && entries.stream().allMatch(entry -> entry.fetchedAt() != null);
        }));
    }

    /** Whether STS has said who the approver is on the (only) connection, as "Approved by" needs. */
    public static boolean knowsWhoIAm(Tollgate tollgate) {
        return tollgate.workspaces().get(0).connection().identityProperty().get() != null;
    }

    /**
     * Waits up to 20 s for the condition, checked on the FX thread between its pulses: a check from the test's
     * thread could meet the stage graph in the middle of a rebuild, see neither the old nor the new node and
     * pass on a scene that never was.
     */
    public static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return onFx(condition);
        });
    }
}
