package dev.tollgate.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything Tollgate knows about one pipeline at one moment: its declaration joined with its state.
 * Immutable; a newer snapshot replaces it whole.
 *
 * @param variables the pipeline-level variables it declares (V2 pipelines), in declared order
 */
public record PipelineSnapshot(String name, int version, String executionMode, List<Stage> stages, Instant fetchedAt,
        List<PipelineVariable> variables) {

    public PipelineSnapshot {
        stages = List.copyOf(stages);
        executionMode = executionMode == null ? "SUPERSEDED" : executionMode;
        variables = variables == null ? List.of() : List.copyOf(variables);
    }

    /** A pipeline that declares no variables. */
    public PipelineSnapshot(String name, int version, String executionMode, List<Stage> stages, Instant fetchedAt) {
        this(name, version, executionMode, stages, fetchedAt, List.of());
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
     * once its last stage succeeded. A rollback that took a stage's place after it is newer still (AWS lists
     * it first) and went no further: its status is the headline.
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
            Optional<Stage.StageRun> rollback = stage.latest().filter(Stage.StageRun::rollback);
            if (run.isEmpty() && rollback.isPresent() && lastOfItsStages != Status.NOT_RUN && !ranLater(stage, id)) {
                return rollback.get().status();
            }
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

    private boolean ranLater(Stage stage, String executionId) {
        return stages.subList(stages.indexOf(stage) + 1, stages.size()).stream()
                .anyMatch(later -> later.latest().filter(r -> executionId.equals(r.pipelineExecutionId())).isPresent()
                        || later.heldExecutionId().filter(executionId::equals).isPresent());
    }

    /** Stages whose inbound transition is disabled, in order. */
    public List<Stage> disabledTransitions() {
        return stages.stream().filter(stage -> !stage.inbound().enabled()).toList();
    }
}
