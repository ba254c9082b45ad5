package dev.tollgate.ui.graph;

import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.StopMode;
import dev.tollgate.ui.common.Texts;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The pipeline-wide commands beside its title: release a change, stop the newest execution while it runs,
 * and the execution mode, which decides what a release does to the executions already running.
 */
public final class PipelineCommandBar extends HBox {

    private final PipelineGraphViewModel viewModel;
    private final Label mode = new Label();
    private final MenuButton stop = new MenuButton(Texts.get("graph.stop"), new FontIcon(Feather.SQUARE));

    public PipelineCommandBar(PipelineGraphViewModel viewModel) {
        super(8);
        this.viewModel = viewModel;
        setAlignment(Pos.CENTER_RIGHT);
        getStyleClass().add("pipeline-commands");

        mode.setId("executionMode");
        mode.getStyleClass().add("chip");

        Button release = new Button(Texts.get("graph.release"), new FontIcon(Feather.PLAY));
        release.setId("releaseChangeButton");
        release.setTooltip(new Tooltip(Texts.get("graph.release.tooltip")));
        release.disableProperty().bind(viewModel.busyProperty().or(viewModel.snapshotProperty().isNull()));
        release.setOnAction(event -> viewModel.releaseChange());

        stop.setId("stopButton");
        MenuItem stopAndWait = new MenuItem(Texts.get("graph.stopAndWait"), new FontIcon(Feather.SQUARE));
        stopAndWait.setOnAction(event -> viewModel.latestRunningExecution()
                .ifPresent(id -> viewModel.stop(id, StopMode.STOP_AND_WAIT)));
        MenuItem abandon = new MenuItem(Texts.get("graph.stopAndAbandon"), new FontIcon(Feather.X_OCTAGON));
        abandon.setOnAction(event -> viewModel.latestRunningExecution()
                .ifPresent(id -> viewModel.stop(id, StopMode.STOP_AND_ABANDON)));
        stop.getItems().addAll(stopAndWait, abandon);

        getChildren().addAll(mode, release, stop);
        viewModel.snapshotProperty().addListener((obs, old, snapshot) -> update(snapshot));
        viewModel.busyProperty().addListener((obs, old, busy) -> update(viewModel.snapshotProperty().get()));
        update(viewModel.snapshotProperty().get());
    }

    private void update(PipelineSnapshot snapshot) {
        mode.setVisible(snapshot != null);
        if (snapshot != null) {
            String wire = snapshot.executionMode();
            // The three modes CodePipeline has today; a newer one reads as its API name.
            String known = switch (wire) {
                case "QUEUED", "PARALLEL" -> wire;
                default -> "SUPERSEDED";
            };
            String name = wire.toLowerCase(Locale.ROOT);
            mode.setText(wire.equals(known) ? Texts.get("graph.mode." + known)
                    : Texts.get("graph.mode.other", Character.toUpperCase(name.charAt(0)) + name.substring(1)));
            mode.setTooltip(new Tooltip(Texts.get("graph.mode." + known + ".tooltip")));
        }
        Optional<String> running = viewModel.latestRunningExecution();
        stop.setDisable(running.isEmpty() || viewModel.busyProperty().get());
        stop.setTooltip(new Tooltip(running.map(id -> Texts.get("graph.stop.tooltip", PipelineGraphViewModel.shortId(id)))
                .orElseGet(() -> Texts.get("graph.stop.nothing"))));
    }
}
