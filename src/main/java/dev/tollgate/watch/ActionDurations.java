package dev.tollgate.watch;

import dev.tollgate.pipeline.Action;
import dev.tollgate.pipeline.ActionRun;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
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
 * <p>The pipeline's own action is the best guide. Before it has been seen once, the same provider's action of
 * the same name in other pipelines of the account stands in: the shortest of those, so that a quicker project
 * there only makes the watcher ask sooner. Not thread-safe: {@link PollPlan} owns it.
 */
final class ActionDurations {

    /** Durations kept per action of a pipeline: builds speed up and slow down as projects change. */
    static final int KEPT_PER_ACTION = 5;
    /** Durations kept per provider and action name across the account. */
    static final int KEPT_PER_KIND = 10;
    /**
     * An action is expected to take at least this share of its shortest known run: a cached build, a smaller
     * change or a quieter build fleet can make it faster than ever seen.
     */
    static final double EARLIEST_SHARE = 0.75;

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

    /** The shortest time this action of this pipeline is known to take to succeed; empty when never seen. */
    Optional<Duration> shortest(String pipelineName, Stage stage, Action action) {
        Deque<Duration> own = byPipeline.getOrDefault(pipelineName, Map.of()).get(actionKey(stage, action));
        Deque<Duration> seen = own != null ? own : byKind.get(kindKey(action));
        return seen == null ? Optional.empty() : seen.stream().min(Duration::compareTo);
    }

    /** The pipeline was deleted: what its actions took no longer guides anything of its own. */
    void forget(String pipelineName) {
        byPipeline.remove(pipelineName);
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

    /** When an action that started at {@code startedAt} can succeed at the earliest, allowing for faster runs. */
    static Instant earliestEnd(Instant startedAt, Duration shortest) {
        return startedAt.plus(Duration.ofNanos(Math.round(shortest.toNanos() * EARLIEST_SHARE)));
    }
}
