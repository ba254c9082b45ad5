package dev.tollgate.ui.graph;

import dev.tollgate.pipeline.Action;
import dev.tollgate.pipeline.ActionCategory;
import dev.tollgate.pipeline.ActionRun;
import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.pipeline.ConditionRule;
import dev.tollgate.pipeline.ConditionState;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.RetryMode;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.StageCondition;
import dev.tollgate.pipeline.Status;
import dev.tollgate.pipeline.StopMode;
import dev.tollgate.pipeline.Transition;
import dev.tollgate.ui.common.HoverTip;
import dev.tollgate.ui.common.StatusLook;
import dev.tollgate.ui.common.Texts;
import dev.tollgate.ui.graph.PipelineGraphViewModel.VariableValue;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The stages of a pipeline left to right as cards, actions inside in run order (parallel ones side by side),
 * and the transition between each pair of stages as a button: click it (or Tab to it and press Space) to
 * disable or enable it. Each card's menu retries or stops; a line above the stages shows what a command is
 * doing and how it went. A card is rebuilt only when its stage changed, keeping keyboard focus in place; a
 * pipeline shown anew gets its cards one per pulse, left to right.
 * V2 pipelines add a strip of their variables above the stages, and chips on a card for the stage's
 * conditions and for a latest execution that was a rollback.
 */
public final class PipelineGraphView extends VBox {

