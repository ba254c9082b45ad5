package dev.tollgate.ui.board;

import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineCommands;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.Transition;
import dev.tollgate.pipeline.TransitionReason;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.ui.common.DialogService;
import dev.tollgate.ui.common.Texts;
import dev.tollgate.ui.graph.ReasonProblems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A change freeze: the inbound transition of one stage (by name, e.g. "Deploy") disabled in every pipeline
 * chosen on the board, with one reason, and enabled again the same way. Each pipeline is its own call with
 * its own result (done, already so, not found, denied, failed), so one pipeline without that stage or
 * without permission never hides what happened to the others. A transition somebody already disabled is
 * left alone, so a freeze never overwrites another person's reason. A freeze acts within one connection: the
 * pipelines of that connection's group chosen on the board, with that connection's credentials.
 */
public final class ChangeFreezeViewModel {

    /** Stage names as CodePipeline allows them (shape StageName). */
    private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z0-9.@\\-_]{1,100}");

    /** What happened in one pipeline. */
    public record Result(String pipelineName, Kind kind, String message) {
        public enum Kind {
            PENDING, DONE, ALREADY, NOT_FOUND, DENIED, FAILED;

            /** The result's word in the user's language, e.g. "Not found". */
            public String label() {
                return Texts.get("board.freeze.kind." + name());
            }
        }
    }

    private final PipelineCommands commands;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Consumer<String> refreshPipeline;
    private final ChosenPipelines board;

    private final BooleanProperty open = new SimpleBooleanProperty(this, "open");
    private final StringProperty stageName = new SimpleStringProperty(this, "stageName", "Deploy");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ObservableList<Result> results = FXCollections.observableArrayList();
    private final ObservableList<Result> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper(this, "pending");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary");
    private final ObservableList<String> stageSuggestions = FXCollections.observableArrayList();
    private final StringBinding reasonProblem;
    private final StringBinding stageProblem;
    private final StringBinding coverage;
    private final StringBinding where;
    private final BooleanBinding canFreeze;
    private final BooleanBinding canUnfreeze;

    public ChangeFreezeViewModel(PipelineCommands commands, BackgroundTasks tasks, DialogService dialogs,
            Consumer<String> refreshPipeline, ChosenPipelines board) {
        this.commands = Objects.requireNonNull(commands);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.refreshPipeline = Objects.requireNonNull(refreshPipeline);
        this.board = Objects.requireNonNull(board);
        ObservableList<String> chosen = board.chosenNames();
        this.reasonProblem = Bindings.createStringBinding(() -> ReasonProblems.transition(reason.get()).orElse(null), reason);
        this.stageProblem = Bindings.createStringBinding(() -> stageNameProblem(stageName.get()), stageName);
        this.coverage = Bindings.createStringBinding(this::describeCoverage, stageName, chosen, board.entries());
        this.where = Bindings.createStringBinding(() -> Texts.get("board.freeze.where", board.identityProperty().get().isEmpty()
                ? board.connection().label() : board.connection().label() + " \u2014 " + board.identityProperty().get()),
                board.identityProperty());
        BooleanBinding idle = pending.isEqualTo(0);
        this.canUnfreeze = Bindings.isNotEmpty(chosen).and(stageProblem.isNull()).and(idle);
        this.canFreeze = canUnfreeze.and(reasonProblem.isNull());
        chosen.addListener((javafx.collections.ListChangeListener<String>) change -> suggestStages());
        suggestStages();
    }

    public void open() {
        suggestStages();
        open.set(true);
    }

    public void close() {
        open.set(false);
    }

    /** Disables the stage's inbound transition in every chosen pipeline, after confirmation. */
    public void freeze() {
        if (!canFreeze.get()) {
            return;
        }
        List<String> targets = List.copyOf(board.chosenNames());
        String stage = stageName.get().strip();
        TransitionReason why = new TransitionReason(reason.get());
        List<String> alreadyDisabled = new ArrayList<>();
        for (String pipeline : targets) {
            inbound(pipeline, stage).filter(t -> !t.enabled())
                    .ifPresent(t -> alreadyDisabled.add(Texts.get("board.freeze.pipelineWith", pipeline, describe(t))));
        }
        // With several accounts watched, which one is changed must be in front of the approver who confirms.
        String question = where.get() + "\n\n" + Texts.get("board.freeze.confirm.question", stage, listed(targets), why.text())
                + (alreadyDisabled.isEmpty() ? "" : "\n\n" + Texts.get("board.freeze.confirm.alreadyDisabled",
                        String.join(Texts.get("board.freeze.listSeparator"), alreadyDisabled)));
        if (!dialogs.confirm(Texts.get("board.freeze.confirm.title", stage, count(targets.size())), question,
                Texts.get("board.freeze.freezeButton", count(targets.size())))) {
            return;
        }
        run(targets, stage, true, pipeline -> {
            Optional<Transition> known = inbound(pipeline, stage);
            if (known.isPresent() && !known.get().enabled()) {
                // Somebody else's freeze keeps their reason and name; this run only reports it.
                return new Result(pipeline, Result.Kind.ALREADY, Texts.get("board.freeze.result.alreadyDisabled", describe(known.get())));
            }
            commands.disableTransition(pipeline, stage, why);
            return new Result(pipeline, Result.Kind.DONE, Texts.get("board.freeze.result.disabled", stage));
        });
    }

    /** Enables the stage's inbound transition in every chosen pipeline, after confirmation. */
    public void unfreeze() {
        if (!canUnfreeze.get()) {
            return;
        }
        List<String> targets = List.copyOf(board.chosenNames());
        String stage = stageName.get().strip();
        String freezeReason = reason.get();
        List<String> otherReasons = new ArrayList<>();
        for (String pipeline : targets) {
            inbound(pipeline, stage).filter(t -> !t.enabled() && !Objects.equals(t.disabledReason(), freezeReason))
                    .ifPresent(t -> otherReasons.add(Texts.get("board.freeze.pipelineWith", pipeline, describe(t))));
        }
        String question = where.get() + "\n\n" + Texts.get("board.unfreeze.confirm.question", stage, listed(targets))
                + (otherReasons.isEmpty() ? "" : "\n\n" + Texts.get("board.unfreeze.confirm.otherReasons",
                        String.join(Texts.get("board.freeze.listSeparator"), otherReasons)));
        if (!dialogs.confirm(Texts.get("board.unfreeze.confirm.title", stage, count(targets.size())), question,
                Texts.get("board.freeze.unfreezeButton", count(targets.size())))) {
            return;
        }
        run(targets, stage, false, pipeline -> {
            Optional<Transition> known = inbound(pipeline, stage);
            if (known.isPresent() && known.get().enabled()) {
                return new Result(pipeline, Result.Kind.ALREADY, Texts.get("board.freeze.result.notDisabled"));
            }
            commands.enableTransition(pipeline, stage);
            return new Result(pipeline, Result.Kind.DONE, Texts.get("board.freeze.result.enabled", stage));
        });
    }

    /** The work for one pipeline; runs off the UI thread. */
    private interface PerPipeline {
        Result apply(String pipeline);
    }

    private void run(List<String> targets, String stage, boolean freezing, PerPipeline work) {
        results.setAll(targets.stream()
                .map(p -> new Result(p, Result.Kind.PENDING, Texts.get(freezing ? "board.freeze.disabling" : "board.freeze.enabling"))).toList());
        summary.set(null);
        pending.set(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            int index = i;
            String pipeline = targets.get(i);
            tasks.submit(() -> work.apply(pipeline))
                    .onSuccess(result -> finished(index, result, stage, freezing))
                    .onFailure(error -> finished(index, failure(pipeline, error), stage, freezing));
        }
    }

    private void finished(int index, Result result, String stage, boolean freezing) {
        results.set(index, result);
        if (result.kind() == Result.Kind.DONE) {
            refreshPipeline.accept(result.pipelineName());
        }
        pending.set(pending.get() - 1);
        if (pending.get() == 0) {
            summary.set(summarize(stage, freezing));
        }
    }

    private static Result failure(String pipeline, Throwable error) {
        if (error instanceof GatewayException gateway) {
            Result.Kind kind = switch (gateway.problem()) {
                case NOT_FOUND -> Result.Kind.NOT_FOUND;
                case ACCESS_DENIED -> Result.Kind.DENIED;
                default -> Result.Kind.FAILED;
            };
            return new Result(pipeline, kind, gateway.getMessage());
        }
        return new Result(pipeline, Result.Kind.FAILED, error.getMessage() == null
                ? Texts.get("board.freeze.unexpected", error.getClass().getSimpleName())
                : Texts.get("board.freeze.unexpectedWith", error.getClass().getSimpleName(), error.getMessage()));
    }

    private String summarize(String stage, boolean freezing) {
        Map<Result.Kind, Integer> counts = new LinkedHashMap<>();
        results.forEach(r -> counts.merge(r.kind(), 1, Integer::sum));
        int done = counts.getOrDefault(Result.Kind.DONE, 0);
        String text = Texts.get(freezing ? "board.freeze.summary.froze" : "board.freeze.summary.unfroze", stage, done,
                count(results.size()));
        List<String> rest = new ArrayList<>();
        counts.forEach((kind, n) -> {
            if (kind != Result.Kind.DONE) {
                rest.add(Texts.get("board.freeze.tally." + kind.name() + (n == 1 ? ".one" : ".many"), n));
            }
        });
        return rest.isEmpty() ? Texts.get("board.freeze.summary.end", text)
                : Texts.get("board.freeze.summary.endWith", text, String.join(", ", rest));
    }

    /** What the chosen pipelines have under that stage name, from what the board last saw. */
    private String describeCoverage() {
        List<String> chosen = board.chosenNames();
        String stage = stageName.get() == null ? "" : stageName.get().strip();
        if (chosen.isEmpty() || stage.isEmpty()) {
            return "";
        }
        List<String> missing = new ArrayList<>();
        int disabled = 0;
        for (String pipeline : chosen) {
            Optional<PipelineSnapshot> snapshot = board.snapshotOf(pipeline);
            if (snapshot.isEmpty()) {
                continue;
            }
            Optional<Stage> found = snapshot.get().stage(stage);
            if (found.isEmpty()) {
                missing.add(pipeline);
            } else if (!found.get().inbound().enabled()) {
                disabled++;
            }
        }
        String has = missing.isEmpty() ? Texts.get("board.freeze.coverage.all", chosen.size(), stage)
                : Texts.get("board.freeze.coverage.some", chosen.size() - missing.size(), chosen.size(), stage,
                        String.join(", ", missing));
        return disabled == 0 ? Texts.get("board.freeze.coverage.end", has)
                : Texts.get("board.freeze.coverage.endDisabled", has, disabled);
    }

    private void suggestStages() {
        Map<String, Integer> names = new LinkedHashMap<>();
        for (String pipeline : board.chosenNames()) {
            board.snapshotOf(pipeline).ifPresent(snapshot -> {
                // The first stage has no inbound transition to disable.
                snapshot.stages().stream().skip(1).forEach(s -> names.merge(s.name(), 1, Integer::sum));
            });
        }
        List<String> ordered = names.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .map(Map.Entry::getKey).toList();
        if (!ordered.equals(stageSuggestions)) {
            stageSuggestions.setAll(ordered);
        }
    }

    private Optional<Transition> inbound(String pipeline, String stage) {
        return board.snapshotOf(pipeline).flatMap(s -> s.stage(stage)).map(Stage::inbound);
    }

    private static String describe(Transition transition) {
        String reason = Texts.get("board.freeze.quoted",
                Objects.toString(transition.disabledReason(), Texts.get("board.freeze.noReason")));
        return transition.lastChangedBy() == null ? reason
                : Texts.get("board.freeze.disabledBy", shortIdentity(transition.lastChangedBy()), reason);
    }

    private static String stageNameProblem(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            return Texts.get("board.freeze.stageProblem.empty");
        }
        if (!STAGE_NAME.matcher(stripped).matches()) {
            return Texts.get("board.freeze.stageProblem.invalid");
        }
        return null;
    }

    private static String listed(List<String> names) {
        return names.size() <= 6 ? String.join(", ", names)
                : Texts.get("board.freeze.andMore", String.join(", ", names.subList(0, 5)), names.size() - 5);
    }

    /** "1 pipeline", "3 pipelines". */
    static String count(int n) {
        return Texts.get(n == 1 ? "board.freeze.count.one" : "board.freeze.count.many", n);
    }

    private static String shortIdentity(String arn) {
        int slash = arn.lastIndexOf('/');
        return slash >= 0 && slash < arn.length() - 1 ? arn.substring(slash + 1) : arn;
    }

    // ------------------------------------------------------------------ properties

    /** Whether the freeze pane is shown in place of the pipeline. */
    public BooleanProperty openProperty() {
        return open;
    }

    public ObservableList<String> pipelines() {
        return board.chosenNames();
    }

    public StringProperty stageNameProperty() {
        return stageName;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** Stage names of the chosen pipelines that have an inbound transition, the most common first. */
    public ObservableList<String> stageSuggestions() {
        return stageSuggestions;
    }

    public StringBinding reasonProblemProperty() {
        return reasonProblem;
    }

    public StringBinding stageProblemProperty() {
        return stageProblem;
    }

    /** Which chosen pipelines have the stage, from what the board last saw: "2 of 3 have a stage Deploy; not x." */
    public StringBinding coverageProperty() {
        return coverage;
    }

    /** The account the freeze changes: "In Production — alice · Approver · 123456789012". */
    public StringBinding whereProperty() {
        return where;
    }

    public ObservableList<Result> results() {
        return readOnlyResults;
    }

    /** Pipelines still being changed. */
    public ReadOnlyIntegerProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /** One sentence on the last run once every pipeline answered; null before. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public BooleanBinding canFreezeProperty() {
        return canFreeze;
    }

    public BooleanBinding canUnfreezeProperty() {
        return canUnfreeze;
    }
}
