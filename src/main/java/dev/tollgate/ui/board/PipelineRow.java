package dev.tollgate.ui.board;

import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.Status;
import java.time.Instant;

/** One line of the pipeline list: what an approver scans for. */
public record PipelineRow(
        String name,
        Status headline,
        int pendingApprovals,
        int disabledTransitions,
        Instant updatedAt,
        String problem) {

    static PipelineRow unknown(String name) {
        return new PipelineRow(name, Status.NOT_RUN, 0, 0, null, null);
    }

    static PipelineRow of(PipelineSnapshot snapshot) {
        return new PipelineRow(snapshot.name(), snapshot.headline(), snapshot.pendingApprovals().size(),
                snapshot.disabledTransitions().size(), snapshot.fetchedAt(), null);
    }

    PipelineRow failing(String message) {
        return new PipelineRow(name, headline, pendingApprovals, disabledTransitions, updatedAt, message);
    }

    /** Same content, ignoring when it was fetched: replacing an unchanged row would only make the list flicker. */
    boolean sameContentAs(PipelineRow other) {
        return other != null && name.equals(other.name) && headline.equals(other.headline)
                && pendingApprovals == other.pendingApprovals && disabledTransitions == other.disabledTransitions
                && java.util.Objects.equals(problem, other.problem);
    }
}
