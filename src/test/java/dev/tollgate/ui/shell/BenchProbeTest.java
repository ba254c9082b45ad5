package dev.tollgate.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.app.Tollgate;
import dev.tollgate.testing.SandboxFixture;
import dev.tollgate.testing.TollgateWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The probe the app benchmark reads, in the real window against a sandbox: it finds the main window without
 * the app calling it, and reports the first frame, the board listed and populated, and pulse gaps.
 */
@ExtendWith(ApplicationExtension.class)
class BenchProbeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private SandboxFixture fixture;
    private BenchProbe probe;
    private Tollgate tollgate;
    private Stage stage;
    private Path report;

    @Start
    void start(Stage primary) {
        fixture = SandboxFixture.start();
        report = folder.resolve("bench.jsonl");
        probe = new BenchProbe(new BenchProbe.Settings(Optional.of(report), Duration.ofMillis(200),
                fixture.sandbox.control().engine().pipelineCount(), true));
        probe.install();
        // A stage of its own: the shared primary stage may be showing already, and the probe waits for a window
        // to be shown.
        stage = new Stage();
        tollgate = TollgateWindow.open(stage, fixture.sandbox, Duration.ofSeconds(1), folder);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            probe.stop();
            stage.close();
        }).get(10, TimeUnit.SECONDS);
        tollgate.close();
        fixture.close();
    }

    @Test
    void reportsTheFirstFrameThePopulatedBoardAndPulses() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> events().contains("populated") && pulseReports().size() >= 2);

        assertThat(events()).containsSubsequence("shown", "firstFrame", "listed", "populated");
        JsonNode last = pulseReports().get(pulseReports().size() - 1);
        assertThat(last.path("loading").path("pulses").asLong() + last.path("watching").path("pulses").asLong())
                .isPositive();
        assertThat(last.path("heapUsedMB").asDouble()).isPositive();
        // showBoard: the board's tab is in front, so the rows measured are the rows on screen.
        Node list = stage.getScene().lookup("#pipelineList");
        TabPane sidebar = (TabPane) stage.getScene().lookup(".sidebar");
        assertThat(sidebar.getSelectionModel().getSelectedItem().getContent()).satisfies(content -> {
            Node at = list;
            while (at != null && at != content) {
                at = at.getParent();
            }
            assertThat(at).as("the selected tab holds the pipeline list").isSameAs(content);
        });
    }

    private List<String> events() throws Exception {
        return lines().stream().map(line -> line.path("event").asText()).toList();
    }

    private List<JsonNode> pulseReports() throws Exception {
        return lines().stream().filter(line -> line.path("event").asText().equals("pulses")).toList();
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        if (Files.exists(report)) {
            for (String line : Files.readAllLines(report)) {
                if (line.endsWith("}")) {
                    lines.add(JSON.readTree(line));
                }
            }
        }
        return lines;
    }
}
