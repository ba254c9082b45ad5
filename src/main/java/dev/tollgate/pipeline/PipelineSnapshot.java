package dev.tollgate.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything Tollgate knows about one pipeline at one moment: its declaration joined with its state.
 * Immutable; a newer snapshot replaces it whole.
 */
public record PipelineSnapshot(String name, int version, String executionMode, List<Stage> stages, Instant fetchedAt) {

    public PipelineSnapshot {
        stages = List.copyOf(stages);
        executionMode = executionMode == null ? "SUPERSEDED" : executionMode;
    }

    /** Every manual approval of this pipeline that waits for a decision now, in stage order. */
    public List<ApprovalRequest> pendingApprovals() {
        List<ApprovalRequest> pending = new ArrayList<>();
        for (Stage stage : stages) {
            for (Action action : stage.actions()) {
                if (!action.isWaitingForApproval()) {
                    continue;
                }
                ActionRun run = action.latest().orElseThrow();
                pending.add(new ApprovalRequest(
                        name,
                        stage.name(),
                        action.name(),
                        stage.latest().map(Stage.StageRun::pipelineExecutionId).orElse(null),
                        run.token(),
                        run.lastStatusChange(),
                        action.timeout().orElse(ApprovalRequest.DEFAULT_TIMEOUT),
                        action.configuration().get("CustomData"),
                        action.configuration().get("ExternalEntityLink")));
            }
        }
        return pending;
    }

    /** How the reviewed wait stands in this snapshot; empty while it still waits unchanged. */
    public Optional<ApprovalChange> changeOf(ApprovalRequest reviewed) {
        return ApprovalChange.between(reviewed, this);
    }

    /**
     * The stage that deploys what this approval lets through: the first stage after it with a Deploy action.
     * What that stage last ran successfully is what runs today.
     */
    public Optional<Stage> deployStageAfter(String approvalStageName) {
        boolean after = false;
        for (Stage stage : stages) {
            if (after && stage.actions().stream().anyMatch(a -> a.category() == ActionCategory.DEPLOY)) {
                return Optional.of(stage);
            }
            after = after || stage.name().equals(approvalStageName);
        }
        return Optional.empty();
    }

    public Optional<Stage> stage(String stageName) {
        return stages.stream().filter(stage -> stage.name().equals(stageName)).findFirst();
    }

    /** The newest execution: the one that most recently entered the first stage. */
    public Optional<String> latestExecutionId() {
        return stages.isEmpty() ? Optional.empty()
                : stages.get(0).latest().map(Stage.StageRun::pipelineExecutionId);
    }

    /**
     * The status of the newest execution as far as GetPipelineState tells it: in progress while any of its
     * stages runs or it is held before a stage, failed or stopped where one of its stages ended so, succeeded
     * once its last stage succeeded.
     */
    public Status headline() {
        Optional<String> latestId = latestExecutionId();
        if (latestId.isEmpty()) {
            return Status.NOT_RUN;
        }
        String id = latestId.get();
        Status lastOfItsStages = Status.NOT_RUN;
        for (Stage stage : stages) {
            if (stage.heldExecutionId().filter(id::equals).isPresent()) {
                return Status.fromWire("InProgress");
            }
            Optional<Stage.StageRun> run = stage.latest().filter(r -> id.equals(r.pipelineExecutionId()));
            if (run.isEmpty()) {
                continue;
            }
            Status status = run.get().status();
            if (!status.is(Status.Kind.SUCCEEDED)) {
                return status;
            }
            lastOfItsStages = status;
        }
        boolean reachedLastStage = stages.get(stages.size() - 1).latest()
                .filter(r -> id.equals(r.pipelineExecutionId())).isPresent();
        return reachedLastStage ? lastOfItsStages : Status.fromWire("InProgress");
    }

    /** Stages whose inbound transition is disabled, in order. */
    public List<Stage> disabledTransitions() {
        return stages.stream().filter(stage -> !stage.inbound().enabled()).toList();
    }
}
