package dev.tollgate.ui.graph;

import static dev.tollgate.testing.TollgateWindow.onFx;
import static dev.tollgate.testing.TollgateWindow.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.aws.AwsClients;
import dev.tollgate.aws.CodePipelineCommands;
import dev.tollgate.aws.CodePipelineGateway;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.Transition;
import dev.tollgate.sandbox.ManualClock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.ui.shell.Theme;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The stage graph alone, on real snapshots from the sandbox: how much of it each pulse builds, and which
 * cards a new snapshot rebuilds.
 */
@ExtendWith(ApplicationExtension.class)
class PipelineGraphViewTest {

    private Sandbox sandbox;
    private AwsClients clients;
    private CodePipelineGateway gateway;
    private PipelineGraphViewModel graph;
    private HBox lane;
    /** The lane's number of children after each pulse's layout. */
    private final List<Integer> childrenPerPulse = new CopyOnWriteArrayList<>();

    @Start
    void start(javafx.stage.Stage stage) {
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(Instant.parse("2026-11-24T09:00:00Z"))));
        clients = new AwsClients(ConnectionSettings.sandbox(sandbox.endpoint()));
        gateway = new CodePipelineGateway(clients.codePipeline(), Clock.systemUTC());
        graph = new PipelineGraphViewModel(new CodePipelineCommands(clients.codePipeline()), gateway,
                new BackgroundTasks(Runnable::run, Runnable::run), new ScriptedDialogs(), name -> { });
        PipelineGraphView view = new PipelineGraphView(graph, url -> { });
        Scene scene = new Scene(view, 1200, 600);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
        // The lane is inside a scroll pane, which holds its content once skinned.
        view.applyCss();
        lane = (HBox) view.lookup(".stage-lane");
        scene.addPostLayoutPulseListener(() -> childrenPerPulse.add(lane.getChildren().size()));
    }

    @AfterEach
    void stop() {
        clients.close();
        sandbox.close();
    }

    @Test
    void aPipelineShownAnewGetsOneStagePerPulseLeftToRight(FxRobot robot) throws Exception {
        PipelineSnapshot snapshot = gateway.snapshot("ecs-webapp");
        int stages = snapshot.stages().size();
        assertThat(stages).isGreaterThanOrEqualTo(3);

        onFx(() -> {
            childrenPerPulse.clear();
            graph.show(snapshot);
            return null;
        });
        waitUntil(() -> lane.getChildren().size() == 2 * stages - 1);

        // Never a whole pipeline in one pulse: a card, then a transition and a card, per pulse. And nothing in
        // the pulse right after the snapshot came, which styles whatever else came with it.
        List<Integer> counts = new ArrayList<>(childrenPerPulse);
        assertThat(counts.get(0)).as("children after the first pulse of %s", counts).isZero();
        for (int i = 1; i < counts.size(); i++) {
            assertThat(counts.get(i) - counts.get(i - 1)).as("children added in pulse %d of %s", i, counts).isLessThanOrEqualTo(2);
        }
        assertThat(counts).contains(1, 3);
        assertThat(onFx(() -> lane.getChildren().stream().map(Node::getId).toList()))
                .isEqualTo(laneIds(snapshot));
    }

    @Test
    void aSnapshotThatChangesOneStageRebuildsThatStageAlone(FxRobot robot) throws Exception {
        PipelineSnapshot snapshot = gateway.snapshot("ecs-webapp");
        onFx(() -> {
            graph.show(snapshot);
            return null;
        });
        waitUntil(() -> lane.getChildren().size() == 2 * snapshot.stages().size() - 1);
        Map<String, Node> before = onFx(() -> lane.getChildren().stream().collect(Collectors.toMap(Node::getId, n -> n)));

        Stage last = snapshot.stages().get(snapshot.stages().size() - 1);
        Stage frozen = new Stage(last.name(), new Transition(false, "CAB review", "arn:aws:iam::123456789012:user/ana",
                Instant.parse("2026-11-24T09:00:00Z")), last.actions(), last.latest(), last.heldExecutionId(), last.conditions());
        List<Stage> stages = new ArrayList<>(snapshot.stages());
        stages.set(stages.size() - 1, frozen);
        PipelineSnapshot changed = new PipelineSnapshot(snapshot.name(), snapshot.version(), snapshot.executionMode(), stages,
                snapshot.fetchedAt(), snapshot.variables(), snapshot.approvalRuns());
        onFx(() -> {
            graph.show(changed);
            return null;
        });
        waitUntil(() -> robot.lookup("#transition-" + last.name()).queryAs(Node.class).getStyleClass()
                .contains("transition-disabled"));

        Map<String, Node> after = onFx(() -> lane.getChildren().stream().collect(Collectors.toMap(Node::getId, n -> n)));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String id : before.keySet()) {
            boolean ofTheChangedStage = id.equals("stage-" + last.name()) || id.equals("transition-slot-" + last.name());
            if (ofTheChangedStage) {
                assertThat(after.get(id)).as(id).isNotSameAs(before.get(id));
            } else {
                assertThat(after.get(id)).as(id).isSameAs(before.get(id));
            }
        }
        assertThat(onFx(() -> lane.getChildren().stream().map(Node::getId).toList())).isEqualTo(laneIds(changed));
    }

    /** The ids of the lane's children in order: the first stage's card, then each later stage's transition and card. */
    private static List<String> laneIds(PipelineSnapshot snapshot) {
        List<String> ids = new ArrayList<>();
        for (Stage stage : snapshot.stages()) {
            if (!ids.isEmpty()) {
                ids.add("transition-slot-" + stage.name());
            }
            ids.add("stage-" + stage.name());
        }
        return ids;
    }
}
