package dev.tollgate.sandbox.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.sandbox.SandboxClock;
import dev.tollgate.sandbox.ecr.ImageRegistry;
import dev.tollgate.sandbox.s3.ObjectStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;

/**
 * The deterministic CodePipeline simulation. Nothing runs in the background: {@link #catchUp()} processes
 * due events (actions finishing, scripted pushes and decisions) strictly in time order up to
 * {@code clock.now()}. The HTTP front door calls it at the start of every request, and so does
 * {@code SandboxControl}; every other method acts at the simulated instant reached, which lets seeding
 * script history in the past before the first catch-up. Given a seed and the same calls at the
 * same clock readings, it produces the same ids, durations and outcomes.
 *
 * <p>One monitor guards all state; requests are short, so contention is not a concern.
 */
public final class PipelineEngine {

    private final SandboxClock clock;
    private final EngineContext ctx;
    private final DeclarationParser parser = new DeclarationParser();
    private final TreeMap<String, PipelineRecord> pipelines = new TreeMap<>();
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            Comparator.comparing(Scheduled::at).thenComparingLong(Scheduled::sequence));
    private long sequence;
    private StateChangeListener stateChanges = StateChangeListener.NONE;

    private record Scheduled(Instant at, long sequence, SimEvent event) {
    }

    /**
     * @param simulationStart where simulated time begins; seeding creates history from here up to the clock's now
     */
    public PipelineEngine(SandboxClock clock, long seed, Instant simulationStart, String accountId, String region,
                          ObjectStore objects, ImageRegistry images) {
        this.clock = clock;
        this.ctx = new EngineContext(accountId, region, new Random(seed), objects, images, simulationStart);
    }

    public String accountId() {
        return ctx.accountId;
    }

    public String region() {
        return ctx.region;
    }

    /** Processes everything due up to the clock's current instant and returns that instant. */
    public synchronized Instant catchUp() {
        advanceTo(clock.now());
        return ctx.now();
    }

    /**
     * Announces every state change from now on (EventBridge's execution events); replaces any listener set
     * before. History simulated before this call is not announced.
     */
    public synchronized void onStateChange(StateChangeListener listener) {
        this.stateChanges = listener == null ? StateChangeListener.NONE : listener;
    }

    /** Simulated now, without catching up. */
    public synchronized Instant now() {
        return ctx.now();
    }

    private void advanceTo(Instant target) {
        while (!queue.isEmpty() && !queue.peek().at().isAfter(target)) {
            Scheduled next = queue.poll();
            ctx.moveTo(next.at());
            handle(next.event());
        }
        ctx.moveTo(target);
    }

    private void schedule(Instant at, SimEvent event) {
        queue.add(new Scheduled(at, sequence++, event));
    }

    private void handle(SimEvent event) {
        // Java 17 has no pattern matching for switch; the sealed interface still keeps this list closed.
        if (event instanceof SimEvent.ActionDue due) {
            complete(due.action());
        } else if (event instanceof SimEvent.PushDue push) {
            PipelineRecord pipeline = pipelines.get(push.pipelineName());
            if (pipeline != null) {
                pipeline.headCommit = push.commit();
                start(pipeline, push.commit(), pushTrigger(pipeline));
            }
        } else if (event instanceof SimEvent.DecisionDue decision) {
            PipelineRecord pipeline = pipelines.get(decision.pipelineName());
            StageSlot slot = pipeline == null ? null : pipeline.slot(decision.stageName());
            ActionRun pending = slot == null ? null : slot.latestActions.get(decision.actionName());
            if (pending != null && pending.inProgress() && pending.token != null) {
                decide(pending, decision.status(), decision.summary(), decision.identity());
            }
        } else if (event instanceof SimEvent.TransitionDue change) {
            PipelineRecord pipeline = pipelines.get(change.pipelineName());
            if (pipeline != null && pipeline.slot(change.stageName()) != null) {
                setInbound(pipeline, pipeline.slot(change.stageName()), change.enable(), change.identity(), change.reason());
            }
        }
    }

    // ---------------------------------------------------------------- scripting (seeding, control API)

    public synchronized void schedulePush(Instant at, String pipelineName, Commit commit) {
        schedule(at, new SimEvent.PushDue(pipelineName, commit));
    }

    public synchronized void scheduleDecision(Instant at, String pipelineName, String stageName, String actionName,
                                              String identity, ApprovalStatus status, String summary) {
        schedule(at, new SimEvent.DecisionDue(pipelineName, stageName, actionName, identity, status, summary));
    }

    public synchronized void scheduleTransition(Instant at, String pipelineName, String stageName, boolean enable,
                                                String identity, String reason) {
        schedule(at, new SimEvent.TransitionDue(pipelineName, stageName, enable, identity, reason));
    }

    /** Sets the chance that Build, Test and Deploy actions of a pipeline fail on their own. */
    public synchronized void setFailureRate(String pipelineName, double rate) {
        pipeline(pipelineName).failureRate = rate;
    }

    /** A fresh 40-hex commit id from the seeded source. */
    public synchronized String newCommitId() {
        return ctx.ids.hex(40);
    }

    /** Pushes a commit now, as a webhook would deliver it, and returns the execution it started. */
    public synchronized PushedCommit push(String pipelineName, String message, String author,
                                          Optional<String> failingAction) {
        PipelineRecord pipeline = pipeline(pipelineName);
        Commit commit = new Commit(ctx.ids.hex(40), message, author, failingAction);
        pipeline.headCommit = commit;
        return new PushedCommit(start(pipeline, commit, pushTrigger(pipeline)).id, commit.id());
    }

    public synchronized int pipelineCount() {
        return pipelines.size();
    }

    // ---------------------------------------------------------------- pipelines

    /**
     * Creates a pipeline from a {@code pipeline} declaration. A real CreatePipeline starts a first execution;
     * seeding passes {@code startExecution=false} because its history is scripted.
     */
    public synchronized ObjectNode createPipeline(JsonNode pipelineDeclaration, boolean startExecution) {
        DeclarationParser.Parsed parsed = parser.parse(pipelineDeclaration);
        String name = parsed.definition().name();
        if (pipelines.containsKey(name)) {
            throw new ServiceError("PipelineNameInUseException", "Pipeline with name '" + name + "' already exists");
        }
        String arn = "arn:aws:codepipeline:" + ctx.region + ":" + ctx.accountId + ":" + name;
        PipelineRecord record = new PipelineRecord(parsed.definition(), parsed.declaration(), ctx.now(), arn);
        pipelines.put(name, record);
        ctx.objects.createBucket(parsed.definition().artifactBucket());
        if (startExecution) {
            start(record, headCommit(record), new Trigger("CreatePipeline", "arn:aws:iam::" + ctx.accountId + ":root"));
        }
        return declarationWithVersion(record);
    }

    public synchronized Shapes.Page<Shapes.PipelineSummary> listPipelines(int maxResults, String nextToken) {
        List<Shapes.PipelineSummary> all = new ArrayList<>();
        for (PipelineRecord p : pipelines.values()) {
            all.add(new Shapes.PipelineSummary(p.definition.name(), p.version, p.definition.pipelineType(),
                    p.definition.executionMode(), p.created, p.updated));
        }
        return Pagination.page(all, maxResults, nextToken, "pipelines");
    }

    public record PipelineDocument(ObjectNode pipeline, Shapes.PipelineMetadata metadata) {
    }

    public synchronized PipelineDocument getPipeline(String name, Optional<Integer> version) {
        PipelineRecord p = pipeline(name);
        ObjectNode declaration;
        if (version.isEmpty() || version.get() == p.version) {
            declaration = declarationWithVersion(p);
        } else {
            ObjectNode old = p.history.get(version.get());
            if (old == null) {
                throw new ServiceError("PipelineVersionNotFoundException",
                        "Pipeline '" + name + "' has no version " + version.get());
            }
            declaration = old.deepCopy();
        }
        return new PipelineDocument(declaration, new Shapes.PipelineMetadata(p.arn, p.created, p.updated));
    }

    public synchronized Shapes.PipelineState pipelineState(String name) {
        PipelineRecord p = pipeline(name);
        List<Shapes.StageState> stages = new ArrayList<>();
        boolean first = true;
        for (StageDefinition stage : p.definition.stages()) {
            StageSlot slot = p.slot(stage.name());
            List<Shapes.ActionState> actions = new ArrayList<>();
            for (ActionDefinition action : stage.actions()) {
                actions.add(actionState(p, action, slot.latestActions.get(action.name())));
            }
            Shapes.StageExecution inbound = null;
            List<Shapes.StageExecution> inboundList = null;
            if (!slot.waiting.isEmpty()) {
                PipelineRun next = p.definition.executionMode() == ExecutionMode.SUPERSEDED
                        ? slot.waiting.get(slot.waiting.size() - 1) : slot.waiting.get(0);
                inbound = new Shapes.StageExecution(next.id, StageExecutionStatus.InProgress.name(), "STANDARD");
                if (p.definition.executionMode() != ExecutionMode.SUPERSEDED) {
                    inboundList = slot.waiting.stream().map(r -> new Shapes.StageExecution(r.id,
                            StageExecutionStatus.InProgress.name(), "STANDARD")).toList();
                }
            }
            Shapes.TransitionState transition = first ? null : new Shapes.TransitionState(slot.inboundEnabled,
                    slot.lastChangedBy, slot.lastChangedAt, slot.inboundEnabled ? null : slot.disabledReason);
            Shapes.StageExecution latest = slot.latest == null ? null
                    : new Shapes.StageExecution(slot.latest.run.id, slot.latest.status.name(), slot.latest.run.executionType());
            Shapes.RetryStageMetadata retry = slot.latest == null || slot.latest.manualRetryAttempt == 0 ? null
                    : new Shapes.RetryStageMetadata(slot.latest.manualRetryAttempt, "ManualStageRetry");
            stages.add(new Shapes.StageState(stage.name(), inbound, inboundList, transition, actions, latest,
                    conditionState(slot, ConditionCheck.Kind.BEFORE_ENTRY), conditionState(slot, ConditionCheck.Kind.ON_SUCCESS),
                    conditionState(slot, ConditionCheck.Kind.ON_FAILURE), retry));
            first = false;
        }
        return new Shapes.PipelineState(p.definition.name(), p.version, stages, p.created, p.updated);
    }

    /** A declared condition's latest evaluation; absent until the stage first evaluated that kind. */
    private static Shapes.StageConditionState conditionState(StageSlot slot, ConditionCheck.Kind kind) {
        ConditionCheck check = slot.conditionChecks.get(kind);
        if (check == null) {
            return null;
        }
        List<Shapes.RuleState> rules = check.rules().stream().map(rule -> new Shapes.RuleState(rule.ruleName(),
                new Shapes.RuleExecution(rule.ruleExecutionId(), rule.status(), null, check.at()))).toList();
        return new Shapes.StageConditionState(new Shapes.StageConditionsExecution(check.status(), null),
                List.of(new Shapes.ConditionState(new Shapes.ConditionExecution(check.status(), null, check.at()), rules)));
    }

    private Shapes.ActionState actionState(PipelineRecord p, ActionDefinition action, ActionRun run) {
        ActionBehavior behavior = ActionBehavior.forType(action.type());
        String entityUrl = behavior.entityUrl(action, ctx).orElse(null);
        if (run == null) {
            return new Shapes.ActionState(action.name(), null, null, entityUrl, null);
        }
        Shapes.ActionRevision revision = null;
        String revisionUrl = null;
        if (action.type().isSource()) {
            Commit commit = run.run().commit;
            revision = new Shapes.ActionRevision(commit.id(), commit.id(), run.run().startTime);
            revisionUrl = SourceBehavior.revisionUrl(action, commit.id(), ctx).orElse(null);
        }
        // Several executions of a PARALLEL pipeline can wait at one approval, and the state shows only one:
        // AWS gives no token there; ListActionExecutions gives each its own (as externalExecutionId).
        boolean approval = action.type().isManualApproval();
        String token = run.inProgress() && p.definition.executionMode() != ExecutionMode.PARALLEL ? run.token : null;
        Shapes.ActionExecution latest = new Shapes.ActionExecution(run.id, run.status, run.summary,
                run.lastUpdateTime, token, run.updatedBy, approval ? null : run.externalExecutionId,
                run.externalExecutionUrl, run.errorDetails);
        return new Shapes.ActionState(action.name(), revision, latest, entityUrl, revisionUrl);
    }

    // ---------------------------------------------------------------- execution history

    /** Executions newest first, optionally only those that succeeded in a stage. */
    public synchronized Shapes.Page<Shapes.PipelineExecutionSummary> listPipelineExecutions(
            String name, int maxResults, String nextToken, Optional<String> succeededInStage) {
        PipelineRecord p = pipeline(name);
        List<Shapes.PipelineExecutionSummary> all = new ArrayList<>();
        for (int i = p.runs.size() - 1; i >= 0; i--) {
            PipelineRun run = p.runs.get(i);
            if (succeededInStage.isEmpty() || run.succeededIn(succeededInStage.get())) {
                all.add(summary(run));
            }
        }
        return Pagination.page(all, maxResults, nextToken,
                "executions:" + name + ":" + succeededInStage.orElse(""));
    }

    public synchronized Shapes.PipelineExecution getPipelineExecution(String name, String executionId) {
        PipelineRun run = run(pipeline(name), executionId);
        List<Shapes.ArtifactRevision> revisions = new ArrayList<>();
        ActionRun source = sourceAction(origin(run));
        if (source != null) {
            Commit commit = run.commit;
            String summary = SourceBehavior.revisionSummary(source.action, commit);
            String url = SourceBehavior.revisionUrl(source.action, commit.id(), ctx).orElse(null);
            for (String artifact : source.action.outputArtifacts()) {
                revisions.add(new Shapes.ArtifactRevision(artifact, commit.id(), commit.id(), summary, run.startTime, url));
            }
        }
        List<Shapes.ResolvedPipelineVariable> variables = run.variables.isEmpty() ? null : run.variables.entrySet().stream()
                .map(e -> new Shapes.ResolvedPipelineVariable(e.getKey(), e.getValue())).toList();
        return new Shapes.PipelineExecution(run.pipeline.definition.name(), run.pipelineVersion, run.id, run.status,
                run.statusSummary, revisions, variables, run.trigger, run.definition.executionMode(), run.executionType(),
                rollbackMetadata(run));
    }

    /** Action executions newest first, for the whole pipeline or one execution. */
    public synchronized Shapes.Page<Shapes.ActionExecutionDetail> listActionExecutions(
            String name, Optional<String> executionId, int maxResults, String nextToken) {
        PipelineRecord p = pipeline(name);
        List<PipelineRun> runs = executionId.isPresent() ? List.of(run(p, executionId.get())) : p.runs;
        List<ActionRun> actions = new ArrayList<>();
        runs.forEach(r -> actions.addAll(r.actionRuns));
        actions.sort(Comparator.comparing((ActionRun a) -> a.startTime).reversed());
        List<Shapes.ActionExecutionDetail> all = new ArrayList<>();
        for (ActionRun a : actions) {
            all.add(detail(a));
        }
        return Pagination.page(all, maxResults, nextToken, "actions:" + name + ":" + executionId.orElse(""));
    }

    private Shapes.PipelineExecutionSummary summary(PipelineRun run) {
        List<Shapes.SourceRevision> sources = new ArrayList<>();
        ActionRun source = sourceAction(origin(run));
        if (source != null) {
            sources.add(new Shapes.SourceRevision(source.action.name(), run.commit.id(),
                    SourceBehavior.revisionSummary(source.action, run.commit),
                    SourceBehavior.revisionUrl(source.action, run.commit.id(), ctx).orElse(null)));
        }
        return new Shapes.PipelineExecutionSummary(run.id, run.status, run.statusSummary, run.startTime,
                run.lastUpdateTime, sources, run.trigger,
                run.stopReason == null ? null : new Shapes.StopExecutionTrigger(run.stopReason),
                run.definition.executionMode(), run.executionType(), rollbackMetadata(run));
    }

    private static Shapes.PipelineRollbackMetadata rollbackMetadata(PipelineRun run) {
        return run.isRollback() ? new Shapes.PipelineRollbackMetadata(run.rollbackTarget) : null;
    }

    /** The execution whose source revisions a run carries: a rollback carries its target's. */
    private static PipelineRun origin(PipelineRun run) {
        PipelineRun target = run.isRollback() ? run.pipeline.runsById.get(run.rollbackTarget) : null;
        return target == null ? run : target;
    }

    private Shapes.ActionExecutionDetail detail(ActionRun a) {
        ActionDefinition action = a.action;
        Shapes.ActionExecutionInput input = new Shapes.ActionExecutionInput(action.type(), action.configuration(),
                action.configuration(), null, ctx.region, artifactDetails(a.inputs));
        Map<String, String> variables = a.status == ActionExecutionStatus.Succeeded && action.type().isSource()
                ? SourceBehavior.outputVariables(action, a.run().commit, a.run().startTime) : null;
        Shapes.ActionExecutionResult result = new Shapes.ActionExecutionResult(a.externalExecutionId,
                a.externalExecutionSummary, a.externalExecutionUrl, a.errorDetails);
        Shapes.ActionExecutionOutput output = new Shapes.ActionExecutionOutput(artifactDetails(a.outputs), result, variables);
        return new Shapes.ActionExecutionDetail(a.run().id, a.id, a.run().pipelineVersion, a.stageName(), action.name(),
                a.startTime, a.lastUpdateTime, a.updatedBy, a.status, input, output);
    }

    private static List<Shapes.ArtifactDetail> artifactDetails(List<ArtifactLocation> locations) {
        return locations.stream().map(l -> new Shapes.ArtifactDetail(l.name(), new Shapes.S3Location(l.bucket(), l.key())))
                .toList();
    }

    private static ActionRun sourceAction(PipelineRun run) {
        return run.actionRuns.stream().filter(a -> a.action.type().isSource()
                && a.status == ActionExecutionStatus.Succeeded).findFirst().orElse(null);
    }

    private PipelineRun run(PipelineRecord p, String executionId) {
        PipelineRun run = p.runsById.get(executionId);
        if (run == null) {
            throw new ServiceError("PipelineExecutionNotFoundException", "Pipeline execution ID " + executionId
                    + " does not exist in the pipeline with name " + p.definition.name() + ".");
        }
        return run;
    }

    // ---------------------------------------------------------------- approvals

    /** Answers a pending manual approval; returns when it was recorded. */
    public synchronized Instant putApprovalResult(String pipelineName, String stageName, String actionName, String token,
                                                  ApprovalStatus status, String summary, String identity) {
        PipelineRecord p = pipeline(pipelineName);
        StageDefinition stage = p.definition.stage(stageName).orElseThrow(() -> stageNotFound(pipelineName, stageName));
        ActionDefinition action = stage.action(actionName).orElseThrow(() -> new ServiceError(
                "ActionNotFoundException", "Action '" + actionName + "' was not found in stage '" + stageName
                + "' of pipeline '" + pipelineName + "'"));
        if (!action.type().isManualApproval()) {
            throw new ServiceError("ActionNotFoundException",
                    "Action '" + actionName + "' in stage '" + stageName + "' is not a manual approval action");
        }
        ActionRun run = p.approvalsByToken.get(token);
        if (run == null || !run.stageName().equals(stageName) || !run.action.name().equals(actionName)) {
            throw new ServiceError("InvalidApprovalTokenException", "The token '" + token
                    + "' is not valid for approval action '" + actionName + "' in stage '" + stageName
                    + "' of pipeline '" + pipelineName + "'");
        }
        if (!run.inProgress()) {
            throw new ServiceError("ApprovalAlreadyCompletedException", "The approval request for action '"
                    + actionName + "' with token '" + token + "' is already " + describe(run));
        }
        decide(run, status, summary, identity);
        return ctx.now();
    }

    private static String describe(ActionRun run) {
        if (run.status == ActionExecutionStatus.Succeeded) {
            return "approved";
        }
        return run.status == ActionExecutionStatus.Abandoned ? "abandoned" : "rejected or expired";
    }

    private void decide(ActionRun run, ApprovalStatus status, String summary, String identity) {
        run.summary = summary == null || summary.isEmpty() ? null : summary;
        // ListActionExecutions reports an approval's comment as the execution result's summary.
        run.externalExecutionSummary = run.summary;
        run.updatedBy = identity;
        run.lastUpdateTime = ctx.now();
        if (status == ApprovalStatus.Approved) {
            run.status = ActionExecutionStatus.Succeeded;
        } else {
            run.status = ActionExecutionStatus.Failed;
            run.errorDetails = new ErrorDetails("JobFailed", "Rejected by " + identity
                    + (run.summary == null ? "" : ": " + run.summary));
        }
        announce(run);
        actionFinished(run);
    }

    // ---------------------------------------------------------------- execution flow

    PipelineRun start(PipelineRecord pipeline, Commit commit, Trigger trigger) {
        return start(pipeline, commit, trigger, pipeline.definition.variableDefaults());
    }

    private PipelineRun start(PipelineRecord pipeline, Commit commit, Trigger trigger, Map<String, String> variables) {
        PipelineRun run = new PipelineRun(ctx.ids.uuid(), pipeline, trigger, commit, ctx.now());
        run.variables.putAll(variables);
        pipeline.runs.add(run);
        pipeline.runsById.put(run.id, run);
        announce(run, StateChange.State.STARTED);
        arrive(run, 0);
        return run;
    }

    private void arrive(PipelineRun run, int stageIndex) {
        PipelineRecord p = run.pipeline;
        StageSlot slot = p.slot(run.definition.stages().get(stageIndex).name());
        if (slot == null) {
            // The pipeline was updated and this stage no longer exists: the old execution cannot continue.
            finishRun(run, PipelineExecutionStatus.Superseded, "The pipeline was updated while this execution ran");
            return;
        }
        run.stageIndex = stageIndex;
        run.lastUpdateTime = ctx.now();
        if (p.definition.executionMode() == ExecutionMode.SUPERSEDED) {
            for (PipelineRun older : slot.waiting) {
                finishRun(older, PipelineExecutionStatus.Superseded, null);
            }
            slot.waiting.clear();
        }
        slot.waiting.add(run);
        admit(p, slot);
    }

    /** Lets waiting executions into a stage while its transition and its occupancy allow. */
    private void admit(PipelineRecord p, StageSlot slot) {
        ExecutionMode mode = p.definition.executionMode();
        while (!slot.waiting.isEmpty() && slot.inboundEnabled
                && (mode == ExecutionMode.PARALLEL || slot.occupants.isEmpty())) {
            PipelineRun next = mode == ExecutionMode.SUPERSEDED
                    ? slot.waiting.remove(slot.waiting.size() - 1) : slot.waiting.remove(0);
            enter(next, slot);
        }
    }

    private void enter(PipelineRun run, StageSlot slot) {
        slot.occupants.add(run);
        StageRun stageRun = new StageRun(run, run.currentStage());
        run.stageRuns.add(stageRun);
        slot.latest = stageRun;
        run.lastUpdateTime = ctx.now();
        announce(stageRun, StateChange.State.STARTED);
        check(run, slot, ConditionCheck.Kind.BEFORE_ENTRY, stageRun.stage.conditions().beforeEntryRules());
        startGroup(stageRun);
    }

    private void startGroup(StageRun stageRun) {
        int runOrder = stageRun.stage.runOrders().get(stageRun.groupIndex);
        for (ActionDefinition action : stageRun.stage.actions()) {
            if (action.runOrder() == runOrder) {
                startAction(stageRun, action);
            }
        }
    }

    private void startAction(StageRun stageRun, ActionDefinition action) {
        PipelineRun run = stageRun.run;
        boolean firstAttempt = run.actionRuns.stream().noneMatch(a -> a.stageName().equals(stageRun.stage.name())
                && a.action.name().equals(action.name()));
        ActionRun actionRun = new ActionRun(ctx.ids.uuid(), stageRun, action, ctx.now());
        for (String input : action.inputArtifacts()) {
            ArtifactLocation location = run.artifacts.get(input);
            if (location != null) {
                actionRun.inputs.add(location);
            }
        }
        stageRun.actions.add(actionRun);
        run.actionRuns.add(actionRun);
        run.pipeline.slot(stageRun.stage.name()).latestActions.put(action.name(), actionRun);
        ActionBehavior behavior = ActionBehavior.forType(action.type());
        Instant due = behavior.start(actionRun, ctx);
        if (actionRun.token != null) {
            run.pipeline.approvalsByToken.put(actionRun.token, actionRun);
        }
        if (firstAttempt && run.commit.failingAction().filter(action.name()::equals).isPresent()) {
            actionRun.plannedFailure = behavior.plannedFailure(actionRun);
        } else if (!behavior.waitsForPerson() && !action.type().isSource() && run.pipeline.failureRate > 0
                && ctx.random.nextDouble() < run.pipeline.failureRate) {
            actionRun.plannedFailure = behavior.plannedFailure(actionRun);
        }
        announce(actionRun);
        schedule(due, new SimEvent.ActionDue(actionRun));
    }

    private void complete(ActionRun action) {
        if (!action.inProgress()) {
            return;
        }
        ActionBehavior behavior = ActionBehavior.forType(action.action.type());
        Optional<ErrorDetails> error = action.plannedFailure != null
                ? Optional.of(action.plannedFailure) : behavior.finish(action, ctx);
        action.lastUpdateTime = ctx.now();
        if (error.isPresent()) {
            action.status = ActionExecutionStatus.Failed;
            action.errorDetails = error.get();
        } else {
            action.status = ActionExecutionStatus.Succeeded;
        }
        announce(action);
        actionFinished(action);
    }

    /** After an action ends: move to the next run order, or finish the stage once the group is done. */
    private void actionFinished(ActionRun action) {
        StageRun stageRun = action.stageRun;
        PipelineRun run = stageRun.run;
        run.lastUpdateTime = ctx.now();
        if (stageRun.status == StageExecutionStatus.Stopping) {
            if (stageRun.actions.stream().noneMatch(ActionRun::inProgress)) {
                finishStage(stageRun, StageExecutionStatus.Stopped);
            }
            return;
        }
        if (stageRun.status != StageExecutionStatus.InProgress) {
            return;
        }
        List<ActionRun> group = stageRun.currentGroup();
        if (group.stream().anyMatch(ActionRun::inProgress)) {
            return;
        }
        boolean failed = group.stream().anyMatch(a -> a.status == ActionExecutionStatus.Failed);
        if (failed) {
            finishStage(stageRun, StageExecutionStatus.Failed);
        } else if (stageRun.groupIndex + 1 < stageRun.stage.runOrders().size()) {
            stageRun.groupIndex++;
            startGroup(stageRun);
        } else {
            finishStage(stageRun, StageExecutionStatus.Succeeded);
        }
    }

    private void finishStage(StageRun stageRun, StageExecutionStatus status) {
        PipelineRun run = stageRun.run;
        PipelineRecord p = run.pipeline;
        stageRun.status = status;
        announce(stageRun, switch (status) {
            case Succeeded -> StateChange.State.SUCCEEDED;
            case Stopped -> StateChange.State.STOPPED;
            case Cancelled -> StateChange.State.CANCELED;
            default -> StateChange.State.FAILED;
        });
        StageSlot slot = p.slot(stageRun.stage.name());
        ConditionsDefinition conditions = stageRun.stage.conditions();
        if (slot != null) {
            slot.occupants.remove(run);
        }
        if (status == StageExecutionStatus.Succeeded) {
            check(run, slot, ConditionCheck.Kind.ON_SUCCESS, conditions.onSuccessRules());
            // A rollback execution runs the rolled-back stage only.
            if (run.stageIndex + 1 < run.definition.stages().size() && !run.isRollback()) {
                arrive(run, run.stageIndex + 1);
            } else {
                finishRun(run, PipelineExecutionStatus.Succeeded, null);
            }
        } else if (status == StageExecutionStatus.Stopped) {
            finishRun(run, PipelineExecutionStatus.Stopped, null);
        } else {
            finishRun(run, PipelineExecutionStatus.Failed, null);
            check(run, slot, ConditionCheck.Kind.ON_FAILURE, conditions.onFailureRules());
            if (slot != null && conditions.rollsBackOnFailure() && !run.isRollback()) {
                rollBack(run, slot);
            }
        }
        if (slot != null) {
            admit(p, slot);
        }
    }

    /**
     * Evaluates a stage's condition of one kind, if declared. The sandbox has no alarms, deployment windows or
     * Lambda functions to ask, so every rule passes at once; a rollback execution evaluates no conditions.
     */
    private void check(PipelineRun run, StageSlot slot, ConditionCheck.Kind kind, List<String> rules) {
        if (slot == null || rules.isEmpty() || run.isRollback()) {
            return;
        }
        List<ConditionCheck.RuleCheck> checks = rules.stream()
                .map(rule -> new ConditionCheck.RuleCheck(rule, ctx.ids.uuid(), "Succeeded")).toList();
        slot.conditionChecks.put(kind, new ConditionCheck(kind, "Succeeded", ctx.now(), checks));
    }

    /**
     * What {@code onFailure: ROLLBACK} does: a new execution of type ROLLBACK enters the failed stage at once
     * with the artifacts and variables of the last execution that succeeded in it, and ends with that stage.
     * Without such an execution there is nothing to go back to and the failure stands.
     */
    private void rollBack(PipelineRun failed, StageSlot slot) {
        PipelineRecord p = failed.pipeline;
        PipelineRun target = null;
        for (int i = p.runs.size() - 1; i >= 0 && target == null; i--) {
            PipelineRun candidate = p.runs.get(i);
            if (candidate != failed && !candidate.isRollback() && candidate.succeededIn(slot.name)) {
                target = candidate;
            }
        }
        int index = p.definition.indexOf(slot.name);
        if (target == null || index < 0) {
            return;
        }
        PipelineRun rollback = new PipelineRun(ctx.ids.uuid(), p, new Trigger("AutomatedRollback", failed.id),
                target.commit, ctx.now(), target.id);
        rollback.variables.putAll(target.variables);
        rollback.artifacts.putAll(target.artifacts);
        p.runs.add(rollback);
        p.runsById.put(rollback.id, rollback);
        announce(rollback, StateChange.State.STARTED);
        rollback.stageIndex = index;
        // It restores the stage the failure left: it goes in ahead of any execution waiting at the door.
        enter(rollback, slot);
    }

    private void finishRun(PipelineRun run, PipelineExecutionStatus status, String summary) {
        run.status = status;
        run.statusSummary = summary;
        run.lastUpdateTime = ctx.now();
        announce(run, switch (status) {
            case Succeeded -> StateChange.State.SUCCEEDED;
            case Stopped -> StateChange.State.STOPPED;
            case Superseded -> StateChange.State.SUPERSEDED;
            case Cancelled -> StateChange.State.CANCELED;
            default -> StateChange.State.FAILED;
        });
    }

    // ---------------------------------------------------------------- starting, stopping, retrying

    /**
     * Starts an execution of the latest commit (or of {@code commitId}); a repeated {@code clientRequestToken}
     * returns the execution it started the first time instead of starting another.
     */
    public synchronized String startExecution(String name, Optional<String> clientRequestToken, Optional<String> commitId,
                                              Map<String, String> variables, String identity) {
        PipelineRecord p = pipeline(name);
        if (clientRequestToken.isPresent() && p.runsByClientToken.containsKey(clientRequestToken.get())) {
            return p.runsByClientToken.get(clientRequestToken.get()).id;
        }
        Map<String, String> resolved = new LinkedHashMap<>(p.definition.variableDefaults());
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            if (!p.definition.variableDefaults().containsKey(variable.getKey())) {
                throw ServiceError.validation("Pipeline variable '" + variable.getKey()
                        + "' is not declared in pipeline '" + name + "'");
            }
            resolved.put(variable.getKey(), variable.getValue());
        }
        Commit commit = commitId.map(id -> knownCommit(p, id).orElseGet(() ->
                new Commit(id, "Revision " + id, "unknown", Optional.empty()))).orElseGet(() -> headCommit(p));
        PipelineRun run = start(p, commit, new Trigger("StartPipelineExecution", identity), resolved);
        clientRequestToken.ifPresent(token -> p.runsByClientToken.put(token, run));
        return run.id;
    }

    /**
     * Stops an execution. Abandoning ends its running actions at once; otherwise they finish their work and
     * nothing further starts. Approvals have no work to finish, so they are abandoned either way.
     */
    public synchronized void stopExecution(String name, String executionId, boolean abandon, String reason) {
        PipelineRecord p = pipeline(name);
        PipelineRun run = p.runsById.get(executionId);
        if (run == null) {
            throw new ServiceError("PipelineExecutionNotStoppableException", "Pipeline execution " + executionId
                    + " does not exist in pipeline '" + name + "'");
        }
        if (run.status == PipelineExecutionStatus.Stopping) {
            if (!abandon || run.abandonRequested) {
                throw new ServiceError("DuplicatedStopRequestException", "Pipeline execution " + executionId
                        + " is already being stopped");
            }
        } else if (run.status != PipelineExecutionStatus.InProgress) {
            throw new ServiceError("PipelineExecutionNotStoppableException", "Pipeline execution " + executionId
                    + " is " + run.status + " and cannot be stopped");
        }
        run.stopReason = reason == null || reason.isEmpty() ? null : reason;
        run.abandonRequested |= abandon;
        for (StageSlot slot : p.slots.values()) {
            if (slot.waiting.remove(run)) {
                finishRun(run, PipelineExecutionStatus.Stopped, null);
                return;
            }
        }
        StageRun current = null;
        for (StageRun stageRun : run.stageRuns) {
            if (stageRun.status == StageExecutionStatus.InProgress || stageRun.status == StageExecutionStatus.Stopping) {
                current = stageRun;
            }
        }
        if (current == null) {
            finishRun(run, PipelineExecutionStatus.Stopped, null);
            return;
        }
        run.status = PipelineExecutionStatus.Stopping;
        run.lastUpdateTime = ctx.now();
        announce(run, StateChange.State.STOPPING);
        current.status = StageExecutionStatus.Stopping;
        announce(current, StateChange.State.STOPPING);
        for (ActionRun action : current.actions) {
            if (action.inProgress() && (abandon || ActionBehavior.forType(action.action.type()).waitsForPerson())) {
                action.status = ActionExecutionStatus.Abandoned;
                action.lastUpdateTime = ctx.now();
                announce(action);
            }
        }
        if (current.actions.stream().noneMatch(ActionRun::inProgress)) {
            finishStage(current, StageExecutionStatus.Stopped);
        }
    }

    /** Re-runs a failed or stopped stage of the stage's latest execution. */
    public synchronized String retryStage(String name, String stageName, String executionId, boolean allActions) {
        PipelineRecord p = pipeline(name);
        if (p.definition.stage(stageName).isEmpty()) {
            throw stageNotFound(name, stageName);
        }
        StageSlot slot = p.slot(stageName);
        StageRun latest = slot.latest;
        if (latest == null || !latest.run.id.equals(executionId)) {
            throw new ServiceError("NotLatestPipelineExecutionException", "Pipeline execution " + executionId
                    + " is not the latest execution of stage '" + stageName + "'");
        }
        PipelineRun run = latest.run;
        boolean retryable = (latest.status == StageExecutionStatus.Failed || latest.status == StageExecutionStatus.Stopped)
                && (run.status == PipelineExecutionStatus.Failed || run.status == PipelineExecutionStatus.Stopped);
        if (!retryable) {
            throw new ServiceError("StageNotRetryableException", "Stage '" + stageName + "' of execution "
                    + executionId + " is " + latest.status + "; only failed or stopped stages can be retried");
        }
        if (p.definition.executionMode() != ExecutionMode.PARALLEL && !slot.occupants.isEmpty()) {
            throw new ServiceError("ConflictException", "Stage '" + stageName + "' is running another execution");
        }
        StageRun retry = new StageRun(run, latest.stage);
        retry.manualRetryAttempt = latest.manualRetryAttempt + 1;
        run.status = PipelineExecutionStatus.InProgress;
        run.statusSummary = null;
        run.stopReason = null;
        run.abandonRequested = false;
        run.stageIndex = run.definition.indexOf(stageName);
        run.lastUpdateTime = ctx.now();
        run.stageRuns.add(retry);
        slot.occupants.add(run);
        slot.latest = retry;
        announce(run, StateChange.State.RESUMED);
        announce(retry, StateChange.State.RESUMED);
        if (allActions) {
            startGroup(retry);
        } else {
            retry.groupIndex = latest.groupIndex;
            int runOrder = latest.stage.runOrders().get(latest.groupIndex);
            for (ActionDefinition action : latest.stage.actions()) {
                if (action.runOrder() != runOrder) {
                    continue;
                }
                Optional<ActionRun> previous = latest.actions.stream()
                        .filter(a -> a.action.name().equals(action.name())).reduce((a, b) -> b);
                if (previous.isPresent() && previous.get().status == ActionExecutionStatus.Succeeded) {
                    retry.actions.add(previous.get());
                } else {
                    startAction(retry, action);
                }
            }
        }
        return run.id;
    }

    private Optional<Commit> knownCommit(PipelineRecord p, String commitId) {
        return p.runs.stream().map(r -> r.commit).filter(c -> c.id().equals(commitId)).findFirst();
    }

    // ---------------------------------------------------------------- pipeline changes

    /** Replaces a pipeline's declaration; nothing changes unless the whole new declaration is valid. */
    public synchronized ObjectNode updatePipeline(JsonNode pipelineDeclaration) {
        DeclarationParser.Parsed parsed = parser.parse(pipelineDeclaration);
        PipelineRecord p = pipeline(parsed.definition().name());
        p.history.put(p.version, declarationWithVersion(p));
        p.version++;
        p.updated = ctx.now();
        p.replaceDefinition(parsed.definition(), parsed.declaration());
        ctx.objects.createBucket(parsed.definition().artifactBucket());
        return declarationWithVersion(p);
    }

    /** Deletes a pipeline; deleting one that does not exist succeeds, as on AWS. */
    public synchronized void deletePipeline(String name) {
        PipelineRecord p = pipelines.remove(name);
        if (p == null) {
            return;
        }
        for (PipelineRun run : p.runs) {
            for (ActionRun action : run.actionRuns) {
                if (action.inProgress()) {
                    action.status = ActionExecutionStatus.Abandoned;
                    action.lastUpdateTime = ctx.now();
                }
            }
            if (!run.status.finished()) {
                finishRun(run, PipelineExecutionStatus.Stopped, "The pipeline was deleted");
            }
        }
    }

    // ---------------------------------------------------------------- transitions

    /**
     * Enables or disables the transition into a stage ({@code inbound}) or out of it. The transition out of
     * a stage is the same gate as the transition into the next one, which is where GetPipelineState shows it.
     */
    public synchronized void setTransition(String name, String stageName, boolean inbound, boolean enable,
                                           String identity, String reason) {
        PipelineRecord p = pipeline(name);
        int index = p.definition.indexOf(stageName);
        if (index < 0) {
            throw stageNotFound(name, stageName);
        }
        int gate = inbound ? index : index + 1;
        if (gate == 0) {
            throw ServiceError.validation("Stage '" + stageName + "' is the first stage of pipeline '" + name
                    + "'; it has no inbound transition");
        }
        if (gate >= p.definition.stages().size()) {
            throw ServiceError.validation("Stage '" + stageName + "' is the last stage of pipeline '" + name
                    + "'; it has no outbound transition");
        }
        StageSlot slot = p.slot(p.definition.stages().get(gate).name());
        setInbound(p, slot, enable, identity, reason);
    }

    // ---------------------------------------------------------------- transitions

    private void setInbound(PipelineRecord p, StageSlot slot, boolean enable, String identity, String reason) {
        slot.inboundEnabled = enable;
        slot.lastChangedBy = identity;
        slot.lastChangedAt = ctx.now();
        slot.disabledReason = enable ? null : reason;
        if (enable) {
            admit(p, slot);
        }
    }

    // ---------------------------------------------------------------- state change events

    private void announce(PipelineRun run, StateChange.State state) {
        stateChanges.changed(new StateChange.Pipeline(run.definition.name(), run.id, run.pipelineVersion, run.startTime,
                ctx.now(), state, run.trigger));
    }

    private void announce(StageRun stageRun, StateChange.State state) {
        PipelineRun run = stageRun.run;
        stateChanges.changed(new StateChange.Stage(run.definition.name(), run.id, run.pipelineVersion, run.startTime,
                ctx.now(), state, stageRun.stage.name()));
    }

    /** An action's change to its current status: started, or ended as it ended. */
    private void announce(ActionRun action) {
        PipelineRun run = action.run();
        StateChange.State state = switch (action.status) {
            case InProgress -> StateChange.State.STARTED;
            case Succeeded -> StateChange.State.SUCCEEDED;
            case Abandoned -> StateChange.State.ABANDONED;
            case Failed -> StateChange.State.FAILED;
        };
        boolean ended = state != StateChange.State.STARTED;
        stateChanges.changed(new StateChange.Action(run.definition.name(), run.id, run.pipelineVersion, run.startTime,
                ctx.now(), state, action.stageName(), action.action.name(), action.action.type(),
                action.inputs, ended ? action.outputs : List.of(),
                Optional.ofNullable(ended ? action.externalExecutionId : null),
                Optional.ofNullable(ended ? action.externalExecutionUrl : null),
                Optional.ofNullable(ended ? action.externalExecutionSummary : null),
                Optional.ofNullable(state == StateChange.State.FAILED ? action.errorDetails : null)));
    }

    // ---------------------------------------------------------------- helpers

    PipelineRecord pipeline(String name) {
        PipelineRecord p = pipelines.get(name);
        if (p == null) {
            throw new ServiceError("PipelineNotFoundException",
                    "Account '" + ctx.accountId + "' does not have a pipeline with name '" + name + "'");
        }
        return p;
    }

    private static ServiceError stageNotFound(String pipelineName, String stageName) {
        return new ServiceError("StageNotFoundException",
                "Stage '" + stageName + "' was not found in pipeline '" + pipelineName + "'");
    }

    private Commit headCommit(PipelineRecord pipeline) {
        if (pipeline.headCommit == null) {
            pipeline.headCommit = new Commit(ctx.ids.hex(40), "Initial commit", "unknown", Optional.empty());
        }
        return pipeline.headCommit;
    }

    private Trigger pushTrigger(PipelineRecord pipeline) {
        ActionDefinition source = pipeline.definition.stages().get(0).actions().get(0);
        return switch (source.type().provider()) {
            case "CodeStarSourceConnection" -> new Trigger("V2".equals(pipeline.definition.pipelineType())
                    ? "WebhookV2" : "Webhook", source.config("ConnectionArn").orElse(""));
            case "GitHub" -> new Trigger("Webhook", pipeline.arn.replace(":" + pipeline.definition.name(),
                    ":webhook:" + pipeline.definition.name() + "--" + source.name()));
            case "CodeCommit" -> new Trigger("CloudWatchEvent", "arn:aws:events:" + ctx.region + ":" + ctx.accountId
                    + ":rule/codepipeline-" + pipeline.definition.name() + "-rule");
            default -> new Trigger("PollForSourceChanges", source.name());
        };
    }

    private static ObjectNode declarationWithVersion(PipelineRecord p) {
        ObjectNode copy = p.declaration.deepCopy();
        copy.put("version", p.version);
        return copy;
    }
}
