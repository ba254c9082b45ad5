package dev.tollgate.pipeline;

import static dev.tollgate.pipeline.Snapshots.pipeline;
import static dev.tollgate.pipeline.Snapshots.stage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * After a stage rolls back, GetPipelineState shows the rollback where the newest execution failed: the headline
 * follows the rollback instead of waiting forever for the newest execution to reach the last stage.
 */
class RollbackHeadlineTest {

    private static Stage rolledBack(String name, String status) {
        return new Stage(name, Transition.ALWAYS_ENABLED, List.of(),
                Optional.of(new Stage.StageRun("rollback", Status.fromWire(status), true)), Optional.empty());
    }

    @Test
    void aFinishedRollbackAfterTheNewestExecutionIsTheHeadline() {
        PipelineSnapshot snapshot = pipeline("p",
                stage("Source", "new", "Succeeded"), stage("Build", "new", "Succeeded"), rolledBack("Deploy", "Succeeded"));

        assertThat(snapshot.headline().kind()).isEqualTo(Status.Kind.SUCCEEDED);
        assertThat(snapshot.latestExecutionId()).contains("new");
    }

    @Test
    void aRollbackStillRunningReadsInProgress() {
        PipelineSnapshot snapshot = pipeline("p", stage("Source", "new", "Succeeded"), rolledBack("Deploy", "InProgress"));

        assertThat(snapshot.headline().kind()).isEqualTo(Status.Kind.IN_PROGRESS);
    }

    @Test
    void aRollbackOfAStageTheNewestExecutionWentPastDoesNotHideIt() {
        PipelineSnapshot snapshot = pipeline("p",
                stage("Source", "new", "Succeeded"), rolledBack("Staging", "Succeeded"), stage("Production", "new", "Failed"));

        assertThat(snapshot.headline().kind()).isEqualTo(Status.Kind.FAILED);
    }

    @Test
    void aNewerExecutionNotYetAtTheRolledBackStageIsInProgress() {
        PipelineSnapshot snapshot = pipeline("p",
                stage("Source", "newer", "Succeeded"), stage("Build", "newer", "InProgress"), rolledBack("Deploy", "Succeeded"));

        assertThat(snapshot.headline().kind()).isEqualTo(Status.Kind.IN_PROGRESS);
    }
}
