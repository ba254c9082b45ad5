package dev.tollgate.ui.board;

import dev.tollgate.pipeline.Action;
import dev.tollgate.pipeline.ActionRun;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.Status;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of the pipeline list: what an approver scans for. {@code updatedAt} is when Tollgate last heard
 * about the pipeline; {@code lastChange} is when something in it last happened (an action or a transition).
 */
public record PipelineRow(
        String name,
        Status headline,
        int pendingApprovals,
        int disabledTransitions,
        Instant updatedAt,
        String problem,
        List<StageMark> stages,
        Instant lastChange) {

    /** One stage in the row's progress strip. */
    public record StageMark(String name, Status status, boolean gateClosed, boolean holdsExecution) {
    }

    public PipelineRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(headline, "headline");
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    static PipelineRow unknown(String name) {
        return new PipelineRow(name, Status.NOT_RUN, 0, 0, null, null, List.of(), null);
    }

    static PipelineRow of(PipelineSnapshot snapshot) {
        List<StageMark> marks = snapshot.stages().stream()
                .map(stage -> new StageMark(stage.name(), stage.status(), !stage.inbound().enabled(),
                        stage.heldExecutionId().isPresent()))
                .toList();
        return new PipelineRow(snapshot.name(), snapshot.headline(), snapshot.pendingApprovals().size(),
                snapshot.disabledTransitions().size(), snapshot.fetchedAt(), null, marks, lastChange(snapshot));
    }

    /** Whether the row has been filled from a snapshot at least once. */
    public boolean isKnown() {
        return updatedAt != null;
    }

    PipelineRow failing(String message) {
        return new PipelineRow(name, headline, pendingApprovals, disabledTransitions, updatedAt, message, stages, lastChange);
    }

    /** Same content, ignoring when it was fetched: replacing an unchanged row would only make the list flicker. */
    boolean sameContentAs(PipelineRow other) {
        return other != null && name.equals(other.name) && headline.equals(other.headline)
                && pendingApprovals == other.pendingApprovals && disabledTransitions == other.disabledTransitions
                && Objects.equals(problem, other.problem) && stages.equals(other.stages)
                && Objects.equals(lastChange, other.lastChange);
    }

    private static Instant lastChange(PipelineSnapshot snapshot) {
        Instant latest = null;
        for (Stage stage : snapshot.stages()) {
            latest = later(latest, stage.inbound().lastChangedAt());
            for (Action action : stage.actions()) {
                latest = later(latest, action.latest().map(ActionRun::lastStatusChange).orElse(null));
            }
        }
        return latest;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
