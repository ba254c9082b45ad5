package dev.tollgate.sandbox.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A state change of a pipeline execution, one of its stages or one of its actions, as CodePipeline reports
 * them to EventBridge. The engine announces each change at the simulated instant it happens, in the order
 * AWS sends them: an action's end before its stage's, a stage's before the next stage starts.
 */
public sealed interface StateChange {

    /** EventBridge's spelling of the new state, e.g. {@code STARTED}, {@code SUCCEEDED}. */
    enum State { STARTED, RESUMED, SUCCEEDED, FAILED, STOPPING, STOPPED, SUPERSEDED, CANCELED, ABANDONED }

    String pipeline();

    String executionId();

    int pipelineVersion();

    Instant executionStart();

    Instant at();

    State state();

    /** The execution as a whole. */
    record Pipeline(String pipeline, String executionId, int pipelineVersion, Instant executionStart, Instant at,
                    State state, Trigger trigger) implements StateChange {
    }

    /** The execution's pass through one stage. */
    record Stage(String pipeline, String executionId, int pipelineVersion, Instant executionStart, Instant at,
                 State state, String stage) implements StateChange {
    }

    /**
     * One action execution. The result members are set once the action has ended; {@code error} only when it
     * failed.
     */
    record Action(String pipeline, String executionId, int pipelineVersion, Instant executionStart, Instant at,
                  State state, String stage, String action, ActionTypeId type, List<ArtifactLocation> inputArtifacts,
                  List<ArtifactLocation> outputArtifacts, Optional<String> externalExecutionId,
                  Optional<String> externalExecutionUrl, Optional<String> externalExecutionSummary,
                  Optional<ErrorDetails> error) implements StateChange {

        public Action {
            inputArtifacts = List.copyOf(inputArtifacts);
            outputArtifacts = List.copyOf(outputArtifacts);
        }
    }
}
