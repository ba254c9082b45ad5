package dev.tollgate.pipeline;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * An action of a stage: its declaration (category, provider, run order, configuration) joined with its
 * latest run, which is absent for an action that never ran.
 */
public record Action(
        String name,
        ActionCategory category,
        String provider,
        int runOrder,
        Map<String, String> configuration,
        Optional<ActionRun> latest,
        Optional<Revision> currentRevision,
        String entityUrl,
        Optional<Duration> timeout) {

    public Action {
        configuration = Map.copyOf(configuration);
    }

    public Status status() {
        return latest.map(ActionRun::status).orElse(Status.NOT_RUN);
    }

    /** A manual approval that is waiting for a decision right now. */
    public boolean isWaitingForApproval() {
        return category == ActionCategory.APPROVAL
                && latest.map(run -> run.status().is(Status.Kind.IN_PROGRESS) && run.token() != null).orElse(false);
    }
}
