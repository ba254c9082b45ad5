package dev.tollgate.ui.graph;

import dev.tollgate.pipeline.Action;
import dev.tollgate.pipeline.ActionRun;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.Transition;
import dev.tollgate.ui.common.StatusLook;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The stages of a pipeline left to right as cards, actions inside in run order (parallel ones side by side),
 * and the transition between each pair of stages. Rebuilt only when the pipeline's content changed.
 */
public final class PipelineGraphView extends ScrollPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm").withZone(ZoneId.systemDefault());

    private final HBox lane = new HBox();
    private List<Stage> shown;

    public PipelineGraphView() {
        getStyleClass().add("pipeline-graph");
        lane.getStyleClass().add("stage-lane");
        lane.setAlignment(Pos.TOP_LEFT);
        lane.setFillHeight(false);
        setContent(lane);
        setFitToHeight(true);
        setId("pipelineGraph");
    }

    public void show(PipelineSnapshot snapshot) {
        List<Stage> stages = snapshot == null ? List.of() : snapshot.stages();
        if (Objects.equals(stages, shown)) {
            return;
        }
        shown = stages;
        lane.getChildren().clear();
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            if (i > 0) {
                lane.getChildren().add(transition(stage));
            }
            lane.getChildren().add(stageCard(stage));
        }
    }

    private static VBox stageCard(Stage stage) {
        Label title = new Label(stage.name());
        title.getStyleClass().add("stage-title");
        Label status = StatusLook.badge(stage.status(), null);
        status.setId("stage-status-" + stage.name());
        HBox header = new HBox(8, title, status);
        header.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(8, header);
        // Cards are as tall as their content; a stretched card would suggest more actions than there are.
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.getStyleClass().addAll("stage-card", StatusLook.styleClass(stage.status()));
        card.setId("stage-" + stage.name());
        stage.latest().ifPresent(run -> {
            Label execution = new Label("Execution " + shortId(run.pipelineExecutionId()));
            execution.getStyleClass().add("muted");
            card.getChildren().add(execution);
        });
        // Actions with the same run order run in parallel: one row per run order.
        TreeMap<Integer, HBox> rows = new TreeMap<>();
        for (Action action : stage.actions()) {
            rows.computeIfAbsent(action.runOrder(), order -> new HBox(8)).getChildren().add(actionTile(action));
        }
        card.getChildren().addAll(rows.values());
        return card;
    }

    private static VBox actionTile(Action action) {
        FontIcon categoryIcon = new FontIcon(StatusLook.icon(action.category()));
        categoryIcon.getStyleClass().add("category-icon");
        Label name = new Label(action.name(), categoryIcon);
        name.getStyleClass().add("action-name");
        Label provider = new Label(action.provider());
        provider.getStyleClass().add("muted");

        String statusText = action.isWaitingForApproval() ? "Waiting for approval" : action.status().label();
        Label status = StatusLook.badge(action.status(), statusText);
        status.setId("action-status-" + action.name());

        VBox tile = new VBox(4, name, provider, status);
        tile.getStyleClass().addAll("action-tile", StatusLook.styleClass(action.status()));
        if (action.isWaitingForApproval()) {
            tile.getStyleClass().add("awaiting-approval");
        }
        action.latest().ifPresent(run -> addRunDetails(tile, run));
        action.currentRevision().ifPresent(revision -> {
            Label commit = new Label(revision.shortId(), new FontIcon(Feather.GIT_COMMIT));
            commit.getStyleClass().add("muted");
            tile.getChildren().add(commit);
        });
        return tile;
    }

    private static void addRunDetails(VBox tile, ActionRun run) {
        if (run.summary() != null && !run.summary().isBlank()) {
            Label summary = new Label(run.summary());
            summary.setWrapText(true);
            summary.setMaxWidth(190);
            summary.getStyleClass().add("action-summary");
            tile.getChildren().add(summary);
        }
        if (run.errorMessage() != null) {
            Label error = new Label(run.errorCode() + ": " + run.errorMessage());
            error.setWrapText(true);
            error.setMaxWidth(190);
            error.getStyleClass().add("action-error");
            tile.getChildren().add(error);
        }
        if (run.lastStatusChange() != null) {
            Label when = new Label(WHEN.format(run.lastStatusChange())
                    + (run.lastUpdatedBy() == null ? "" : " · " + shortIdentity(run.lastUpdatedBy())));
            when.getStyleClass().add("muted");
            tile.getChildren().add(when);
        }
    }

    private static VBox transition(Stage into) {
        Transition transition = into.inbound();
        VBox connector = new VBox(4);
        connector.setAlignment(Pos.CENTER);
        connector.getStyleClass().add("transition");
        connector.setId("transition-" + into.name());
        VBox.setVgrow(connector, Priority.NEVER);
        if (transition.enabled()) {
            connector.getChildren().add(new FontIcon(Feather.ARROW_RIGHT));
        } else {
            connector.getStyleClass().add("transition-disabled");
            Label disabled = new Label("Disabled", new FontIcon(Feather.LOCK));
            disabled.getStyleClass().add("transition-label");
            connector.getChildren().add(disabled);
            String detail = "Reason: " + transition.disabledReason()
                    + (transition.lastChangedBy() == null ? "" : "\nBy: " + transition.lastChangedBy())
                    + (transition.lastChangedAt() == null ? "" : "\nAt: " + WHEN.format(transition.lastChangedAt()));
            Tooltip.install(connector, new Tooltip(detail));
            Label reason = new Label(transition.disabledReason());
            reason.setWrapText(true);
            reason.setMaxWidth(110);
            reason.getStyleClass().add("muted");
            connector.getChildren().add(reason);
        }
        into.heldExecutionId().ifPresent(held -> {
            Label heldLabel = new Label("Held: " + shortId(held), new FontIcon(Feather.PAUSE_CIRCLE));
            heldLabel.getStyleClass().add("held-execution");
            connector.getChildren().add(heldLabel);
        });
        return connector;
    }

    private static String shortId(String id) {
        return id == null ? "?" : id.substring(0, Math.min(8, id.length()));
    }

    /** "arn:aws:sts::123:assumed-role/Approver/alice" reads as "alice". */
    private static String shortIdentity(String arn) {
        int slash = arn.lastIndexOf('/');
        return slash >= 0 && slash < arn.length() - 1 ? arn.substring(slash + 1) : arn;
    }
}
