package dev.tollgate.ui.review;

import dev.tollgate.pipeline.ApprovalDecision;
import dev.tollgate.pipeline.ApprovalDecision.Verdict;
import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineGateway;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.ui.common.DialogService;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pending approval of the selected pipeline and the reviewer's decision on it. The comment is a draft
 * that survives refreshes and failures; it is cleared only once CodePipeline recorded the decision.
 */
public final class ApprovalReviewViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalReviewViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** How the last decision went, for the line under the buttons. */
    public record Outcome(Kind kind, String message) {
        public enum Kind { DONE, NOTICE, FAILED }
    }

    private final PipelineGateway gateway;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Consumer<String> refreshPipeline;

    private String shownPipeline;
    private final ReadOnlyObjectWrapper<ApprovalRequest> request = new ReadOnlyObjectWrapper<>(this, "request");
    private final StringProperty comment = new SimpleStringProperty(this, "comment", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final StringBinding commentProblem;
    private final BooleanBinding canDecide;

    public ApprovalReviewViewModel(PipelineGateway gateway, BackgroundTasks tasks, DialogService dialogs,
            Consumer<String> refreshPipeline) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.refreshPipeline = Objects.requireNonNull(refreshPipeline);
        this.commentProblem = Bindings.createStringBinding(
                () -> ApprovalDecision.problemWith(comment.get()).orElse(null), comment);
        this.canDecide = request.isNotNull().and(busy.not()).and(commentProblem.isNull());
    }

    /** Shows the first approval waiting in the pipeline, or none. Keeps the draft comment either way. */
    public void show(PipelineSnapshot snapshot) {
        String name = snapshot == null ? null : snapshot.name();
        if (!Objects.equals(name, shownPipeline)) {
            shownPipeline = name;
            outcome.set(null);
        }
        if (busy.get()) {
            // The decision in flight concerns the current request; its outcome decides what to show next.
            return;
        }
        List<ApprovalRequest> pending = snapshot == null ? List.of() : snapshot.pendingApprovals();
        ApprovalRequest next = pending.isEmpty() ? null : pending.get(0);
        ApprovalRequest current = request.get();
        if (current == null || next == null || !current.sameWaitAs(next)) {
            request.set(next);
        }
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
        boolean sure = dialogs.confirm("Reject this release?",
                "Rejecting fails execution " + shortId(reviewed.pipelineExecutionId()) + " of "
                        + reviewed.pipelineName() + "; it will not be deployed.", "Reject");
        if (sure) {
            decide(Verdict.REJECT);
        }
    }

    private void decide(Verdict verdict) {
        ApprovalRequest reviewed = request.get();
        if (reviewed == null || !canDecide.get()) {
            return;
        }
        ApprovalDecision decision = new ApprovalDecision(verdict, comment.get());
        busy.set(true);
        outcome.set(null);
        tasks.submit(() -> gateway.decide(reviewed, decision))
                .onSuccess(at -> decided(reviewed, verdict, at))
                .onFailure(error -> failed(reviewed, error));
    }

    private void decided(ApprovalRequest reviewed, Verdict verdict, Instant at) {
        busy.set(false);
        comment.set("");
        request.set(null);
        String what = verdict == Verdict.APPROVE ? "Approved" : "Rejected";
        outcome.set(new Outcome(Outcome.Kind.DONE, what + " " + reviewed.location() + " at " + TIME.format(at) + "."));
        LOG.info("{} {} (execution {})", what, reviewed.location(), reviewed.pipelineExecutionId());
        refreshPipeline.accept(reviewed.pipelineName());
    }

    private void failed(ApprovalRequest reviewed, Throwable error) {
        busy.set(false);
        if (error instanceof GatewayException gateway
                && (gateway.problem() == GatewayException.Problem.APPROVAL_ALREADY_DECIDED
                        || gateway.problem() == GatewayException.Problem.APPROVAL_TOKEN_CHANGED)) {
            // Not an error: somebody else was faster, or the execution moved on. Show the new state calmly.
            request.set(null);
            outcome.set(new Outcome(Outcome.Kind.NOTICE, gateway.getMessage() + " Your comment is kept."));
            refreshPipeline.accept(reviewed.pipelineName());
            return;
        }
        String message = error instanceof GatewayException ? error.getMessage()
                : "Could not send the decision: " + error.getClass().getSimpleName();
        LOG.warn("Decision on {} failed: {}", reviewed.location(), message);
        outcome.set(new Outcome(Outcome.Kind.FAILED, message + " Nothing was recorded; your comment is kept."));
    }

    private static String shortId(String id) {
        return id == null ? "?" : id.substring(0, Math.min(8, id.length()));
    }

    public ReadOnlyObjectProperty<ApprovalRequest> requestProperty() {
        return request.getReadOnlyProperty();
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
