package dev.tollgate.ui.review;

import dev.tollgate.ui.common.Texts;
import dev.tollgate.identity.CallerIdentity;
import dev.tollgate.pipeline.ApprovalChange;
import dev.tollgate.pipeline.ApprovalDecision;
import dev.tollgate.pipeline.ApprovalDecision.Verdict;
import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineExecution;
import dev.tollgate.pipeline.PipelineGateway;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.release.DefinitionsFile;
import dev.tollgate.release.ExecutionImages;
import dev.tollgate.release.ReleaseDiff;
import dev.tollgate.release.ReleaseFinder;
import dev.tollgate.storage.DraftStore;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.ui.common.DialogService;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review of one waiting approval: what it is, which images it would deploy and how they differ from what
 * runs today, and the reviewer's decision. A decision is bound to the reviewed wait (execution and token):
 * if the wait changed meanwhile, nothing is sent and the change is shown instead. The comment is a draft,
 * persisted, that survives refreshes, failures and restarts until the decision is recorded.
 */
public final class ApprovalReviewViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalReviewViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** How the last decision went, for the line under the buttons. */
    public record Outcome(Kind kind, String message) {
        public enum Kind { DONE, NOTICE, FAILED }
    }

    /** Today's images beside the ones under review. */
    public record Comparison(PipelineExecution deployedExecution, ReleaseDiff diff) {
    }

    /** What a decision call found: recorded, or refused because the wait had changed. */
    private sealed interface Sent {
        record Recorded(Instant at) implements Sent {
        }

        record Refused(ApprovalChange change, PipelineSnapshot now) implements Sent {
        }
    }

    private final PipelineGateway gateway;
    private final ReleaseFinder releases;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final DraftStore drafts;
    private final Consumer<String> refreshPipeline;
    private final Supplier<Optional<CallerIdentity>> me;
    private final ReadOnlyStringWrapper selfApproval = new ReadOnlyStringWrapper(this, "selfApproval");

    /** A decision whose call failed in a way that leaves its fate unknown. */
    private record Unconfirmed(ApprovalRequest reviewed, ApprovalDecision decision) {
    }

    private String shownPipeline;
    private ApprovalDecision pendingDecision;
    private Unconfirmed unconfirmed;
    private PipelineSnapshot latestSnapshot;
    private final ReadOnlyObjectWrapper<ApprovalRequest> request = new ReadOnlyObjectWrapper<>(this, "request");
    private final ReadOnlyObjectWrapper<PipelineExecution> execution = new ReadOnlyObjectWrapper<>(this, "execution");
    private final ReadOnlyObjectWrapper<ExecutionImages> images = new ReadOnlyObjectWrapper<>(this, "images");
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ReadOnlyStringWrapper detailsProblem = new ReadOnlyStringWrapper(this, "detailsProblem");
    private final ReadOnlyBooleanWrapper loadingImages = new ReadOnlyBooleanWrapper(this, "loadingImages");
    private final ReadOnlyObjectWrapper<ApprovalChange> change = new ReadOnlyObjectWrapper<>(this, "change");
    private final StringProperty comment = new SimpleStringProperty(this, "comment", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final StringBinding commentProblem;
    private final BooleanBinding canDecide;

    public ApprovalReviewViewModel(PipelineGateway gateway, ReleaseFinder releases, BackgroundTasks tasks,
            DialogService dialogs, DraftStore drafts, Consumer<String> refreshPipeline) {
        this(gateway, releases, tasks, dialogs, drafts, refreshPipeline, Optional::empty);
    }

    /**
     * @param me who the reviewer is, once STS has answered: for "approved by you" and the self-approval warning
     */
    public ApprovalReviewViewModel(PipelineGateway gateway, ReleaseFinder releases, BackgroundTasks tasks,
            DialogService dialogs, DraftStore drafts, Consumer<String> refreshPipeline, Supplier<Optional<CallerIdentity>> me) {
        this.me = Objects.requireNonNull(me);
        this.gateway = Objects.requireNonNull(gateway);
        this.releases = Objects.requireNonNull(releases);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.drafts = Objects.requireNonNull(drafts);
        this.refreshPipeline = Objects.requireNonNull(refreshPipeline);
        this.commentProblem = Bindings.createStringBinding(
                () -> ApprovalDecision.problemWith(comment.get())
                        .map(problem -> Texts.get("review.commentTooLong", comment.get().length(), ApprovalDecision.MAX_COMMENT_LENGTH))
                        .orElse(null), comment);
        this.canDecide = request.isNotNull().and(busy.not()).and(commentProblem.isNull()).and(change.isNull());
        comment.addListener((obs, old, text) -> {
            ApprovalRequest reviewed = request.get();
            if (reviewed != null) {
                drafts.put(draftKey(reviewed), text);
            }
        });
    }

    /**
     * Follows the selected pipeline. A new pipeline shows its first waiting approval; for the same pipeline,
     * a change of the reviewed wait is flagged, never silently swapped under the reviewer's eyes.
     */
    public void show(PipelineSnapshot snapshot) {
        String name = snapshot == null ? null : snapshot.name();
        latestSnapshot = snapshot;
        if (!Objects.equals(name, shownPipeline)) {
            shownPipeline = name;
            outcome.set(null);
            adopt(firstWaiting(snapshot));
            return;
        }
        if (busy.get() || snapshot == null) {
            return;
        }
        settleUnconfirmed(snapshot);
        ApprovalRequest current = request.get();
        if (current == null) {
            adopt(firstWaiting(snapshot));
            return;
        }
        change.set(snapshot.changeOf(current).orElse(null));
    }

    /** Opens one particular waiting approval of the shown pipeline (from the inbox or a notification). */
    public void focus(ApprovalRequest wanted) {
        if (latestSnapshot == null || !latestSnapshot.name().equals(wanted.pipelineName()) || busy.get()) {
            return;
        }
        ApprovalRequest current = request.get();
        if (current != null && current.sameWaitAs(wanted)) {
            return;
        }
        latestSnapshot.pendingApprovals().stream().filter(wanted::sameWaitAs).findFirst().ifPresent(this::adopt);
    }

    /** After a change was shown: review what waits now (possibly nothing). */
    public void reviewLatest() {
        outcome.set(null);
        adopt(firstWaiting(latestSnapshot));
    }

    public void approve() {
        decide(Verdict.APPROVE);
    }

    /** Rejecting fails the execution, so it is confirmed first. */
    public void reject() {
        ApprovalRequest reviewed = request.get();
        if (reviewed == null || !canDecide.get()) {
            return;
        }
        boolean sure = dialogs.confirm(Texts.get("review.confirmReject.title"),
                Texts.get("review.confirmReject.question", shortId(reviewed.pipelineExecutionId()), reviewed.pipelineName()),
                Texts.get("review.reject"));
        if (sure) {
            decide(Verdict.REJECT);
        }
    }

    private static ApprovalRequest firstWaiting(PipelineSnapshot snapshot) {
        List<ApprovalRequest> pending = snapshot == null ? List.of() : snapshot.pendingApprovals();
        return pending.isEmpty() ? null : pending.get(0);
    }

    private void adopt(ApprovalRequest next) {
        change.set(null);
        execution.set(null);
        images.set(null);
        comparison.set(null);
        detailsProblem.set(null);
        selfApproval.set(null);
        // Set the request before the comment, so the listener files the draft under the right wait.
        request.set(next);
        comment.set(next == null ? "" : drafts.get(draftKey(next)).orElse(""));
        if (next != null) {
            load(next);
        }
    }

    private void load(ApprovalRequest reviewed) {
        tasks.submit(() -> gateway.execution(reviewed.pipelineName(), reviewed.pipelineExecutionId()))
                .onSuccess(found -> {
                    if (reviewed.equals(request.get())) {
                        execution.set(found);
                        selfApproval.set(selfApprovalWarning(found).orElse(null));
                    }
                })
                .onFailure(error -> {
                    if (reviewed.equals(request.get())) {
                        detailsProblem.set(messageOf(error));
                    }
                });
        loadingImages.set(true);
        List<DefinitionsFile> wanted = DefinitionsFile.standard();
        Optional<String> deployStage = Optional.ofNullable(latestSnapshot)
                .flatMap(s -> s.deployStageAfter(reviewed.stageName())).map(Stage::name);
        tasks.submit(() -> releases.imagesOf(reviewed.pipelineName(), reviewed.pipelineExecutionId(), wanted))
                .onSuccess(found -> {
                    if (!reviewed.equals(request.get())) {
                        return;
                    }
                    loadingImages.set(false);
                    images.set(found);
                    deployStage.ifPresent(stage -> compareWithDeployed(reviewed, stage, found, wanted));
                })
                .onFailure(error -> {
                    if (reviewed.equals(request.get())) {
                        loadingImages.set(false);
                        images.set(ExecutionImages.failed(reviewed.pipelineName(), reviewed.pipelineExecutionId(),
                                Optional.empty(), messageOf(error)));
                    }
                });
    }

    /**
     * Four eyes: when the reviewer started this execution by hand, approving it is approving their own
     * change. Only a manual start names its starter; a push names the source connection.
     */
    private Optional<String> selfApprovalWarning(PipelineExecution found) {
        boolean startedByHand = "StartPipelineExecution".equals(found.triggerType());
        return me.get()
                .filter(identity -> startedByHand && identity.isSameAs(found.triggerDetail()))
                .map(identity -> Texts.get("review.selfApproval"));
    }

    private void compareWithDeployed(ApprovalRequest reviewed, String deployStage, ExecutionImages underReview,
            List<DefinitionsFile> wanted) {
        tasks.submit(() -> gateway.lastSucceededThrough(reviewed.pipelineName(), deployStage)
                        .map(deployed -> new Comparison(deployed, ReleaseDiff.between(
                                releases.imagesOf(reviewed.pipelineName(), deployed.executionId(), wanted).releaseImages(),
                                underReview.releaseImages()))))
                .onSuccess(found -> {
                    if (reviewed.equals(request.get())) {
                        comparison.set(found.orElse(null));
                    }
                })
                .onFailure(error -> LOG.info("Could not compare with what {} runs today: {}", deployStage, messageOf(error)));
    }

    private void decide(Verdict verdict) {
        ApprovalRequest reviewed = request.get();
        if (reviewed == null || !canDecide.get()) {
            return;
        }
        ApprovalDecision decision = new ApprovalDecision(verdict, comment.get());
        pendingDecision = decision;
        unconfirmed = null;
        busy.set(true);
        outcome.set(null);
        tasks.submit(() -> send(reviewed, decision))
                .onSuccess(sent -> {
                    busy.set(false);
                    if (sent instanceof Sent.Recorded recorded) {
                        decided(reviewed, verdict, recorded.at());
                    } else {
                        Sent.Refused refused = (Sent.Refused) sent;
                        latestSnapshot = refused.now();
                        change.set(refused.change());
                        outcome.set(new Outcome(Outcome.Kind.NOTICE, Texts.get("review.outcome.nothingSent")));
                    }
                })
                .onFailure(error -> failed(reviewed, error));
    }

    /** Checks that the reviewed wait is still the one waiting, then sends; runs off the UI thread. */
    private Sent send(ApprovalRequest reviewed, ApprovalDecision decision) {
        PipelineSnapshot now = gateway.snapshot(reviewed.pipelineName());
        Optional<ApprovalChange> changed = now.changeOf(reviewed);
        if (changed.isPresent()) {
            return new Sent.Refused(changed.get(), now);
        }
        try {
            return new Sent.Recorded(gateway.decide(reviewed, decision));
        } catch (GatewayException e) {
            if (e.problem() != GatewayException.Problem.APPROVAL_ALREADY_DECIDED) {
                throw e;
            }
            // The SDK retries a call whose answer was lost; the retry then finds our own decision recorded.
            Optional<ApprovalChange> after = gateway.snapshot(reviewed.pipelineName()).changeOf(reviewed);
            if (after.filter(change -> isOurs(change, decision)).isPresent()) {
                return new Sent.Recorded(((ApprovalChange.Decided) after.get()).at());
            }
            throw e;
        }
    }

    /** A recorded decision with our verdict and our exact comment is the one we sent. */
    private static boolean isOurs(ApprovalChange change, ApprovalDecision decision) {
        if (!(change instanceof ApprovalChange.Decided decided)) {
            return false;
        }
        boolean sameVerdict = decision.verdict() == Verdict.APPROVE
                ? decided.outcome().is(dev.tollgate.pipeline.Status.Kind.SUCCEEDED)
                : decided.outcome().is(dev.tollgate.pipeline.Status.Kind.FAILED);
        return sameVerdict && Objects.equals(Objects.toString(decided.summary(), ""), decision.comment());
    }

    private void decided(ApprovalRequest reviewed, Verdict verdict, Instant at) {
        drafts.remove(draftKey(reviewed));
        boolean approved = verdict == Verdict.APPROVE;
        String done = me.get()
                .map(identity -> Texts.get(approved ? "review.outcome.approvedBy" : "review.outcome.rejectedBy",
                        identity.displayName(), TIME.format(at), reviewed.location()))
                .orElseGet(() -> Texts.get(approved ? "review.outcome.approved" : "review.outcome.rejected",
                        reviewed.location(), TIME.format(at)));
        outcome.set(new Outcome(Outcome.Kind.DONE, done));
        LOG.info("{} {} (execution {})", verdict, reviewed.location(), reviewed.pipelineExecutionId());
        request.set(null);
        comment.set("");
        execution.set(null);
        images.set(null);
        comparison.set(null);
        refreshPipeline.accept(reviewed.pipelineName());
    }

    private void failed(ApprovalRequest reviewed, Throwable error) {
        busy.set(false);
        if (error instanceof GatewayException gatewayError
                && (gatewayError.problem() == GatewayException.Problem.APPROVAL_ALREADY_DECIDED
                        || gatewayError.problem() == GatewayException.Problem.APPROVAL_TOKEN_CHANGED)) {
            // Not an error: somebody else was faster, or the execution moved on. The refresh says who and when.
            outcome.set(new Outcome(Outcome.Kind.NOTICE, Texts.get("review.outcome.commentKept", gatewayError.getMessage())));
            refreshPipeline.accept(reviewed.pipelineName());
            return;
        }
        String message = messageOf(error);
        LOG.warn("Decision on {} failed: {}", reviewed.location(), message);
        if (error instanceof GatewayException gatewayError && gatewayError.isTransient()) {
            // The request may have reached AWS before the connection failed: say so, and let the next
            // refresh tell whether it was recorded.
            unconfirmed = new Unconfirmed(reviewed, pendingDecision);
            outcome.set(new Outcome(Outcome.Kind.FAILED, Texts.get("review.outcome.unknownFate", message)));
            return;
        }
        outcome.set(new Outcome(Outcome.Kind.FAILED, Texts.get("review.outcome.notRecorded", message)));
    }

    /** After a transient failure: settles the unconfirmed decision from what the pipeline now shows. */
    private void settleUnconfirmed(PipelineSnapshot snapshot) {
        Unconfirmed pending = unconfirmed;
        if (pending == null || !snapshot.name().equals(pending.reviewed().pipelineName())) {
            return;
        }
        unconfirmed = null;
        Optional<ApprovalChange> now = snapshot.changeOf(pending.reviewed());
        if (now.filter(change -> isOurs(change, pending.decision())).isPresent()) {
            decided(pending.reviewed(), pending.decision().verdict(), ((ApprovalChange.Decided) now.get()).at());
        } else if (now.isEmpty()) {
            outcome.set(new Outcome(Outcome.Kind.FAILED, Texts.get("review.outcome.stillWaits")));
        }
    }

    private static String messageOf(Throwable error) {
        return Texts.problemOf(error);
    }

    static String draftKey(ApprovalRequest request) {
        return String.join("|", request.pipelineName(), request.stageName(), request.actionName(),
                String.valueOf(request.pipelineExecutionId()));
    }

    private static String shortId(String id) {
        return id == null ? "?" : id.substring(0, Math.min(8, id.length()));
    }

    public ReadOnlyObjectProperty<ApprovalRequest> requestProperty() {
        return request.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PipelineExecution> executionProperty() {
        return execution.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ExecutionImages> imagesProperty() {
        return images.getReadOnlyProperty();
    }

    /** A warning when the reviewer would approve an execution they started themselves; null otherwise. */
    public ReadOnlyStringProperty selfApprovalProperty() {
        return selfApproval.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingImagesProperty() {
        return loadingImages.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailsProblemProperty() {
        return detailsProblem.getReadOnlyProperty();
    }

    /** What happened to the reviewed wait since it was shown; null while it still waits unchanged. */
    public ReadOnlyObjectProperty<ApprovalChange> changeProperty() {
        return change.getReadOnlyProperty();
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Why the draft comment cannot be sent, or null. */
    public StringBinding commentProblemProperty() {
        return commentProblem;
    }

    public BooleanBinding canDecideProperty() {
        return canDecide;
    }
}
