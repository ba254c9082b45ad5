package dev.tollgate.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small builders for snapshots in tests: a stage per call, actions with a status and optionally a token. */
public final class Snapshots {

    public static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private Snapshots() {
    }

    public static Action action(String name, ActionCategory category, String status, String token) {
        Optional<ActionRun> run = status == null ? Optional.empty() : Optional.of(new ActionRun(
                "ae-" + name, Status.fromWire(status), null, NOW.minusSeconds(600), token, null, null, null, null, null));
        return new Action(name, category, "Provider", 1, Map.of(), run, Optional.empty(), null, Optional.empty());
    }

    public static Action approval(String name, String token, Map<String, String> configuration, Duration timeout) {
        Optional<ActionRun> run = Optional.of(new ActionRun(
                "ae-" + name, Status.fromWire("InProgress"), null, NOW.minusSeconds(3600), token, null, null, null, null, null));
        return new Action(name, ActionCategory.APPROVAL, "Manual", 1, configuration, run, Optional.empty(), null,
                Optional.ofNullable(timeout));
    }

    public static Stage stage(String name, String executionId, String status, Action... actions) {
        Optional<Stage.StageRun> run = executionId == null ? Optional.empty()
                : Optional.of(new Stage.StageRun(executionId, Status.fromWire(status)));
        return new Stage(name, Transition.ALWAYS_ENABLED, List.of(actions), run, Optional.empty());
    }

    public static PipelineSnapshot pipeline(String name, Stage... stages) {
        return new PipelineSnapshot(name, 1, "SUPERSEDED", List.of(stages), NOW);
    }
}
