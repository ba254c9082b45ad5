package dev.tollgate.aws;

import dev.tollgate.pipeline.Action;
import dev.tollgate.pipeline.ActionCategory;
import dev.tollgate.pipeline.ActionExecutionRecord;
import dev.tollgate.pipeline.ArtifactLocation;
import dev.tollgate.pipeline.PipelineExecution;
import dev.tollgate.pipeline.ActionRun;
import dev.tollgate.pipeline.ApprovalDecision;
import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.pipeline.ApprovalRun;
import dev.tollgate.pipeline.PipelineGateway;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.PipelineSummary;
import dev.tollgate.pipeline.PipelineVariable;
import dev.tollgate.pipeline.Revision;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.Status;
import dev.tollgate.pipeline.Transition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionDeclaration;
import software.amazon.awssdk.services.codepipeline.model.ActionExecution;
import software.amazon.awssdk.services.codepipeline.model.ActionExecutionDetail;
import software.amazon.awssdk.services.codepipeline.model.ActionExecutionInput;
import software.amazon.awssdk.services.codepipeline.model.ActionExecutionOutput;
import software.amazon.awssdk.services.codepipeline.model.ActionExecutionResult;
import software.amazon.awssdk.services.codepipeline.model.ArtifactRevision;
import software.amazon.awssdk.services.codepipeline.model.ActionState;
import software.amazon.awssdk.services.codepipeline.model.ApprovalStatus;
import software.amazon.awssdk.services.codepipeline.model.ExecutionMode;
import software.amazon.awssdk.services.codepipeline.model.GetPipelineStateResponse;
import software.amazon.awssdk.services.codepipeline.model.ListActionExecutionsResponse;
import software.amazon.awssdk.services.codepipeline.model.PipelineDeclaration;
import software.amazon.awssdk.services.codepipeline.model.PutApprovalResultResponse;
import software.amazon.awssdk.services.codepipeline.model.ResolvedPipelineVariable;
import software.amazon.awssdk.services.codepipeline.model.StageDeclaration;
import software.amazon.awssdk.services.codepipeline.model.StageExecution;
import software.amazon.awssdk.services.codepipeline.model.StageState;
import software.amazon.awssdk.services.codepipeline.model.TransitionState;

/**
 * {@link PipelineGateway} over the AWS SDK's CodePipeline client. A snapshot joins GetPipelineState with the
 * pipeline's declaration (GetPipeline), which is cached per pipeline version because it only changes when
 * somebody edits the pipeline.
 *
 * <p>A PARALLEL pipeline's state shows one execution per stage and no approval token, so its snapshot also
 * reads ListActionExecutions for the pipeline: each execution waiting at an approval has a run there whose
 * external execution id is its token (AWS documents this under PutApprovalResult). That costs one call per
 * poll, made only while something runs or waits.
 */
public final class CodePipelineGateway implements PipelineGateway {

    /** ListActionExecutions' largest page. */
    private static final int ACTION_PAGE_SIZE = 100;
    /** A bound on the pages read for one snapshot, should a busy pipeline bury its waits deep in its history. */
    private static final int MAX_ACTION_PAGES = 10;

    private final CodePipelineClient client;
    private final Clock clock;
    private final Map<String, PipelineDeclaration> declarations = new ConcurrentHashMap<>();
    /** Per PARALLEL pipeline, the approval waits (execution, stage, action) its last snapshot found. */
    private final Map<String, Set<String>> knownWaits = new ConcurrentHashMap<>();

