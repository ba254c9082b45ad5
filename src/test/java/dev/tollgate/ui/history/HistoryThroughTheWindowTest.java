package dev.tollgate.ui.history;

import static dev.tollgate.testing.TollgateWindow.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.app.Tollgate;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.history.AuditCsv;
import dev.tollgate.history.LongHistory;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.ui.common.DialogService;
import dev.tollgate.ui.shell.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The History tab in the real window, wired by the composition root, over the real SDK, against a sandbox whose
 * ecs-webapp ran 1,000 more times: an approver opens the history, an execution, a comparison, and exports.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryThroughTheWindowTest {

    @TempDir
    static Path folder;

    private Sandbox sandbox;
    private Tollgate tollgate;
    private Path exportFile;

    @Start
    void start(Stage stage) {
        sandbox = LongHistory.start(1000);
        DialogService dialogs = new DialogService() {
            @Override
            public boolean confirm(String title, String question, String confirmLabel) {
                return true;
            }

            @Override
            public Optional<Path> chooseSaveFile(String title, String suggestedName, List<FileType> types) {
                return Optional.ofNullable(exportFile);
            }
        };
        tollgate = new Tollgate(ConnectionSettings.sandbox(sandbox.endpoint()), Platform::runLater, Clock.systemUTC(),
                Duration.ofSeconds(2), dialogs, folder);
        Scene scene = new Scene(tollgate.mainWindow(url -> { }, new dev.tollgate.testing.RecordedActions(), List.of()), 1280, 800);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
        tollgate.startWatching();
    }

    @AfterEach
    void stop() {
        tollgate.close();
        sandbox.close();
    }

    @Test
    void theNewestPageShowsAtOnceScrollsOnAndOpensIntoATimeline(FxRobot robot) throws Exception {
        selectWebapp(robot);

        // Measured from the tab's selection to the first layout pulse with rows in the table: what the approver
        // waits for, without the robot's mouse travel. The table joins the scene with the tab's first selection.
        TabPane views = robot.lookup(".pipeline-views").queryAs(TabPane.class);
        long[] selectedAt = {0};
        long[] laidOutAt = {0};
        robot.interact(() -> {
            views.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> selectedAt[0] = System.nanoTime());
            views.getScene().addPostLayoutPulseListener(() -> {
                if (laidOutAt[0] == 0 && selectedAt[0] != 0
                        && views.getScene().lookup("#historyTable") instanceof TableView<?> shown
                        && !shown.getItems().isEmpty()) {
                    laidOutAt[0] = System.nanoTime();
                }
            });
        });
        robot.clickOn("#historyTab");
        waitUntil(() -> rows(robot).size() >= 10 && laidOutAt[0] != 0);
        System.out.println("History of 1,000 executions: first page laid out "
                + (laidOutAt[0] - selectedAt[0]) / 1_000_000 + " ms after the tab was selected");
        TableView<HistoryRow> table = table(robot);

        assertThat(table.getItems()).hasSize(HistoryViewModel.PAGE_SIZE);
        robot.interact(() -> table.scrollTo(HistoryViewModel.PAGE_SIZE - 1));
        waitUntil(() -> table.getItems().size() >= 2 * HistoryViewModel.PAGE_SIZE);

        robot.interact(() -> table.scrollTo(0));
        TableRow<?> approved = rowAt(robot, 2);
        robot.doubleClickOn(approved, MouseButton.PRIMARY);

        waitUntil(() -> robot.lookup("#executionDetail").query().isVisible());
        waitUntil(() -> robot.lookup("#executionTimeline .timeline-bar").queryAll().size() == 4);
        assertThat(robot.lookup("#timeline-bar-Approval-ManualApproval").tryQuery()).isPresent();
        assertThat(texts(robot, "#executionApprovals .label")).anyMatch(text -> text.startsWith("Approved by "));
        assertThat(texts(robot, "#executionApprovals .label")).anyMatch(text -> text.matches("\u201cApproved change #\\d+\u201d"));
        waitUntil(() -> texts(robot, "#executionImages .label").stream().anyMatch(text -> text.contains("/ecs-webapp:")));
        assertThat(robot.lookup("#action-Build-Build").tryQuery()).isPresent();

        robot.clickOn("#historyBackButton");
        waitUntil(() -> robot.lookup("#historyTable").query().isVisible());
        assertThat(table.getItems()).hasSizeGreaterThanOrEqualTo(2 * HistoryViewModel.PAGE_SIZE);
    }

    @Test
    void twoSelectedExecutionsCompareSideBySide(FxRobot robot) throws Exception {
        selectWebapp(robot);
        robot.clickOn("#historyTab");
        waitUntil(() -> rows(robot).size() >= 10);

        robot.clickOn(rowAt(robot, 2));
        robot.press(KeyCode.CONTROL).clickOn(rowAt(robot, 3)).release(KeyCode.CONTROL);
        robot.clickOn("#historyCompareButton");

        waitUntil(() -> robot.lookup("#executionComparison").query().isVisible());
        waitUntil(() -> robot.lookup("#imageChange-webapp").tryQueryAs(Label.class)
                .map(label -> label.getText().equals("New image")).orElse(false));
        List<String> cells = texts(robot, "#comparisonGrid .label");
        assertThat(cells).contains("Stage durations", "Source", "Build", "Approval", "Deploy", "webapp digest");
        assertThat(cells).anyMatch(text -> text.startsWith("Approved by "));
    }

    @Test
    void theFilteredHistoryExportsToTheChosenFile(FxRobot robot) throws Exception {
        selectWebapp(robot);
        robot.clickOn("#historyTab");
        waitUntil(() -> rows(robot).size() >= 10);
        exportFile = folder.resolve("audit-" + System.nanoTime() + ".csv");

        robot.clickOn("#historyText").write("Change #99").type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#historySummary").queryAs(Label.class).getText().equals("All 11 executions that match."));
        robot.clickOn("#historyExportButton");

        waitUntil(() -> robot.lookup("#exportOutcome").queryAs(Label.class).getText()
                .equals("Exported 11 executions to " + exportFile.toAbsolutePath() + "."));
        assertThat(AuditCsv.read(Files.readAllBytes(exportFile))).hasSize(11)
                .allSatisfy(record -> assertThat(record.commits().get(0).message()).startsWith("Change #99"));
    }

    @Test
    void aLongExportCanBeCancelledAndWritesNothing(FxRobot robot) throws Exception {
        selectWebapp(robot);
        robot.clickOn("#historyTab");
        waitUntil(() -> rows(robot).size() >= 10);
        exportFile = folder.resolve("cancelled-" + System.nanoTime() + ".csv");

        robot.clickOn("#historyExportButton");
        waitUntil(() -> robot.lookup("#exportMessage").queryAs(Label.class).getText().startsWith("Reading images"));
        robot.clickOn("#exportCancel");

        waitUntil(() -> robot.lookup("#exportOutcome").queryAs(Label.class).getText()
                .equals("Export cancelled; no file was written."));
        assertThat(exportFile).doesNotExist();
        try (var files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.contains("cancelled"));
        }
    }

    private static void selectWebapp(FxRobot robot) throws Exception {
        robot.clickOn("#pipelinesTab");
        waitUntil(() -> robot.lookup("#pipelineList .pipeline-name").queryAllAs(Text.class).stream()
                .anyMatch(name -> name.getText().equals(LongHistory.PIPELINE)));
        Text webapp = robot.lookup("#pipelineList .pipeline-name").queryAllAs(Text.class).stream()
                .filter(name -> name.getText().equals(LongHistory.PIPELINE)).findFirst().orElseThrow();
        robot.clickOn(webapp);
        waitUntil(() -> robot.lookup("#pipelineTitle").queryAs(Label.class).getText().equals(LongHistory.PIPELINE));
    }

    @SuppressWarnings("unchecked")
    private static TableView<HistoryRow> table(FxRobot robot) {
        return robot.lookup("#historyTable").queryAs(TableView.class);
    }

    private static List<TableRow<?>> rows(FxRobot robot) {
        return robot.lookup("#historyTable .table-row-cell").queryAll().stream()
                .<TableRow<?>>map(node -> (TableRow<?>) node)
                .filter(row -> row.getItem() != null && row.isVisible())
                .toList();
    }

    private static TableRow<?> rowAt(FxRobot robot, int index) {
        return rows(robot).stream().filter(row -> row.getIndex() == index).findFirst().orElseThrow();
    }

    private static List<String> texts(FxRobot robot, String query) {
        return robot.lookup(query).queryAll().stream().filter(Node::isVisible)
                .map(node -> ((Label) node).getText()).toList();
    }
}
