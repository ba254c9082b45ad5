package dev.tollgate.sandbox.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stage as a place executions pass through: its inbound transition, who is inside, who waits at the
 * door, and the latest stage and action executions that GetPipelineState reports.
 */
final class StageSlot {

    final String name;
    boolean inboundEnabled = true;
    String lastChangedBy;
    Instant lastChangedAt;
    String disabledReason;
    /** Executions waiting to enter, in arrival order. */
    final List<PipelineRun> waiting = new ArrayList<>();
    final List<PipelineRun> occupants = new ArrayList<>();
    StageRun latest;
    final Map<String, ActionRun> latestActions = new HashMap<>();
    /** The latest evaluation of each kind of condition the stage declares. */
    final Map<ConditionCheck.Kind, ConditionCheck> conditionChecks = new EnumMap<>(ConditionCheck.Kind.class);

    StageSlot(String name) {
        this.name = name;
    }
}