    private final DateTimeFormatter when = Texts.dates("d MMM HH:mm");
    private final PipelineGraphViewModel viewModel;
    private final Consumer<String> openLink;
    private final HBox lane = new HBox();
    private String shownPipeline;
    private List<StagePlan> wanted = List.of();
    /** What each stage's nodes in the lane show now, in stage order. */
    private final List<StagePlan> built = new ArrayList<>();
    /** A pipeline shown anew builds nothing in the pulse right after: see {@link #show}. */
    private boolean skipNextPulse;
    private final AnimationTimer building = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (skipNextPulse) {
                skipNextPulse = false;
                return;
            }
            if (!buildNext()) {
                stop();
            }
        }
    };

    public PipelineGraphView(PipelineGraphViewModel viewModel, Consumer<String> openLink) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.openLink = Objects.requireNonNull(openLink);
        getStyleClass().add("pipeline-graph");
        setSpacing(8);
        setId("pipelineGraph");
        lane.getStyleClass().add("stage-lane");
        lane.setAlignment(Pos.TOP_LEFT);
        lane.setFillHeight(false);
        ScrollPane scroll = new ScrollPane(lane);
        scroll.getStyleClass().add("stage-scroll");
        scroll.setFitToHeight(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(commandLine(), variablesStrip(), scroll);
        viewModel.snapshotProperty().addListener((obs, old, snapshot) -> show(snapshot));
        show(viewModel.snapshotProperty().get());
    }

    /** Progress while a command runs, then its outcome until dismissed or another pipeline is shown. */
    private HBox commandLine() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        Label progress = new Label();
        progress.setId("commandProgress");
        progress.textProperty().bind(viewModel.runningProperty());
        HBox running = new HBox(8, spinner, progress);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(viewModel.busyProperty());
        running.managedProperty().bind(running.visibleProperty());

        Label outcome = new Label();
        outcome.setId("commandOutcome");
        outcome.setWrapText(true);
        Button dismiss = new Button(null, new FontIcon(Feather.X));
        dismiss.getStyleClass().addAll("flat", "dismiss-button");
        HoverTip.install(dismiss, Texts.get("common.dismiss"));
        dismiss.setOnAction(event -> viewModel.dismissOutcome());
        HBox done = new HBox(6, outcome, dismiss);
        done.setAlignment(Pos.CENTER_LEFT);
        done.getStyleClass().add("command-outcome");
        viewModel.outcomeProperty().addListener((obs, old, result) -> {
            done.setVisible(result != null);
            if (result != null) {
                boolean ok = result.kind() == PipelineGraphViewModel.Outcome.Kind.DONE;
                outcome.setText(result.message());
                outcome.setGraphic(new FontIcon(ok ? Feather.CHECK_CIRCLE : Feather.ALERT_TRIANGLE));
                done.getStyleClass().setAll("command-outcome", ok ? "outcome-done" : "outcome-failed");
            }
        });
        done.setVisible(false);
        done.managedProperty().bind(done.visibleProperty());
        HBox line = new HBox(running, done);
        line.managedProperty().bind(running.visibleProperty().or(done.visibleProperty()));
        line.visibleProperty().bind(line.managedProperty());
        return line;
    }

    /** "Variables  DEPLOY_ENV production  CANARY_PERCENT 25 …"; hidden for a pipeline without variables. */
    private FlowPane variablesStrip() {
        FlowPane strip = new FlowPane(14, 4);
        strip.setId("variablesStrip");
        strip.getStyleClass().add("variables-strip");
        strip.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label(Texts.get("graph.variables"), new FontIcon(Feather.SLIDERS));
        title.getStyleClass().add("section-title");
        HoverTip.install(title, Texts.get("graph.variables.tooltip"));
        Runnable fill = () -> {
            List<VariableValue> values = viewModel.variablesProperty().get();
            List<Node> children = new ArrayList<>();
            children.add(title);
            values.forEach(value -> children.add(variable(value)));
            strip.getChildren().setAll(children);
            strip.setVisible(!values.isEmpty());
        };
        viewModel.variablesProperty().addListener((obs, old, values) -> fill.run());
        strip.managedProperty().bind(strip.visibleProperty());
        fill.run();
        return strip;
    }

    /** The name, then the value; a default the execution did not resolve is muted, in italics and says so. */
    private static HBox variable(VariableValue variable) {
        Label name = new Label(variable.name());
        name.getStyleClass().add("variable-name");
        Label value = new Label(variable.value().orElse("\u2014"));
        value.setId("variable-" + variable.name());
        value.getStyleClass().add(variable.resolved() ? "variable-value" : "variable-default");
        HBox box = new HBox(5, name, value);
        box.setAlignment(Pos.BASELINE_LEFT);
        box.getStyleClass().add("variable");
        if (!variable.resolved()) {
            Label marker = new Label(Texts.get("graph.variables.default"));
            marker.getStyleClass().addAll("muted", "variable-default-marker");
            box.getChildren().add(marker);
        }
        String where = variable.resolved()
                ? Texts.get("graph.variables.resolved", PipelineGraphViewModel.shortId(variable.execution().orElse(null)))
                : variable.execution().map(id -> Texts.get("graph.variables.unresolved", PipelineGraphViewModel.shortId(id)))
                        .orElseGet(() -> Texts.get("graph.variables.neverRan"));
        HoverTip.install(box, variable.description().map(text -> text + "\n").orElse("") + where);
        return box;
    }

    /**
     * What one stage's card and the transition into it show. A card whose plan did not change keeps its nodes:
     * a poll that moves one action rebuilds one card, and a rebuilt card costs a CSS pass on the next pulse.
     */
    private record StagePlan(Stage stage, boolean first, Optional<String> newestExecution, Map<String, Long> waits) {
    }

    private void show(PipelineSnapshot snapshot) {
        List<StagePlan> plans = plansOf(snapshot);
        String pipeline = snapshot == null ? null : snapshot.name();
        if (Objects.equals(pipeline, shownPipeline) && plans.equals(wanted)) {
            return;
        }
        if (!Objects.equals(pipeline, shownPipeline) || !sameStages(plans, built)) {
            lane.getChildren().clear();
            built.clear();
            // The frame that brings a pipeline anew also styles what else changed with it (its row, the
            // command bar, the review): its first card waits for the next one, and the two frames stay short.
            skipNextPulse = pipeline != null;
        }
        shownPipeline = pipeline;
        wanted = plans;
        // One card per pulse, from the next one on, when the screen would show them anyway: a whole pipeline
        // built in one pulse, the first time its kinds of nodes were styled, held the screen still for a tenth
        // of a second.
        building.start();
    }

    private static List<StagePlan> plansOf(PipelineSnapshot snapshot) {
        if (snapshot == null) {
            return List.of();
        }
        // The waits come from the snapshot, not the action's state: in PARALLEL mode the state shows only the
        // latest execution's run, which may have no token while other executions wait here.
        Optional<String> newest = snapshot.latestExecutionId();
        Map<String, Map<String, Long>> waitsByStage = snapshot.pendingApprovals().stream()
                .collect(Collectors.groupingBy(ApprovalRequest::stageName,
                        Collectors.groupingBy(ApprovalRequest::actionName, Collectors.counting())));
        List<StagePlan> plans = new ArrayList<>();
        for (Stage stage : snapshot.stages()) {
            plans.add(new StagePlan(stage, plans.isEmpty(), newest, waitsByStage.getOrDefault(stage.name(), Map.of())));
        }
        return plans;
    }

    private static boolean sameStages(List<StagePlan> plans, List<StagePlan> cards) {
        if (plans.size() != cards.size()) {
            return false;
        }
        for (int i = 0; i < plans.size(); i++) {
            if (!plans.get(i).stage().name().equals(cards.get(i).stage().name())) {
                return false;
            }
        }
        return true;
    }

    /** Builds the first stage whose card is missing or out of date; false when every card is up to date. */
    private boolean buildNext() {
        for (int i = 0; i < wanted.size(); i++) {
            StagePlan plan = wanted.get(i);
            if (i < built.size() && built.get(i).equals(plan)) {
                continue;
            }
            Node focused = focusInside();
            List<Node> nodes = plan.first() ? List.of(stageCard(plan)) : List.of(transition(plan.stage()), stageCard(plan));
            // Lane: card, then transition and card for each later stage.
            int at = i == 0 ? 0 : 2 * i - 1;
            if (i < built.size()) {
                lane.getChildren().remove(at, at + nodes.size());
                built.set(i, plan);
            } else {
                built.add(plan);
            }
            lane.getChildren().addAll(at, nodes);
            if (focused != null && focused.getScene() == null && focused.getId() != null) {
                // A poll that changed a status must not throw a keyboard user back to the top of the window.
                Node again = lane.lookup("#" + focused.getId());
                if (again != null) {
                    again.requestFocus();
                }
            }
            return true;
        }
        return false;
    }

    private Node focusInside() {
        Scene scene = getScene();
        Node focused = scene == null ? null : scene.getFocusOwner();
        for (Node n = focused; n != null; n = n.getParent()) {
            if (n == lane) {
                return focused;
            }
        }
        return null;
    }

    private VBox stageCard(StagePlan plan) {
        Stage stage = plan.stage();
        boolean first = plan.first();
        Optional<String> newestExecution = plan.newestExecution();
        Label title = new Label(stage.name());
        title.getStyleClass().add("stage-title");
        Label status = StatusLook.badge(stage.status(), null);
        status.setId("stage-status-" + stage.name());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // Status under the title rather than beside it: four stages then fit beside the approval card.
        HBox header = new HBox(6, title, spacer);
        header.setAlignment(Pos.CENTER_LEFT);
        viewModel.retryableExecution(stage.name()).ifPresent(id -> {
            Button retry = new Button(Texts.get("graph.retry"), new FontIcon(Feather.ROTATE_CW));
            retry.setId("retry-" + stage.name());
            retry.getStyleClass().addAll("small", "retry-button");
            HoverTip.install(retry, Texts.get("graph.retry.tooltip", stage.name(), PipelineGraphViewModel.shortId(id)));
            retry.disableProperty().bind(viewModel.busyProperty());
            retry.setOnAction(event -> viewModel.retry(stage.name(), RetryMode.FAILED_ACTIONS));
            header.getChildren().add(retry);
        });
        header.getChildren().add(stageMenu(stage, first));

        // A rollback chip sits beside the status it qualifies.
        Node statusLine = stage.latest().filter(Stage.StageRun::rollback)
                .<Node>map(run -> {
                    HBox line = new HBox(8, status, rollbackChip(stage, run));
                    line.setAlignment(Pos.CENTER_LEFT);
                    return line;
                })
                .orElse(status);
        VBox card = new VBox(6, header, statusLine);
        // Cards are as tall as their content; a stretched card would suggest more actions than there are.
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.getStyleClass().addAll("stage-card", StatusLook.styleClass(stage.status()));
        card.setId("stage-" + stage.name());
        stage.latest().ifPresent(run -> {
            // A stage the newest execution has not reached shows an older run: say so, or green reads as "shipped".
            // A rollback is not that: it took the place of whatever ran here last, and is what runs now.
            boolean older = !run.rollback() && newestExecution.filter(id -> !id.equals(run.pipelineExecutionId())).isPresent();
            Label execution = new Label(Texts.get(older ? "graph.earlierExecution" : "graph.execution",
                    PipelineGraphViewModel.shortId(run.pipelineExecutionId())));
            execution.setId("stage-execution-" + stage.name());
            execution.getStyleClass().add("muted");
            HoverTip.install(execution, run.pipelineExecutionId() + (older
                    ? "\n" + Texts.get("graph.earlierExecution.why", stage.name()) : ""));
            card.getChildren().add(execution);
            if (older) {
                card.getStyleClass().add("earlier-run");
            }
        });
        stage.conditions().forEach(condition -> card.getChildren().add(conditionChip(stage, condition)));
        // Actions with the same run order run in parallel: one row per run order.
        TreeMap<Integer, HBox> rows = new TreeMap<>();
        for (Action action : stage.actions()) {
            rows.computeIfAbsent(action.runOrder(), order -> new HBox(8)).getChildren()
                    .add(actionTile(action, plan.waits().getOrDefault(action.name(), 0L)));
        }
        card.getChildren().addAll(rows.values());
        return card;
    }

    /** Marks a stage whose latest execution re-deployed an earlier one's artifacts; an icon and a word, not a colour. */
    private static Label rollbackChip(Stage stage, Stage.StageRun run) {
        Label chip = new Label(Texts.get("graph.rollback"), new FontIcon(Feather.ROTATE_CCW));
        chip.setId("stage-rollback-" + stage.name());
        chip.getStyleClass().addAll("chip", "chip-rollback", "stage-chip");
        chip.setMinWidth(Region.USE_PREF_SIZE);
        HoverTip.install(chip, Texts.get("graph.rollback.tooltip",
                PipelineGraphViewModel.shortId(run.pipelineExecutionId()), stage.name()));
        return chip;
    }

    /**
     * "Before entry: 2 rules" with how they last went, "On failure: roll back"; the tooltip lists the rules, what
     * a failing rule (or the stage's failure) leads to, and when they were checked.
     */
    private VBox conditionChip(Stage stage, StageCondition condition) {
        Label what = new Label(Texts.get("graph.condition.chip", Texts.get("graph.condition.kind." + condition.kind().name()),
                condition.kind() == StageCondition.Kind.ON_FAILURE && condition.result().isPresent()
                        ? resultWord(condition.result().get()) : rulesCount(condition.rules().size())),
                new FontIcon(kindIcon(condition.kind())));
        what.getStyleClass().add("condition-what");
        // How it last went on a line of its own: beside the words it would widen every card with conditions.
        VBox chip = new VBox(1, what);
        chip.setMaxWidth(Region.USE_PREF_SIZE);
        chip.setId("condition-" + condition.kind().name() + "-" + stage.name());
        chip.getStyleClass().addAll("chip", "condition-chip", "stage-chip");
        condition.latest().ifPresent(latest -> {
            Label state = StatusLook.badge(latest.status(), conditionStatus(latest.status()));
            state.getStyleClass().add("condition-state");
            chip.getChildren().add(state);
        });
        HoverTip.install(chip, conditionDetails(condition));
        return chip;
    }

    private String conditionDetails(StageCondition condition) {
        List<String> lines = new ArrayList<>();
        lines.add(Texts.get("graph.condition.chip", Texts.get("graph.condition.kind." + condition.kind().name()),
                rulesCount(condition.rules().size())));
        condition.result().ifPresent(result -> lines.add(Texts.get(condition.kind() == StageCondition.Kind.ON_FAILURE
                ? "graph.condition.onStageFailure" : "graph.condition.onRuleFailure", resultMeaning(result, condition))));
        for (ConditionRule rule : condition.rules()) {
            lines.add(rule.latest().map(latest -> Texts.get("graph.condition.rule", rule.name(),
                            Objects.toString(rule.provider(), "?"), evaluated(latest)))
                    .orElseGet(() -> Texts.get("graph.condition.ruleNotRun", rule.name(), Objects.toString(rule.provider(), "?"))));
        }
        if (!condition.rules().isEmpty()) {
            lines.add(condition.latest().map(latest -> Texts.get("graph.condition.last", evaluated(latest)))
                    .orElseGet(() -> Texts.get("graph.condition.never")));
        }
        return String.join("\n", lines);
    }

    /** "Succeeded · 24 Nov 08:57 · the summary", with what is known. */
    private String evaluated(ConditionState state) {
        List<String> parts = new ArrayList<>();
        parts.add(conditionStatus(state.status()));
        state.lastStatusChange().ifPresent(at -> parts.add(when.format(at)));
        state.summary().ifPresent(parts::add);
        return String.join(" \u00b7 ", parts);
    }

    private static String conditionStatus(Status status) {
        return switch (status.wireValue()) {
            case "Errored" -> Texts.get("graph.condition.errored");
            case "Overridden" -> Texts.get("graph.condition.overridden");
            default -> StatusLook.label(status);
        };
    }

    private static String rulesCount(int rules) {
        return rules == 1 ? Texts.get("graph.condition.rules.one") : Texts.get("graph.condition.rules.many", rules);
    }

    /** The result as a word or two for the chip: "roll back", "retry"; a newer result reads as AWS spells it. */
    private static String resultWord(String result) {
        return switch (result) {
            case "ROLLBACK", "FAIL", "RETRY", "SKIP" -> Texts.get("graph.condition.result." + result);
            default -> result.toLowerCase(Locale.ROOT);
        };
    }

    /** What the result does, in a sentence's words: "roll back to the last execution that succeeded in this stage". */
    private static String resultMeaning(String result, StageCondition condition) {
        return switch (result) {
            case "RETRY" -> condition.retryMode()
                    .map(mode -> Texts.get("graph.condition.does.RETRY." + mode.name()))
                    .orElseGet(() -> Texts.get("graph.condition.does.RETRY"));
            case "ROLLBACK", "FAIL", "SKIP" -> Texts.get("graph.condition.does." + result);
            default -> result;
        };
    }

    private static Feather kindIcon(StageCondition.Kind kind) {
        return switch (kind) {
            case BEFORE_ENTRY -> Feather.LOG_IN;
            case ON_SUCCESS -> Feather.CHECK_SQUARE;
            case ON_FAILURE -> Feather.ALERT_TRIANGLE;
        };
    }

    /** Everything that can be done to a stage, reachable by Tab and Space as well as by mouse. */
    private Button stageMenu(Stage stage, boolean first) {
        // A plain button opening a menu: a MenuButton reserves room for its arrow and widens every card.
        Button open = new Button(null, new FontIcon(Feather.MORE_VERTICAL));
        open.setId("stage-menu-" + stage.name());
        open.getStyleClass().addAll("flat", "stage-menu");
        HoverTip.install(open, Texts.get("graph.menu.tooltip", stage.name()));
        open.disableProperty().bind(viewModel.busyProperty());
        // Built when opened: a menu is a window of its own, and a card is rebuilt whenever its stage changes.
        open.setOnAction(event -> stageCommands(stage, first).show(open, Side.BOTTOM, 0, 0));
        return open;
    }

    private ContextMenu stageCommands(Stage stage, boolean first) {
        ContextMenu menu = new ContextMenu();
        menu.setId("stage-commands-" + stage.name());
        boolean retryable = viewModel.retryableExecution(stage.name()).isPresent();
        MenuItem retryFailed = item(Texts.get("graph.menu.retryFailed"), Feather.ROTATE_CW,
                () -> viewModel.retry(stage.name(), RetryMode.FAILED_ACTIONS));
        MenuItem retryAll = item(Texts.get("graph.menu.retryAll"), Feather.REFRESH_CW,
                () -> viewModel.retry(stage.name(), RetryMode.ALL_ACTIONS));
        retryFailed.setDisable(!retryable);
        retryAll.setDisable(!retryable);
        menu.getItems().addAll(retryFailed, retryAll);
        viewModel.runningExecution(stage.name()).ifPresent(id -> addStopItems(menu, id, false));
        stage.heldExecutionId().ifPresent(id -> addStopItems(menu, id, true));
        if (!first) {
            menu.getItems().add(new SeparatorMenuItem());
            boolean enabled = stage.inbound().enabled();
            menu.getItems().add(item(Texts.get(enabled ? "graph.menu.disableTransition" : "graph.menu.enableTransition", stage.name()),
                    enabled ? Feather.LOCK : Feather.UNLOCK, () -> viewModel.toggleTransition(stage.name())));
        }
        return menu;
    }

    private void addStopItems(ContextMenu menu, String executionId, boolean held) {
        String id = PipelineGraphViewModel.shortId(executionId);
        menu.getItems().addAll(new SeparatorMenuItem(),
                item(Texts.get(held ? "graph.menu.stopHeld" : "graph.menu.stop", id), Feather.SQUARE,
                        () -> viewModel.stop(executionId, StopMode.STOP_AND_WAIT)),
                item(Texts.get(held ? "graph.menu.stopAndAbandonHeld" : "graph.menu.stopAndAbandon", id), Feather.X_OCTAGON,
                        () -> viewModel.stop(executionId, StopMode.STOP_AND_ABANDON)));
    }

    private static MenuItem item(String text, Feather icon, Runnable action) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setOnAction(event -> action.run());
        return item;
    }

    /** @param waits how many approvals wait at this action, over every execution */
    private VBox actionTile(Action action, long waits) {
        FontIcon categoryIcon = new FontIcon(StatusLook.icon(action.category()));
        categoryIcon.getStyleClass().add("category-icon");
        Label name = new Label(action.name(), categoryIcon);
        name.getStyleClass().add("action-name");
        Node provider = providerLine(action);

        String statusText = waits > 1 ? Texts.get("graph.waitingForApprovals", waits)
                : waits == 1 ? Texts.get("status.waitingForApproval") : StatusLook.label(action.status());
        Label status = StatusLook.badge(action.status(), statusText);
        status.setId("action-status-" + action.name());

        VBox tile = new VBox(4, name, provider, status);
        tile.getStyleClass().addAll("action-tile", StatusLook.styleClass(action.status()));
        tile.setId("action-" + action.name());
        if (waits > 0) {
            tile.getStyleClass().add("awaiting-approval");
        }
        action.latest().ifPresent(run -> addRunDetails(tile, action, run));
        action.currentRevision().ifPresent(revision -> {
            Label commit = new Label(revision.shortId(), new FontIcon(Feather.GIT_COMMIT));
            commit.getStyleClass().add("muted");
            tile.getChildren().add(commit);
        });
        return tile;
    }

    /** The provider, linking to the configured resource (the CodeBuild project, the ECS service) where known. */
    private Node providerLine(Action action) {
        if (action.entityUrl() == null || action.entityUrl().isBlank()) {
            Label provider = new Label(action.provider());
            provider.getStyleClass().add("muted");
            return provider;
        }
        Hyperlink provider = link(action.provider(), action.entityUrl());
        provider.getStyleClass().add("provider-link");
        return provider;
    }

    private void addRunDetails(VBox tile, Action action, ActionRun run) {
        if (run.summary() != null && !run.summary().isBlank()) {
            Label summary = new WrappedText(run.summary(), 190);
            summary.getStyleClass().add("action-summary");
            tile.getChildren().add(summary);
        }
        if (run.errorCode() != null || run.errorMessage() != null) {
            tile.getChildren().add(errorDetails(action, run));
        }
        if (run.lastStatusChange() != null) {
            Label when = new Label(this.when.format(run.lastStatusChange())
                    + (run.lastUpdatedBy() == null ? "" : " · " + PipelineGraphViewModel.shortIdentity(run.lastUpdatedBy())));
            when.getStyleClass().add("muted");
            tile.getChildren().add(when);
        }
        if (run.externalExecutionUrl() != null && !run.externalExecutionUrl().isBlank()) {
            Hyperlink external = link(externalLinkText(action), run.externalExecutionUrl());
            external.setId("external-" + action.name());
            tile.getChildren().add(external);
        }
        if (run.actionExecutionId() != null) {
            HoverTip.install(tile, Texts.get("graph.actionExecution", run.actionExecutionId())
                    + (run.externalExecutionId() == null ? "" : "\n" + Texts.get("graph.externalExecution", run.externalExecutionId())));
        }
    }

    /** Code and message in a box that can be copied whole, because that text is what people paste in tickets. */
    private Node errorDetails(Action action, ActionRun run) {
        String text = (run.errorCode() == null ? "" : run.errorCode() + ": ") + Objects.toString(run.errorMessage(), "");
        Label error = new WrappedText(text, 190);
        error.setGraphic(new FontIcon(Feather.ALERT_OCTAGON));
        error.setId("error-" + action.name());
        error.getStyleClass().add("action-error");
        MenuItem copy = new MenuItem(Texts.get("graph.copyError"), new FontIcon(Feather.COPY));
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
        error.setContextMenu(new ContextMenu(copy));
        HoverTip.install(error, text);
        return error;
    }

    private static String externalLinkText(Action action) {
        if ("CodeBuild".equals(action.provider())) {
            return Texts.get("graph.link.buildLogs");
        }
        return Texts.get(action.category() == ActionCategory.DEPLOY ? "graph.link.deployment" : "graph.link.execution");
    }

    private Hyperlink link(String text, String url) {
        Hyperlink link = new Hyperlink(text, new FontIcon(Feather.EXTERNAL_LINK));
        link.setContentDisplay(ContentDisplay.RIGHT);
        link.getStyleClass().add("external-link");
        HoverTip.install(link, url);
        link.setOnAction(event -> openLink.accept(url));
        return link;
    }

    /** The transition into a stage as one button: its whole area toggles it, and it takes keyboard focus. */
    private Node transition(Stage into) {
        Transition transition = into.inbound();
        VBox face = new VBox(4);
        face.setAlignment(Pos.CENTER);
        Button toggle = new TransitionButton(face);
        toggle.setId("transition-" + into.name());
        toggle.getStyleClass().addAll("transition", "flat");
        toggle.disableProperty().bind(viewModel.busyProperty());
        toggle.setOnAction(event -> viewModel.toggleTransition(into.name()));
        if (transition.enabled()) {
            FontIcon arrow = new FontIcon(Feather.ARROW_RIGHT);
            arrow.getStyleClass().add("transition-arrow");
            face.getChildren().add(arrow);
            HoverTip.install(toggle, Texts.get("graph.transition.enabledTooltip", into.name()));
        } else {
            toggle.getStyleClass().add("transition-disabled");
            Label disabled = new Label(Texts.get("graph.transition.disabled"), new FontIcon(Feather.LOCK));
            disabled.getStyleClass().add("transition-label");
            Label reason = new WrappedText(Objects.toString(transition.disabledReason(), Texts.get("graph.transition.noReason")), 120);
            reason.setId("transition-reason-" + into.name());
            reason.getStyleClass().add("transition-reason");
            face.getChildren().addAll(disabled, reason);
            if (transition.lastChangedBy() != null) {
                Label by = new Label(Texts.get("graph.transition.by", PipelineGraphViewModel.shortIdentity(transition.lastChangedBy())));
                by.getStyleClass().add("muted");
                face.getChildren().add(by);
            }
            if (transition.lastChangedAt() != null) {
                Label when = new Label(this.when.format(transition.lastChangedAt()));
                when.getStyleClass().add("muted");
                face.getChildren().add(when);
            }
            HoverTip.install(toggle, disabledLine(transition) + "\n"
                    + Texts.get("graph.transition.reason", Objects.toString(transition.disabledReason(), Texts.get("graph.transition.noReason")))
                    + "\n" + Texts.get("graph.transition.clickToEnable"));
        }
        Optional<String> held = into.heldExecutionId();
        held.ifPresent(id -> {
            // Wraps under the reason's width: "Retenue : f1d49111" is wider than "Held: f1d49111".
            Label heldLabel = new WrappedText(Texts.get("graph.held", PipelineGraphViewModel.shortId(id)), 120);
            heldLabel.setGraphic(new FontIcon(Feather.PAUSE_CIRCLE));
            heldLabel.setId("held-" + into.name());
            heldLabel.getStyleClass().add("held-execution");
            face.getChildren().add(heldLabel);
        });
        VBox connector = new VBox(toggle);
        connector.setAlignment(Pos.TOP_CENTER);
        connector.getStyleClass().add("transition-slot");
        connector.setId("transition-slot-" + into.name());
        return connector;
    }

    /** "Disabled by arn:… at 24 Nov 20:08", with what is known of who and when. */
    private String disabledLine(Transition transition) {
        String by = transition.lastChangedBy();
        String at = transition.lastChangedAt() == null ? null : when.format(transition.lastChangedAt());
        if (by != null && at != null) {
            return Texts.get("graph.transition.disabledByAt", by, at);
        }
        if (by != null) {
            return Texts.get("graph.transition.disabledBy", by);
        }
        return at != null ? Texts.get("graph.transition.disabledAt", at) : Texts.get("graph.transition.disabled");
    }

    /**
     * A button whose face wraps text. Asked for its height without a width, the button skin measures the
     * face at a negative width, where wrapped text is one word per line: hundreds of pixels tall. Measuring
     * at the button's own preferred width gives the height the face really needs.
     */
    private static final class TransitionButton extends Button {
        TransitionButton(Node face) {
            super(null, face);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setMaxHeight(Region.USE_PREF_SIZE);
        }

        @Override
        protected double computePrefHeight(double width) {
            return super.computePrefHeight(width < 0 ? prefWidth(-1) : width);
        }
    }
}
