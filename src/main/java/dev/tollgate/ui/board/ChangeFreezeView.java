package dev.tollgate.ui.board;

import dev.tollgate.pipeline.TransitionReason;
import dev.tollgate.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The change freeze, shown in place of the pipeline: the pipelines chosen in the list, the stage, the reason
 * (checked as it is typed), Freeze and Unfreeze, and one result line per pipeline. Escape closes it.
 */
public final class ChangeFreezeView extends VBox {

    public ChangeFreezeView(ChangeFreezeViewModel freeze) {
        super(12);
        setId("changeFreeze");
        getStyleClass().add("change-freeze");

        Label title = new Label(Texts.get("board.freeze.title"), new FontIcon(Feather.LOCK));
        title.getStyleClass().add("freeze-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button(Texts.get("board.freeze.back"), new FontIcon(Feather.X));
        close.setId("closeFreeze");
        close.getStyleClass().add("flat");
        close.setTooltip(new Tooltip(Texts.get("board.freeze.closeTooltip")));
        close.setOnAction(event -> freeze.close());
        HBox header = new HBox(8, title, spacer, close);
        header.setAlignment(Pos.CENTER_LEFT);

        Label where = new Label();
        where.setId("freezeConnection");
        where.setGraphic(new FontIcon(Feather.CLOUD));
        where.getStyleClass().add("freeze-connection");
        where.textProperty().bind(freeze.whereProperty());

        Label explain = new Label(Texts.get("board.freeze.explain"));
        explain.setWrapText(true);
        explain.getStyleClass().add("muted");

        Label pipelinesLabel = new Label();
        pipelinesLabel.getStyleClass().add("section-title");
        pipelinesLabel.textProperty().bind(Bindings.createStringBinding(() -> freeze.pipelines().isEmpty()
                ? Texts.get("board.freeze.pipelines.none")
                : Texts.get("board.freeze.pipelines.some", freeze.pipelines().size()),
                freeze.pipelines()));
        FlowPane chips = new FlowPane(6, 6);
        chips.setId("freezePipelines");
        Runnable showChips = () -> chips.getChildren().setAll(freeze.pipelines().stream().map(name -> {
            Label chip = new Label(name);
            chip.getStyleClass().add("chip");
            return chip;
        }).toList());
        freeze.pipelines().addListener((ListChangeListener<String>) change -> showChips.run());
        showChips.run();

        ComboBox<String> stage = new ComboBox<>(freeze.stageSuggestions());
        stage.setId("freezeStage");
        stage.setEditable(true);
        stage.setPrefWidth(220);
        stage.getEditor().textProperty().bindBidirectional(freeze.stageNameProperty());
        Label stageLabel = new Label(Texts.get("board.freeze.stage"));
        stageLabel.setLabelFor(stage);
        Label coverage = new Label();
        coverage.setId("freezeCoverage");
        coverage.setWrapText(true);
        coverage.getStyleClass().add("muted");
        coverage.textProperty().bind(Bindings.createStringBinding(() -> freeze.stageProblemProperty().get() != null
                ? freeze.stageProblemProperty().get() : freeze.coverageProperty().get(),
                freeze.stageProblemProperty(), freeze.coverageProperty()));

        TextField reason = new TextField();
        reason.setId("freezeReason");
        reason.setPromptText(Texts.get("board.freeze.reasonPrompt"));
        reason.textProperty().bindBidirectional(freeze.reasonProperty());
        Label reasonLabel = new Label(Texts.get("board.freeze.reason"));
        reasonLabel.setLabelFor(reason);
        Label reasonProblem = new Label();
        reasonProblem.setId("freezeReasonProblem");
        reasonProblem.setWrapText(true);
        reasonProblem.textProperty().bind(Bindings.when(reason.textProperty().isEmpty()).then("")
                .otherwise(Bindings.createStringBinding(() -> freeze.reasonProblemProperty().get() == null ? ""
                        : freeze.reasonProblemProperty().get(), freeze.reasonProblemProperty())));
        reasonProblem.getStyleClass().add("field-problem");
        Label counter = new Label();
        counter.getStyleClass().add("muted");
        counter.setMinWidth(Region.USE_PREF_SIZE);
        counter.textProperty().bind(Bindings.createStringBinding(() -> reason.getText().codePointCount(0,
                reason.getText().length()) + " / " + TransitionReason.MAX_LENGTH, reason.textProperty()));
        Region problemSpacer = new Region();
        HBox.setHgrow(problemSpacer, Priority.ALWAYS);
        HBox underReason = new HBox(8, reasonProblem, problemSpacer, counter);

        Button freezeButton = new Button(null, new FontIcon(Feather.LOCK));
        freezeButton.setId("freezeRun");
        freezeButton.getStyleClass().add("accent");
        freezeButton.textProperty().bind(Bindings.createStringBinding(() -> Texts.get("board.freeze.freezeButton", count(freeze.pipelines().size())),
                freeze.pipelines()));
        freezeButton.disableProperty().bind(freeze.canFreezeProperty().not());
        freezeButton.setOnAction(event -> freeze.freeze());
        Button unfreezeButton = new Button(null, new FontIcon(Feather.UNLOCK));
        unfreezeButton.setId("unfreezeRun");
        unfreezeButton.textProperty().bind(Bindings.createStringBinding(() -> Texts.get("board.freeze.unfreezeButton", count(freeze.pipelines().size())),
                freeze.pipelines()));
        unfreezeButton.disableProperty().bind(freeze.canUnfreezeProperty().not());
        unfreezeButton.setOnAction(event -> freeze.unfreeze());
        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(18, 18);
        working.visibleProperty().bind(freeze.pendingProperty().greaterThan(0));
        HBox buttons = new HBox(8, freezeButton, unfreezeButton, working);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId("freezeSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add("freeze-summary");
        summary.textProperty().bind(freeze.summaryProperty());
        summary.managedProperty().bind(summary.textProperty().isNotEmpty());
        summary.visibleProperty().bind(summary.managedProperty());

        ListView<ChangeFreezeViewModel.Result> results = new ListView<>(freeze.results());
        results.setId("freezeResults");
        results.getStyleClass().add("freeze-results");
        results.setCellFactory(view -> new ResultCell());
        results.setPrefHeight(220);
        results.setPlaceholder(new Label(Texts.get("board.freeze.resultsPlaceholder")));
        VBox.setVgrow(results, Priority.ALWAYS);

        getChildren().addAll(header, where, explain, pipelinesLabel, chips,
                new VBox(4, stageLabel, stage, coverage),
                new VBox(4, reasonLabel, reason, underReason),
                buttons, summary, results);

        // Escape closes from anywhere in the window (the focus is often in the list, choosing pipelines).
        javafx.event.EventHandler<javafx.scene.input.KeyEvent> escape = event -> {
            if (event.getCode() == KeyCode.ESCAPE && freeze.openProperty().get()) {
                freeze.close();
                event.consume();
            }
        };
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removeEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, escape);
            }
            if (scene != null) {
                scene.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, escape);
            }
        });
        visibleProperty().addListener((obs, was, shown) -> {
            if (shown) {
                reason.requestFocus();
            }
        });
    }

    private static String count(int n) {
        return ChangeFreezeViewModel.count(n);
    }

    /** Pipeline, outcome as icon and word, and the sentence (with AWS's reason for failures). */
    private static final class ResultCell extends ListCell<ChangeFreezeViewModel.Result> {
        private final Label pipeline = new Label();
        private final Label kind = new Label();
        private final Label message = new Label();
        private final VBox box;

        ResultCell() {
            pipeline.getStyleClass().add("pipeline-name");
            message.setWrapText(true);
            message.getStyleClass().add("muted");
            HBox top = new HBox(8, kind, pipeline);
            top.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(2, top, message);
            // Wrap the message to the list's width instead of widening the list.
            message.maxWidthProperty().bind(widthProperty().subtract(30));
            box.maxWidthProperty().bind(widthProperty().subtract(20));
        }

        @Override
        protected void updateItem(ChangeFreezeViewModel.Result result, boolean empty) {
            super.updateItem(result, empty);
            setText(null);
            if (empty || result == null) {
                setGraphic(null);
                setId(null);
                return;
            }
            setId("freeze-result-" + result.pipelineName());
            pipeline.setText(result.pipelineName());
            kind.setText(result.kind().label());
            kind.setGraphic(new FontIcon(switch (result.kind()) {
                case PENDING -> Feather.LOADER;
                case DONE -> Feather.CHECK_CIRCLE;
                case ALREADY -> Feather.MINUS_CIRCLE;
                case NOT_FOUND -> Feather.HELP_CIRCLE;
                case DENIED -> Feather.SLASH;
                case FAILED -> Feather.X_CIRCLE;
            }));
            kind.getStyleClass().setAll("label", "freeze-kind", "freeze-" + result.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            message.setText(result.message());
            setGraphic(box);
        }
    }
}
