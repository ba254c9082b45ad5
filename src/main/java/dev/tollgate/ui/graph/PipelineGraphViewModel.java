package dev.tollgate.ui.graph;

import dev.tollgate.pipeline.GatewayException;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm").withZone(ZoneId.systemDefault());

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
                "Disable the transition into " + stageName + "?",
                "Executions of " + pipeline + " that finish the stage before " + stageName + " will wait there until "
                        + "somebody enables the transition again. The reason is shown to everyone who looks at the pipeline.",
                "Reason",
                "",
                TransitionReason.MAX_LENGTH,
                "Disable transition",
                false,
                TransitionReason::problemWith));
        if (reason.isEmpty()) {
            return;
        }
        TransitionReason why = new TransitionReason(reason.get());
        run(pipeline, "Disabling the transition into " + stageName + "…", () -> {
            commands.disableTransition(pipeline, stageName, why);
            return "Disabled the transition into " + stageName + " of " + pipeline + ": \u201c" + why.text() + "\u201d.";
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
        String question = "It was disabled"
                + (transition.lastChangedBy() == null ? "" : " by " + shortIdentity(transition.lastChangedBy()))
                + (transition.lastChangedAt() == null ? "" : " on " + WHEN.format(transition.lastChangedAt()))
                + (transition.disabledReason() == null ? "." : ": \u201c" + transition.disabledReason() + "\u201d.")
                + held.map(id -> " Execution " + shortId(id) + " waits before " + stageName + " and will enter it at once.")
                        .orElse(" Executions will enter " + stageName + " again.");
        if (!dialogs.confirm("Enable the transition into " + stageName + " of " + pipeline + "?", question, "Enable transition")) {
            return;
        }
        run(pipeline, "Enabling the transition into " + stageName + "…", () -> {
            commands.enableTransition(pipeline, stageName);
            return "Enabled the transition into " + stageName + " of " + pipeline + "."
                    + held.map(id -> " Execution " + shortId(id) + " enters " + stageName + " now.").orElse("");
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
        String what = mode == RetryMode.ALL_ACTIONS ? "every action of " + stageName : "the failed actions of " + stageName;
        if (!dialogs.confirm("Retry " + stageName + " of " + pipeline + "?",
                "Runs " + what + " again for execution " + shortId(id) + "."
                        + (mode == RetryMode.ALL_ACTIONS ? " Actions that succeeded run again too." : ""),
                mode == RetryMode.ALL_ACTIONS ? "Retry all actions" : "Retry failed actions")) {
            return;
        }
        run(pipeline, "Retrying " + stageName + "…", () -> {
            commands.retryStage(pipeline, stageName, id, mode);
            return "Retrying " + what + " (execution " + shortId(id) + ") in " + pipeline + ".";
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
                (abandon ? "Stop and abandon" : "Stop") + " execution " + shortId(executionId) + " of " + pipeline + "?",
                abandon ? "Running actions are abandoned at once. This can leave a deployment half done; "
                        + "the execution cannot be resumed, only its stopped stage retried."
                        : "Running actions finish their work, then the execution stops; nothing further starts. "
                        + "Its stopped stage can be retried later.",
                "Reason (optional)",
                "",
                StopReason.MAX_LENGTH,
                abandon ? "Stop and abandon" : "Stop execution",
                true,
                StopReason::problemWith));
        if (reason.isEmpty()) {
            return;
        }
        StopReason why = new StopReason(reason.get().strip());
        run(pipeline, "Stopping execution " + shortId(executionId) + "…", () -> {
            commands.stopExecution(pipeline, executionId, mode, why);
            return (abandon ? "Stopped and abandoned" : "Stopping") + " execution " + shortId(executionId) + " of "
                    + pipeline + (abandon ? "." : "; running actions finish first.");
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
                ? " The execution running now may be superseded where the new one catches up with it." : "";
        if (!dialogs.confirm("Release a change in " + pipeline + "?",
                "Starts a new execution with the latest commit of each source." + superseding, "Release change")) {
            return;
        }
        run(pipeline, "Starting a new execution…", () -> {
            String started = commands.startExecution(pipeline);
            return "Started execution " + shortId(started) + " of " + pipeline + ".";
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
        return error instanceof GatewayException ? error.getMessage()
                : "Unexpected " + error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
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
