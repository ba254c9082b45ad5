package dev.tollgate.watch;

import dev.tollgate.pipeline.Action;
import dev.tollgate.pipeline.ActionRun;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.Status;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How long actions take to succeed, learnt by watching them: an action seen in progress and then seen
 * succeeded, in the same run, took the time between its two status changes (both read from AWS's clock, so the
 * desktop's clock does not matter). A build that took two minutes every time will not end ten seconds after it
 * started; the watcher uses this to ask a pipeline often only once its approval can be near.
 *
 * <p>A pipeline's own runs are the best guide once there are a few of them. Before that, the runs of the same
 * provider's action of the same name across the account stand in: a quicker project among them only makes the
 * watcher ask sooner. Not thread-safe: {@link PollPlan} owns it.
 */
final class ActionDurations {

    /** Runs kept per action of a pipeline: builds speed up and slow down as projects change. */
    static final int KEPT_PER_ACTION = 5;
    /** Runs kept per provider and action name across the account. */
    static final int KEPT_PER_KIND = 10;
    /**
     * Runs needed before any is trusted, the pipeline's own or the account's: the shortest of one or two runs of
     * a build that takes 2 to 5 minutes is often well above its shortest possible run.
     */
    static final int RUNS_TRUSTED = 3;
    /**
     * The action is expected to take at least the shortest run seen divided by this. The next run is shorter than
     * the shortest of n runs once in n + 1, but seldom by half; when it is, its approval is seen at the
     * pipeline's next 10-second look.
     */
    static final int SHORTEST_RUN_DIVISOR = 2;

    private final Map<String, Map<String, Deque<Duration>>> byPipeline = new HashMap<>();
    private final Map<String, Deque<Duration>> byKind = new HashMap<>();

    /** Learns from the actions that succeeded between two snapshots of the same pipeline. */
    void learn(PipelineSnapshot before, PipelineSnapshot after) {
        for (Stage stage : after.stages()) {
            Optional<Stage> earlier = before.stage(stage.name());
            if (earlier.isEmpty()) {
                continue;
            }
            for (Action action : stage.actions()) {
                Optional<ActionRun> ended = action.latest()
                        .filter(run -> run.status().is(Status.Kind.SUCCEEDED) && run.lastStatusChange() != null);
                Optional<ActionRun> started = earlier.get().actions().stream()
                        .filter(old -> old.name().equals(action.name()))
                        .findFirst()
                        .flatMap(Action::latest)
                        .filter(run -> run.status().is(Status.Kind.IN_PROGRESS) && run.lastStatusChange() != null);
                if (ended.isPresent() && started.isPresent()
                        && ended.get().actionExecutionId() != null
                        && ended.get().actionExecutionId().equals(started.get().actionExecutionId())) {
                    Duration took = Duration.between(started.get().lastStatusChange(), ended.get().lastStatusChange());
                    if (!took.isNegative()) {
                        remember(byPipeline.computeIfAbsent(after.name(), name -> new HashMap<>())
                                .computeIfAbsent(actionKey(stage, action), key -> new ArrayDeque<>()), took, KEPT_PER_ACTION);
                        remember(byKind.computeIfAbsent(kindKey(action), key -> new ArrayDeque<>()), took, KEPT_PER_KIND);
                    }
                }
            }
        }
    }

    /**
     * How long this action of this pipeline can be expected to take at the least, from the runs seen; empty until
     * enough were seen.
     */
    Optional<Duration> atLeast(String pipelineName, Stage stage, Action action) {
        Deque<Duration> own = byPipeline.getOrDefault(pipelineName, Map.of()).get(actionKey(stage, action));
        Deque<Duration> runs = own != null && own.size() >= RUNS_TRUSTED ? own : byKind.get(kindKey(action));
        return runs == null || runs.size() < RUNS_TRUSTED ? Optional.empty() : Optional.of(lowerBound(runs));
    }

    /** The pipeline was deleted: what its actions took no longer guides anything of its own. */
    void forget(String pipelineName) {
        byPipeline.remove(pipelineName);
    }

    static Duration lowerBound(Collection<Duration> runs) {
        return runs.stream().min(Duration::compareTo).orElseThrow().dividedBy(SHORTEST_RUN_DIVISOR);
    }

    private static void remember(Deque<Duration> durations, Duration took, int kept) {
        durations.addLast(took);
        while (durations.size() > kept) {
            durations.removeFirst();
        }
    }

    private static String actionKey(Stage stage, Action action) {
        return stage.name() + "\u0000" + action.name();
    }

    private static String kindKey(Action action) {
        return action.category() + "\u0000" + action.provider() + "\u0000" + action.name();
    }
}
