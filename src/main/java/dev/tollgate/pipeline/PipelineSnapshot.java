package dev.tollgate.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything Tollgate knows about one pipeline at one moment: its declaration joined with its state, and for a
 * PARALLEL pipeline the approval runs of its executions. Immutable; a newer snapshot replaces it whole.
 *
 * @param variables    the pipeline-level variables it declares (V2 pipelines), in declared order
 * @param approvalRuns the latest run of each manual approval per execution, read only for PARALLEL pipelines
 *                     (where GetPipelineState shows one execution and no token); empty otherwise
 */
public record PipelineSnapshot(String name, int version, String executionMode, List<Stage> stages, Instant fetchedAt,
        List<PipelineVariable> variables, List<ApprovalRun> approvalRuns) {

    public PipelineSnapshot {
        stages = List.copyOf(stages);
        executionMode = executionMode == null ? "SUPERSEDED" : executionMode;
        variables = variables == null ? List.of() : List.copyOf(variables);
        approvalRuns = approvalRuns == null ? List.of() : List.copyOf(approvalRuns);
    }

    /** A snapshot from GetPipelineState alone, of a pipeline that declares no variables and is not PARALLEL. */
    public PipelineSnapshot(String name, int version, String executionMode, List<Stage> stages, Instant fetchedAt) {
        this(name, version, executionMode, stages, fetchedAt, List.of(), List.of());
    }

    /** Executions run independently, so several may wait at one approval at once. */
    public boolean isParallel() {
        return "PARALLEL".equals(executionMode);
    }

    /**
     * Every manual approval of this pipeline that waits for a decision now, in stage order; in PARALLEL mode
     * one per waiting execution, the longest waiting first.
     */
    public List<ApprovalRequest> pendingApprovals() {
        List<ApprovalRequest> pending = new ArrayList<>();
        for (Stage stage : stages) {
            for (Action action : stage.actions()) {
                if (action.category() != ActionCategory.APPROVAL) {
                    continue;
                }
                List<ApprovalRequest> here = new ArrayList<>();
                approvalRuns.stream()
                        .filter(run -> run.isWaiting() && run.isAt(stage.name(), action.name()))
                        .sorted(Comparator.comparing(ApprovalRun::startTime, Comparator.nullsFirst(Comparator.naturalOrder())))
                        .forEach(run -> here.add(request(stage, action, run.pipelineExecutionId(), run.token(),
                                run.startTime())));
                if (action.isWaitingForApproval()) {
                    String executionId = stage.latest().map(Stage.StageRun::pipelineExecutionId).orElse(null);
                    ActionRun run = action.latest().orElseThrow();
                    // The state's wait, unless the execution's own run already stands for it.
                    if (here.stream().noneMatch(known -> Objects.equals(known.pipelineExecutionId(), executionId))) {
                        here.add(request(stage, action, executionId, run.token(), run.lastStatusChange()));
                    }
                }
                pending.addAll(here);
            }
        }
        return pending;
    }

    /** Some execution waits for a decision at this approval action. */
    public boolean waitsForApprovalAt(String stageName, String actionName) {
        return pendingApprovals().stream()
                .anyMatch(request -> request.stageName().equals(stageName) && request.actionName().equals(actionName));
    }

    private ApprovalRequest request(Stage stage, Action action, String executionId, String token, Instant since) {
        return new ApprovalRequest(
                name,
                stage.name(),
                action.name(),
                executionId,
                token,
                since,
                action.timeout().orElse(ApprovalRequest.DEFAULT_TIMEOUT),
                action.configuration().get("CustomData"),
                action.configuration().get("ExternalEntityLink"));
    }

    /** The latest run of the approval action by one execution, as ListActionExecutions told it. */
    public Optional<ApprovalRun> approvalRun(String executionId, String stageName, String actionName) {
        return approvalRuns.stream()
                .filter(run -> run.pipelineExecutionId().equals(executionId) && run.isAt(stageName, actionName))
                .findFirst();
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
