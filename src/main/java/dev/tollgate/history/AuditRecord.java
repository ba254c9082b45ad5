package dev.tollgate.history;

import dev.tollgate.pipeline.ApprovalOutcome;
import dev.tollgate.pipeline.ExecutionSummary;
import dev.tollgate.pipeline.PipelineExecution;
import dev.tollgate.pipeline.Revision;
import dev.tollgate.release.ExecutionImages;
import dev.tollgate.release.ReleaseImage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One execution as the audit trail records it: what ran, from which commits, who approved it with which
 * words, and which images it carried. Plain text and instants only, so that CSV and JSON can carry it
 * exactly; text that is absent is the empty string, never null.
 *
 * @param imagesNote why no images are listed (no build output, unreadable artifact), or empty
 */
public record AuditRecord(
        String pipeline,
        String executionId,
        String status,
        String statusSummary,
        String executionType,
        String trigger,
        String triggerDetail,
        Instant startedAt,
        Instant endedAt,
        Long durationSeconds,
        List<Commit> commits,
        List<Approval> approvals,
        List<Image> images,
        String imagesNote) {

    public record Commit(String source, String id, String message, String url) {
        public Commit {
            source = text(source);
            id = text(id);
            message = text(message);
            url = text(url);
        }

        boolean isEmpty() {
            return source.isEmpty() && id.isEmpty() && message.isEmpty() && url.isEmpty();
        }
    }

    /** @param decision Approved, Rejected, Waiting, Expired or Ended; @param approver the full ARN */
    public record Approval(String stage, String action, String decision, String approver, String comment, Instant at) {
        public Approval {
            stage = text(stage);
            action = text(action);
            decision = text(decision);
            approver = text(approver);
            comment = text(comment);
        }

        boolean isEmpty() {
            return stage.isEmpty() && action.isEmpty() && decision.isEmpty() && approver.isEmpty() && comment.isEmpty()
                    && at == null;
        }
    }

    /** @param digest the digest that runs: pinned in the artifact, else the one ECR reported for the tag */
    public record Image(String container, String uri, String tag, String digest) {
        public Image {
            container = text(container);
            uri = text(uri);
            tag = text(tag);
            digest = text(digest);
        }

        boolean isEmpty() {
            return container.isEmpty() && uri.isEmpty() && tag.isEmpty() && digest.isEmpty();
        }
    }

    public AuditRecord {
        pipeline = text(pipeline);
        executionId = text(executionId);
        status = text(status);
        statusSummary = text(statusSummary);
        executionType = text(executionType);
        trigger = text(trigger);
        triggerDetail = text(triggerDetail);
        // An entry with nothing in it cannot be told from a missing one in CSV; it is dropped here so both agree.
        commits = withoutEmpty(commits, Commit::isEmpty);
        approvals = withoutEmpty(approvals, Approval::isEmpty);
        images = withoutEmpty(images, Image::isEmpty);
        imagesNote = text(imagesNote);
    }

    /**
     * @param images the images the execution carried, or null when they were not looked up
     */
    public static AuditRecord of(ExecutionSummary summary, ExecutionImages images) {
        PipelineExecution execution = summary.execution();
        Instant ended = summary.endTime().orElse(null);
        Long seconds = ended == null || execution.startTime() == null ? null
                : Duration.between(execution.startTime(), ended).getSeconds();
        List<Commit> commits = execution.revisions().stream().map(AuditRecord::commit).toList();
        List<Approval> approvals = summary.approvals().stream().map(AuditRecord::approval).toList();
        List<Image> carried = images == null ? List.of() : images.releaseImages().stream().map(AuditRecord::image).toList();
        String note = images == null ? "" : images.problem().orElse("");
        return new AuditRecord(execution.pipelineName(), execution.executionId(), execution.status().wireValue(),
                execution.statusSummary(), execution.executionType(), execution.triggerType(),
                execution.triggerDetail(), execution.startTime(), ended, seconds, commits, approvals, carried, note);
    }

    private static Commit commit(Revision revision) {
        return new Commit(revision.actionName(), revision.revisionId(), revision.summary(), revision.url());
    }

    private static Approval approval(ApprovalOutcome outcome) {
        return new Approval(outcome.stageName(), outcome.actionName(), outcome.verdict().label(), outcome.approver(),
                outcome.comment(), outcome.at());
    }

    private static Image image(ReleaseImage image) {
        return new Image(image.containerName().orElse(""), image.image().toString(), image.image().tag().orElse(""),
                image.effectiveDigest().orElse(""));
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    private static <T> List<T> withoutEmpty(List<T> entries, Predicate<T> isEmpty) {
        return Objects.requireNonNull(entries).stream().filter(Objects::nonNull).filter(isEmpty.negate()).toList();
    }
}
