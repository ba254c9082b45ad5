package dev.tollgate.sandbox.engine;

import java.util.ArrayList;
import java.util.List;

/** One execution's pass through one stage. */
final class StageRun {

    final PipelineRun run;
    final StageDefinition stage;
    StageExecutionStatus status = StageExecutionStatus.InProgress;
    /** Position in {@link StageDefinition#runOrders()} of the group of actions now running. */
    int groupIndex;
    /** How many times this stage was retried by hand for this execution. */
    int manualRetryAttempt;
    final List<ActionRun> actions = new ArrayList<>();

    StageRun(PipelineRun run, StageDefinition stage) {
        this.run = run;
        this.stage = stage;
    }

    List<ActionRun> currentGroup() {
        int runOrder = stage.runOrders().get(groupIndex);
        return actions.stream().filter(a -> a.action.runOrder() == runOrder).toList();
    }
}
