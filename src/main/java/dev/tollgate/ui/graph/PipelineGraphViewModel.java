package dev.tollgate.ui.graph;

import dev.tollgate.pipeline.PipelineCommands;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.RetryMode;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.Status;
import dev.tollgate.pipeline.StopMode;
import dev.tollgate.pipeline.StopReason;
import dev.tollgate.pipeline.Transition;
import dev.tollgate.pipeline.TransitionReason;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.ui.common.DialogService;
import dev.tollgate.ui.common.TextQuestion;
import dev.tollgate.ui.common.Texts;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selected pipeline's stages and what an approver may do to them: toggle a transition (disabling needs a
 * reason AWS accepts), retry a failed stage, stop a running execution, release a change. Each command is
 * confirmed, runs off the UI thread, reports its outcome as a sentence, and refreshes the pipeline at once.
 * One command at a time: a second click while one runs is ignored, and the view shows what runs.
 */
public final class PipelineGraphViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineGraphViewModel.class);

    /** How the last command went. */
    public record Outcome(Kind kind, String message) {
        public enum Kind { DONE, FAILED }
    }

    private final PipelineCommands commands;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Consumer<String> refreshPipeline;

    private final ReadOnlyObjectWrapper<PipelineSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyStringWrapper running = new ReadOnlyStringWrapper(this, "running");
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final BooleanBinding busy = running.isNotNull();

    public PipelineGraphViewModel(PipelineCommands commands, BackgroundTasks tasks, DialogService dialogs,
            Consumer<String> refreshPipeline) {
        this.commands = Objects.requireNonNull(commands);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.refreshPipeline = Objects.requireNonNull(refreshPipeline);
    }

    /** Follows the selected pipeline; the outcome of a command on another pipeline is cleared when idle. */
    public void show(PipelineSnapshot next) {
        PipelineSnapshot previous = snapshot.get();
        if (previous != null && next != null && !previous.name().equals(next.name()) && running.get() == null) {
            outcome.set(null);
        }
        snapshot.set(next);
    }

    /** The approver has read the outcome. */
    public void dismissOutcome() {
        outcome.set(null);
    }

    // ------------------------------------------------------------------ what is possible now

    /** The execution a retry of this stage would run again: its latest one, if it failed or was stopped. */
    public Optional<String> retryableExecution(String stageName) {
        return stage(stageName).filter(s -> s.status().is(Status.Kind.FAILED) || s.status().is(Status.Kind.STOPPED))
                .flatMap(Stage::latest).map(Stage.StageRun::pipelineExecutionId);
    }

    /** The execution running in this stage, which a stop would end. */
    public Optional<String> runningExecution(String stageName) {
        return stage(stageName).filter(s -> s.status().is(Status.Kind.IN_PROGRESS))
                .flatMap(Stage::latest).map(Stage.StageRun::pipelineExecutionId);
    }

    /** The newest execution, while it runs or waits (at an approval or a disabled transition). */
    public Optional<String> latestRunningExecution() {
        PipelineSnapshot shown = snapshot.get();
        if (shown == null || !shown.headline().is(Status.Kind.IN_PROGRESS)) {
            return Optional.empty();
        }
        return shown.latestExecutionId();
    }

    /** Whether the stage has an inbound transition at all: the first stage has none. */
    public boolean hasInboundTransition(String stageName) {
        PipelineSnapshot shown = snapshot.get();
        return shown != null && !shown.stages().isEmpty() && !shown.stages().get(0).name().equals(stageName)
                && stage(stageName).isPresent();
    }

    // ------------------------------------------------------------------ commands

    /** Clicking a transition: disable an enabled one (asking why), enable a disabled one. */
    public void toggleTransition(String stageName) {
        stage(stageName).ifPresent(stage -> {
            if (stage.inbound().enabled()) {
                disableTransition(stageName);
            } else {
                enableTransition(stageName);
            }
        });
    }

    public void disableTransition(String stageName) {
        PipelineSnapshot shown = snapshot.get();
        if (shown == null || busy.get() || !hasInboundTransition(stageName)) {
            return;
        }
        String pipeline = shown.name();
        Optional<String> reason = dialogs.askText(new TextQuestion(
                Texts.get("graph.disable.title", stageName),
                Texts.get("graph.disable.question", pipeline, stageName),
                Texts.get("graph.reason"),
                "",
                TransitionReason.MAX_LENGTH,
                Texts.get("graph.disable.confirm"),
                false,
                ReasonProblems::transition));
        if (reason.isEmpty()) {
            return;
        }
        TransitionReason why = new TransitionReason(reason.get());
        run(pipeline, Texts.get("graph.disable.progress", stageName), () -> {
            commands.disableTransition(pipeline, stageName, why);
            return Texts.get("graph.disable.done", stageName, pipeline, why.text());
        });
    }

    public void enableTransition(String stageName) {
        PipelineSnapshot shown = snapshot.get();
        Optional<Stage> stage = stage(stageName);
        if (shown == null || busy.get() || stage.isEmpty() || !hasInboundTransition(stageName)) {
            return;
        }
        String pipeline = shown.name();
        Transition transition = stage.get().inbound();
        Optional<String> held = stage.get().heldExecutionId();
        String question = whoDisabled(transition) + " "
                + held.map(id -> Texts.get("graph.enable.heldEnters", shortId(id), stageName))
                        .orElseGet(() -> Texts.get("graph.enable.enterAgain", stageName));
        if (!dialogs.confirm(Texts.get("graph.enable.title", stageName, pipeline), question, Texts.get("graph.enable.confirm"))) {
            return;
        }
        run(pipeline, Texts.get("graph.enable.progress", stageName), () -> {
            commands.enableTransition(pipeline, stageName);
            return Texts.get("graph.enable.done", stageName, pipeline)
                    + held.map(id -> " " + Texts.get("graph.enable.doneHeld", shortId(id), stageName)).orElse("");
        });
    }

    public void retry(String stageName, RetryMode mode) {
        PipelineSnapshot shown = snapshot.get();
        Optional<String> execution = retryableExecution(stageName);
        if (shown == null || busy.get() || execution.isEmpty()) {
            return;
        }
        String pipeline = shown.name();
        String id = execution.get();
        String which = mode == RetryMode.ALL_ACTIONS ? "All" : "Failed";
        if (!dialogs.confirm(Texts.get("graph.retry.title", stageName, pipeline),
                Texts.get("graph.retry.question" + which, stageName, shortId(id)),
                Texts.get("graph.retry.confirm" + which))) {
            return;
        }
        run(pipeline, Texts.get("graph.retry.progress", stageName), () -> {
            commands.retryStage(pipeline, stageName, id, mode);
            return Texts.get("graph.retry.done" + which, stageName, shortId(id), pipeline);
        });
    }

    /** Stops an execution of the shown pipeline after asking for an optional reason. */
    public void stop(String executionId, StopMode mode) {
        PipelineSnapshot shown = snapshot.get();
        if (shown == null || busy.get() || executionId == null) {
            return;
        }
        String pipeline = shown.name();
        boolean abandon = mode == StopMode.STOP_AND_ABANDON;
        Optional<String> reason = dialogs.askText(new TextQuestion(
                Texts.get(abandon ? "graph.abandon.title" : "graph.stop.title", shortId(executionId), pipeline),
                Texts.get(abandon ? "graph.abandon.question" : "graph.stop.question"),
                Texts.get("graph.reasonOptional"),
                "",
                StopReason.MAX_LENGTH,
                Texts.get(abandon ? "graph.abandon.confirm" : "graph.stop.confirm"),
                true,
                ReasonProblems::stop));
        if (reason.isEmpty()) {
            return;
        }
        StopReason why = new StopReason(reason.get().strip());
        run(pipeline, Texts.get("graph.stop.progress", shortId(executionId)), () -> {
            commands.stopExecution(pipeline, executionId, mode, why);
            return Texts.get(abandon ? "graph.abandon.done" : "graph.stop.done", shortId(executionId), pipeline);
        });
    }

    /** Starts a new execution with the latest source revisions. */
    public void releaseChange() {
        PipelineSnapshot shown = snapshot.get();
        if (shown == null || busy.get()) {
            return;
        }
        String pipeline = shown.name();
        String mode = shown.executionMode();
        String superseding = "SUPERSEDED".equals(mode) && shown.headline().is(Status.Kind.IN_PROGRESS)
                ? " " + Texts.get("graph.release.superseding") : "";
        if (!dialogs.confirm(Texts.get("graph.release.title", pipeline),
                Texts.get("graph.release.question") + superseding, Texts.get("graph.release"))) {
            return;
        }
        run(pipeline, Texts.get("graph.release.progress"), () -> {
            String started = commands.startExecution(pipeline);
            return Texts.get("graph.release.done", shortId(started), pipeline);
        });
    }

    private void run(String pipeline, String progress, Callable<String> work) {
        running.set(progress);
        outcome.set(null);
        tasks.submit(work)
                .onSuccess(message -> {
                    running.set(null);
                    outcome.set(new Outcome(Outcome.Kind.DONE, message));
                    LOG.info(message);
                    refreshPipeline.accept(pipeline);
                })
                .onFailure(error -> {
                    running.set(null);
                    String message = messageOf(error);
                    LOG.warn(message);
                    outcome.set(new Outcome(Outcome.Kind.FAILED, message));
                    // The refusal often means the pipeline moved on (already stopped, retried elsewhere): show it.
                    refreshPipeline.accept(pipeline);
                });
    }

    private Optional<Stage> stage(String stageName) {
        PipelineSnapshot shown = snapshot.get();
        return shown == null ? Optional.empty() : shown.stage(stageName);
    }

    private static String messageOf(Throwable error) {
        return Texts.problemOf(error);
    }

    /** "It was disabled by dana.okafor on 24 Nov 20:08: “Quarter-end freeze”." with what is known. */
    private static String whoDisabled(Transition transition) {
        String by = transition.lastChangedBy() == null ? null : shortIdentity(transition.lastChangedBy());
        String on = transition.lastChangedAt() == null ? null : Texts.dates("d MMM HH:mm").format(transition.lastChangedAt());
        String disabled = by != null && on != null ? Texts.get("graph.enable.disabledByOn", by, on)
                : by != null ? Texts.get("graph.enable.disabledBy", by)
                : on != null ? Texts.get("graph.enable.disabledOn", on)
                : Texts.get("graph.enable.disabled");
        return transition.disabledReason() == null ? Texts.get("graph.enable.end", disabled)
                : Texts.get("graph.enable.because", disabled, transition.disabledReason());
    }

    static String shortId(String id) {
        return id == null ? "?" : id.substring(0, Math.min(8, id.length()));
    }

    /** "arn:aws:sts::123:assumed-role/Approver/alice" reads as "alice". */
    static String shortIdentity(String arn) {
        int slash = arn.lastIndexOf('/');
        return slash >= 0 && slash < arn.length() - 1 ? arn.substring(slash + 1) : arn;
    }

    // ------------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<PipelineSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** What runs now, as a progress sentence; null when idle. */
    public ReadOnlyStringProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