    public CodePipelineGateway(CodePipelineClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public List<PipelineSummary> listPipelines() {
        try {
            return client.listPipelinesPaginator(request -> { }).pipelines().stream()
                    .map(p -> new PipelineSummary(p.name(), p.version() == null ? 0 : p.version(), p.updated()))
                    .toList();
        } catch (SdkException e) {
            throw AwsErrors.translate("Could not list pipelines", e);
        }
    }

    @Override
    public PipelineSnapshot snapshot(String pipelineName) {
        String action = "Could not load pipeline " + pipelineName;
        try {
            GetPipelineStateResponse state = client.getPipelineState(request -> request.name(pipelineName));
            PipelineDeclaration declaration = declaration(pipelineName, state.pipelineVersion());
            return toSnapshot(declaration, state, approvalRuns(declaration, state));
        } catch (SdkException e) {
            throw AwsErrors.translate(action, e);
        }
    }

    /**
     * The approval runs of a PARALLEL pipeline's executions, newest first; none for other pipelines, and none
     * asked for when nothing runs and nothing was waiting (a first look always asks: waits may predate Tollgate).
     */
    private List<ApprovalRun> approvalRuns(PipelineDeclaration declaration, GetPipelineStateResponse state) {
        String pipelineName = declaration.name();
        if (declaration.executionMode() != ExecutionMode.PARALLEL) {
            knownWaits.remove(pipelineName);
            return List.of();
        }
        Set<String> known = knownWaits.get(pipelineName);
        if (known != null && known.isEmpty() && !somethingRuns(state)) {
            return List.of();
        }
        Map<String, Duration> approvals = approvalTimeouts(declaration);
        if (approvals.isEmpty()) {
            knownWaits.put(pipelineName, Set.of());
            return List.of();
        }
        // Runs come newest first. A new wait is on the first page; one known from before may have sunk deeper,
        // and on a first look any wait younger than the longest approval timeout may exist.
        Instant oldestPossibleWait = clock.instant().minus(Collections.max(approvals.values()));
        Set<String> missing = new HashSet<>(known == null ? Set.of() : known);
        Map<String, ApprovalRun> latest = new LinkedHashMap<>();
        int pages = 0;
        for (ListActionExecutionsResponse page : client.listActionExecutionsPaginator(request -> request
                .pipelineName(pipelineName).maxResults(ACTION_PAGE_SIZE))) {
            pages++;
            Instant oldestOnPage = null;
            for (ActionExecutionDetail detail : page.actionExecutionDetails()) {
                if (detail.startTime() != null && (oldestOnPage == null || detail.startTime().isBefore(oldestOnPage))) {
                    oldestOnPage = detail.startTime();
                }
                if (!approvals.containsKey(detail.stageName() + "|" + detail.actionName())
                        || detail.pipelineExecutionId() == null) {
                    continue;
                }
                String key = waitKey(detail.pipelineExecutionId(), detail.stageName(), detail.actionName());
                latest.putIfAbsent(key, toApprovalRun(detail));
                missing.remove(key);
            }
            boolean pastEveryWait = oldestOnPage != null && oldestOnPage.isBefore(oldestPossibleWait);
            boolean foundKnown = known != null && missing.isEmpty();
            if (foundKnown || pastEveryWait || pages >= MAX_ACTION_PAGES) {
                break;
            }
        }
        Set<String> waiting = new HashSet<>();
        latest.forEach((key, run) -> {
            if (run.isWaiting()) {
                waiting.add(key);
            }
        });
        knownWaits.put(pipelineName, Set.copyOf(waiting));
        return List.copyOf(latest.values());
    }

    /** The declared manual approvals ("stage|action") with how long each waits before it fails. */
    private static Map<String, Duration> approvalTimeouts(PipelineDeclaration declaration) {
        Map<String, Duration> timeouts = new HashMap<>();
        for (StageDeclaration stage : declaration.stages()) {
            for (ActionDeclaration action : stage.actions()) {
                if (ActionCategory.fromWire(action.actionTypeId().categoryAsString()) == ActionCategory.APPROVAL) {
                    timeouts.put(stage.name() + "|" + action.name(), action.timeoutInMinutes() == null
                            ? ApprovalRequest.DEFAULT_TIMEOUT : Duration.ofMinutes(action.timeoutInMinutes()));
                }
            }
        }
        return timeouts;
    }

    private static boolean somethingRuns(GetPipelineStateResponse state) {
        return state.stageStates().stream().anyMatch(stage -> stage.inboundExecution() != null
                || !stage.inboundExecutions().isEmpty()
                || stage.latestExecution() != null && isRunning(Status.fromWire(stage.latestExecution().statusAsString())));
    }

    private static boolean isRunning(Status status) {
        return status.is(Status.Kind.IN_PROGRESS) || status.is(Status.Kind.STOPPING);
    }

    private static String waitKey(String executionId, String stageName, String actionName) {
        return executionId + "|" + stageName + "|" + actionName;
    }

    private static ApprovalRun toApprovalRun(ActionExecutionDetail detail) {
        ActionExecutionResult result = detail.output() == null ? null : detail.output().executionResult();
        return new ApprovalRun(
                detail.pipelineExecutionId(),
                detail.stageName(),
                detail.actionName(),
                Status.fromWire(detail.statusAsString()),
                result == null ? null : result.externalExecutionId(),
                detail.startTime(),
                detail.lastUpdateTime(),
                detail.updatedBy(),
                // The approver's comment is the run's summary.
                result == null ? null : result.externalExecutionSummary());
    }

    @Override
    public Instant decide(ApprovalRequest request, ApprovalDecision decision) {
        String verb = decision.verdict() == ApprovalDecision.Verdict.APPROVE ? "approve" : "reject";
        try {
            PutApprovalResultResponse response = client.putApprovalResult(put -> put
                    .pipelineName(request.pipelineName())
                    .stageName(request.stageName())
                    .actionName(request.actionName())
                    .token(request.token())
                    .result(result -> result
                            .status(decision.verdict() == ApprovalDecision.Verdict.APPROVE
                                    ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED)
                            .summary(decision.comment())));
            return response.approvedAt() == null ? clock.instant() : response.approvedAt();
        } catch (SdkException e) {
            throw AwsErrors.translate("Could not " + verb + " " + request.location(), e);
        }
    }

    @Override
    public PipelineExecution execution(String pipelineName, String executionId) {
        try {
            var execution = client.getPipelineExecution(request -> request
                    .pipelineName(pipelineName).pipelineExecutionId(executionId)).pipelineExecution();
            return new PipelineExecution(
                    execution.pipelineName(),
                    execution.pipelineExecutionId(),
                    Status.fromWire(execution.statusAsString()),
                    execution.statusSummary(),
                    execution.artifactRevisions().stream().map(CodePipelineGateway::toRevision).toList(),
                    execution.trigger() == null ? null : execution.trigger().triggerTypeAsString(),
                    execution.trigger() == null ? null : execution.trigger().triggerDetail(),
                    execution.executionModeAsString(),
                    execution.executionTypeAsString(),
                    null,
                    null,
                    resolvedVariables(execution.variables()));
        } catch (SdkException e) {
            throw AwsErrors.translate("Could not load execution " + executionId + " of " + pipelineName, e);
        }
    }

    @Override
    public List<ActionExecutionRecord> actionExecutions(String pipelineName, String executionId) {
        try {
            return client.listActionExecutionsPaginator(request -> request
                            .pipelineName(pipelineName)
                            .filter(filter -> filter.pipelineExecutionId(executionId)))
                    .actionExecutionDetails().stream()
                    .map(CodePipelineGateway::toRecord)
                    .toList();
        } catch (SdkException e) {
            throw AwsErrors.translate("Could not list the actions of execution " + executionId + " of " + pipelineName, e);
        }
    }

    @Override
    public Optional<PipelineExecution> lastSucceededThrough(String pipelineName, String stageName) {
        try {
            return client.listPipelineExecutions(request -> request
                            .pipelineName(pipelineName)
                            .maxResults(1)
                            .filter(filter -> filter.succeededInStage(stage -> stage.stageName(stageName))))
                    .pipelineExecutionSummaries().stream()
                    .findFirst()
                    .map(summary -> new PipelineExecution(
                            pipelineName,
                            summary.pipelineExecutionId(),
                            Status.fromWire(summary.statusAsString()),
                            summary.statusSummary(),
                            summary.sourceRevisions().stream()
                                    .map(r -> new Revision(r.actionName(), r.revisionId(),
                                            RevisionSummaries.message(r.revisionSummary()), r.revisionUrl()))
                                    .toList(),
                            summary.trigger() == null ? null : summary.trigger().triggerTypeAsString(),
                            summary.trigger() == null ? null : summary.trigger().triggerDetail(),
                            summary.executionModeAsString(),
                            summary.executionTypeAsString(),
                            summary.startTime(),
                            summary.lastUpdateTime()));
        } catch (SdkException e) {
            throw AwsErrors.translate("Could not find what " + stageName + " of " + pipelineName + " runs today", e);
        }
    }

    private static Map<String, String> resolvedVariables(List<ResolvedPipelineVariable> variables) {
        Map<String, String> resolved = new LinkedHashMap<>();
        variables.stream().filter(v -> v.name() != null && v.resolvedValue() != null)
                .forEach(v -> resolved.put(v.name(), v.resolvedValue()));
        return resolved;
    }

    private static Revision toRevision(ArtifactRevision revision) {
        return new Revision(revision.name(), revision.revisionId(), RevisionSummaries.message(revision.revisionSummary()),
                revision.revisionUrl());
    }

    private static ActionExecutionRecord toRecord(ActionExecutionDetail detail) {
        ActionExecutionInput input = detail.input();
        ActionExecutionOutput output = detail.output();
        ActionExecutionResult result = output == null ? null : output.executionResult();
        List<ArtifactLocation> artifacts = output == null ? List.of() : output.outputArtifacts().stream()
                .filter(artifact -> artifact.s3location() != null)
                .map(artifact -> new ArtifactLocation(artifact.name(), artifact.s3location().bucket(),
                        artifact.s3location().key()))
                .toList();
        return new ActionExecutionRecord(
                detail.pipelineExecutionId(),
                detail.actionExecutionId(),
                detail.stageName(),
                detail.actionName(),
                input == null || input.actionTypeId() == null ? ActionCategory.UNKNOWN
                        : ActionCategory.fromWire(input.actionTypeId().categoryAsString()),
                input == null || input.actionTypeId() == null ? null : input.actionTypeId().provider(),
                Status.fromWire(detail.statusAsString()),
                detail.startTime(),
                detail.lastUpdateTime(),
                detail.updatedBy(),
                result == null ? null : result.externalExecutionSummary(),
                result == null ? null : result.externalExecutionId(),
                result == null ? null : result.externalExecutionUrl(),
                input == null ? Map.of() : input.configuration(),
                artifacts,
                // In PARALLEL mode an approval's token is its external execution id.
                result == null ? null : result.externalExecutionId());
    }

    private PipelineDeclaration declaration(String pipelineName, Integer version) {
        PipelineDeclaration cached = declarations.get(pipelineName);
        if (cached != null && version != null && version.equals(cached.version())) {
            return cached;
        }
        PipelineDeclaration fresh = client.getPipeline(request -> request.name(pipelineName)).pipeline();
        declarations.put(pipelineName, fresh);
        return fresh;
    }

    private PipelineSnapshot toSnapshot(PipelineDeclaration declaration, GetPipelineStateResponse state,
            List<ApprovalRun> approvalRuns) {
        Map<String, StageState> statesByName = state.stageStates().stream()
                .collect(Collectors.toMap(StageState::stageName, Function.identity(), (a, b) -> a));
        List<Stage> stages = new ArrayList<>();
        boolean first = true;
        for (StageDeclaration stageDeclaration : declaration.stages()) {
            StageState stageState = statesByName.get(stageDeclaration.name());
            stages.add(toStage(stageDeclaration, stageState, first));
            first = false;
        }
        int version = state.pipelineVersion() == null ? declaration.version() : state.pipelineVersion();
        List<PipelineVariable> variables = declaration.variables().stream()
                .map(v -> new PipelineVariable(v.name(), Optional.ofNullable(v.defaultValue()),
                        Optional.ofNullable(v.description())))
                .toList();
        return new PipelineSnapshot(declaration.name(), version, declaration.executionModeAsString(), stages,
                clock.instant(), variables, approvalRuns);
    }

    private static Stage toStage(StageDeclaration declaration, StageState state, boolean firstStage) {
        Map<String, ActionState> actionStates = state == null ? Map.of()
                : state.actionStates().stream()
                        .collect(Collectors.toMap(ActionState::actionName, Function.identity(), (a, b) -> a));
        List<Action> actions = declaration.actions().stream()
                .map(action -> toAction(action, actionStates.get(action.name())))
                .sorted((a, b) -> Integer.compare(a.runOrder(), b.runOrder()))
                .toList();
        Transition inbound = firstStage || state == null ? Transition.ALWAYS_ENABLED : toTransition(state.inboundTransitionState());
        Optional<Stage.StageRun> latest = Optional.ofNullable(state).map(StageState::latestExecution).map(CodePipelineGateway::toStageRun);
        Optional<String> held = Optional.ofNullable(state).map(StageState::inboundExecution).map(StageExecution::pipelineExecutionId);
        return new Stage(declaration.name(), inbound, actions, latest, held, StageConditions.of(declaration, state));
    }

    private static Transition toTransition(TransitionState transition) {
        if (transition == null) {
            return Transition.ALWAYS_ENABLED;
        }
        return new Transition(!Boolean.FALSE.equals(transition.enabled()), transition.disabledReason(),
                transition.lastChangedBy(), transition.lastChangedAt());
    }

    private static Stage.StageRun toStageRun(StageExecution execution) {
        return new Stage.StageRun(execution.pipelineExecutionId(), Status.fromWire(execution.statusAsString()),
                "ROLLBACK".equals(execution.typeAsString()));
    }

    private static Action toAction(ActionDeclaration declaration, ActionState state) {
        Optional<ActionRun> latest = Optional.ofNullable(state).map(ActionState::latestExecution).map(CodePipelineGateway::toRun);
        Optional<Revision> revision = Optional.ofNullable(state)
                .filter(s -> s.currentRevision() != null)
                .map(s -> new Revision(declaration.name(), s.currentRevision().revisionId(), null, s.revisionUrl()));
        Optional<Duration> timeout = Optional.ofNullable(declaration.timeoutInMinutes()).map(Duration::ofMinutes);
        return new Action(
                declaration.name(),
                ActionCategory.fromWire(declaration.actionTypeId().categoryAsString()),
                declaration.actionTypeId().provider(),
                declaration.runOrder() == null ? 1 : declaration.runOrder(),
                declaration.configuration(),
                latest,
                revision,
                state == null ? null : state.entityUrl(),
                timeout);
    }

    private static ActionRun toRun(ActionExecution execution) {
        return new ActionRun(
                execution.actionExecutionId(),
                Status.fromWire(execution.statusAsString()),
                execution.summary(),
                execution.lastStatusChange(),
                execution.token(),
                execution.lastUpdatedBy(),
                execution.externalExecutionId(),
                execution.externalExecutionUrl(),
                execution.errorDetails() == null ? null : execution.errorDetails().code(),
                execution.errorDetails() == null ? null : execution.errorDetails().message());
    }
}
