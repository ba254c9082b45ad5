package dev.tollgate.history;

import dev.tollgate.pipeline.ExecutionHistory;
import dev.tollgate.pipeline.ExecutionSummary;
import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.HistoryFilter;
import dev.tollgate.release.ExecutionImages;
import dev.tollgate.storage.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Writes the filtered history of a pipeline, with approvals and images, to a CSV or JSON file: an audit trail.
 * The file appears whole or not at all: everything is gathered first, then written to a temporary file beside
 * the target and renamed, so a cancelled or failed export leaves no partial file (and an existing file as it was).
 */
public final class HistoryExport {

    private static final int BATCH = 100;

    public enum Format {
        CSV, JSON;

        /** By the file's extension; CSV unless it ends in .json. */
        public static Format forFile(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".json") ? JSON : CSV;
        }
    }

    /** Where an export stands; called on the exporting thread. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param fraction 0..1, or negative while the total is not known yet
         */
        void report(Step step, double fraction);
    }

    /**
     * What the export is doing, as data: the window says it in the user's language. {@link #toString()} says it
     * in English, for logs.
     *
     * @param done     executions found so far, or images read so far
     * @param total    executions found in all; 0 while finding
     * @param fileName the file being written, for {@link Kind#WRITING}
     */
    public record Step(Kind kind, int done, int total, String fileName) {
        public enum Kind { FINDING, READING_IMAGES, WRITING }

        @Override
        public String toString() {
            return switch (kind) {
                case FINDING -> "Finding executions: " + done + " so far";
                case READING_IMAGES -> "Reading images: " + done + " of " + total;
                case WRITING -> "Writing " + fileName;
            };
        }
    }

    public record Result(Path file, Format format, int executions) {
    }

    private final ExecutionHistory history;
    private final ExecutionImageCache images;
    private final Clock clock;

    public HistoryExport(ExecutionHistory history, ExecutionImageCache images, Clock clock) {
        this.history = Objects.requireNonNull(history);
        this.images = Objects.requireNonNull(images);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Blocks until written; call off the UI thread.
     *
     * @throws CancellationException when {@code cancelled} says so; nothing is written then
     * @throws GatewayException      when AWS cannot list the history
     * @throws IOException           when the file cannot be written
     */
    public Result export(String pipelineName, HistoryFilter filter, Path target, Progress progress,
            BooleanSupplier cancelled) throws IOException {
        Format format = Format.forFile(target);
        HistoryReader reader = new HistoryReader(history, pipelineName, filter, ExecutionHistory.MAX_PAGE_SIZE);
        List<ExecutionSummary> found = new ArrayList<>();
        while (!reader.isExhausted()) {
            progress.report(new Step(Step.Kind.FINDING, found.size(), 0, null), -1);
            found.addAll(reader.next(BATCH, cancelled).matches());
        }
        List<AuditRecord> records = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            checkCancelled(cancelled);
            progress.report(new Step(Step.Kind.READING_IMAGES, i + 1, found.size(), null),
                    found.isEmpty() ? 1 : (double) i / found.size());
            ExecutionSummary summary = found.get(i);
            records.add(AuditRecord.of(summary, imagesOf(summary)));
        }
        checkCancelled(cancelled);
        progress.report(new Step(Step.Kind.WRITING, records.size(), records.size(), target.getFileName().toString()), 1);
        byte[] content = format == Format.JSON
                ? AuditJson.write(pipelineName, clock.instant(), filter.describe(), records)
                : AuditCsv.write(records);
        AtomicFiles.write(target, content);
        return new Result(target, format, records.size());
    }

    /** An image lookup that fails is recorded in the file rather than failing the whole audit trail. */
    private ExecutionImages imagesOf(ExecutionSummary summary) {
        try {
            return images.imagesOf(summary.execution());
        } catch (GatewayException e) {
            return ExecutionImages.failed(summary.execution().pipelineName(), summary.executionId(), Optional.empty(),
                    e.getMessage());
        }
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("The export was cancelled; no file was written");
        }
    }
}
