package dev.tollgate.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.aws.AwsClients;
import dev.tollgate.aws.CodePipelineGateway;
import dev.tollgate.aws.CodePipelineHistory;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.aws.EcrImageRegistry;
import dev.tollgate.aws.S3ArtifactSource;
import dev.tollgate.pipeline.ExecutionSummary;
import dev.tollgate.pipeline.HistoryFilter;
import dev.tollgate.pipeline.Status;
import dev.tollgate.release.ArtifactLimits;
import dev.tollgate.release.DefinitionsFile;
import dev.tollgate.release.ReleaseFinder;
import dev.tollgate.sandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Exports of a 1,000-execution sandbox pipeline, with images read from the build artifacts and ECR. */
class HistoryExportTest {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryExportTest.class);
    private static final int EXTRA = 1000;
    private static final Instant EXPORTED_AT = Instant.parse("2027-01-01T00:00:00Z");

    @TempDir
    Path folder;

    private static Sandbox sandbox;
    private static AwsClients clients;
    private static CodePipelineHistory history;
    private static ExecutionImageCache images;

    @BeforeAll
    static void start() {
        sandbox = LongHistory.start(EXTRA);
        clients = new AwsClients(ConnectionSettings.sandbox(sandbox.endpoint()));
        history = new CodePipelineHistory(clients.codePipeline());
        ReleaseFinder releases = new ReleaseFinder(new CodePipelineGateway(clients.codePipeline(), Clock.systemUTC()),
                new S3ArtifactSource(clients.s3()), new EcrImageRegistry(clients.ecr()), ArtifactLimits.defaults());
        images = new ExecutionImageCache((pipeline, id) -> releases.imagesOf(pipeline, id, DefinitionsFile.standard()), 2000);
    }

    @AfterAll
    static void stop() {
        clients.close();
        sandbox.close();
    }

    private static HistoryExport exporter() {
        return new HistoryExport(history, images, Clock.fixed(EXPORTED_AT, ZoneOffset.UTC));
    }

    @Test
    void theWholeHistoryAsCsvReadsBackAsTheListWithApprovalsAndImages() throws IOException {
        Path file = folder.resolve("ecs-webapp.csv");
        List<String> messages = new ArrayList<>();
        long started = System.nanoTime();

        HistoryExport.Result result = exporter().export(LongHistory.PIPELINE, HistoryFilter.ALL, file,
                (step, fraction) -> messages.add(step.toString()), () -> false);

        LOG.info("Exported {} executions with images in {} ms", result.executions(), (System.nanoTime() - started) / 1_000_000);
        List<AuditRecord> expected = expectedRecords(HistoryFilter.ALL);
        assertThat(result.executions()).isEqualTo(expected.size()).isGreaterThan(EXTRA);
        assertThat(AuditCsv.read(Files.readAllBytes(file))).isEqualTo(expected);
        assertThat(messages).anyMatch(m -> m.startsWith("Reading images")).last().asString().startsWith("Writing");
        AuditRecord approved = expected.stream()
                .filter(r -> r.commits().get(0).message().equals(LongHistory.message(8))).findFirst().orElseThrow();
        assertThat(approved.approvals()).singleElement().satisfies(approval -> {
            assertThat(approval.decision()).isEqualTo("Approved");
            assertThat(approval.approver()).isEqualTo(LongHistory.APPROVER_ARN + LongHistory.approverOf(8));
            assertThat(approval.comment()).isEqualTo("Approved change #8");
        });
        assertThat(approved.images()).singleElement().satisfies(image -> {
            assertThat(image.tag()).isEqualTo(approved.commits().get(0).id().substring(0, 7));
            assertThat(image.digest()).startsWith("sha256:");
            assertThat(image.uri()).contains("/ecs-webapp:");
        });
    }

    @Test
    void aFilteredHistoryAsJsonReadsBackAndSaysWhatWasFiltered() throws IOException {
        Path file = folder.resolve("rejected.json");
        HistoryFilter rejectedByMei = HistoryFilter.ALL.withStatuses(Set.of(Status.Kind.FAILED)).withApprover("mei.chen");

        HistoryExport.Result result = exporter().export(LongHistory.PIPELINE, rejectedByMei, file, (m, f) -> { }, () -> false);

        assertThat(result.format()).isEqualTo(HistoryExport.Format.JSON);
        List<AuditRecord> read = AuditJson.read(Files.readAllBytes(file));
        assertThat(read).isNotEmpty().isEqualTo(expectedRecords(rejectedByMei))
                .allSatisfy(record -> assertThat(record.approvals().get(0).decision()).isEqualTo("Rejected"));
        assertThat(Files.readString(file)).contains("approver contains \\\"mei.chen\\\"", "2027-01-01T00:00:00Z");
    }

    @Test
    void aCancelledExportLeavesNoFileAndKeepsAnOldOne() throws IOException {
        Path fresh = folder.resolve("fresh.csv");
        Path existing = folder.resolve("existing.csv");
        Files.writeString(existing, "yesterday's export");
        AtomicInteger reports = new AtomicInteger();

        for (Path target : List.of(fresh, existing)) {
            reports.set(0);
            assertThatThrownBy(() -> exporter().export(LongHistory.PIPELINE, HistoryFilter.ALL, target,
                    (message, fraction) -> reports.incrementAndGet(), () -> reports.get() > 30))
                    .isInstanceOf(CancellationException.class);
        }

        assertThat(fresh).doesNotExist();
        assertThat(existing).hasContent("yesterday's export");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(existing);
        }
    }

    @Test
    void aDateRangeExportsOnlyThatRange() throws IOException {
        Path file = folder.resolve("range.csv");
        Instant newest = expectedSummaries(HistoryFilter.ALL).get(0).startTime();
        HistoryFilter lastDay = HistoryFilter.ALL.withRange(Optional.of(newest.minus(Duration.ofHours(23))), Optional.empty());

        exporter().export(LongHistory.PIPELINE, lastDay, file, (m, f) -> { }, () -> false);

        List<AuditRecord> read = AuditCsv.read(Files.readAllBytes(file));
        assertThat(read).hasSize(12).isEqualTo(expectedRecords(lastDay));
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).contains(LongHistory.message(EXTRA));
    }

    private static List<ExecutionSummary> expectedSummaries(HistoryFilter filter) {
        HistoryReader reader = new HistoryReader(history, LongHistory.PIPELINE, filter, 100);
        List<ExecutionSummary> all = new ArrayList<>();
        while (!reader.isExhausted()) {
            all.addAll(reader.next(100, () -> false).matches());
        }
        return all;
    }

    private static List<AuditRecord> expectedRecords(HistoryFilter filter) {
        return expectedSummaries(filter).stream().map(s -> AuditRecord.of(s, images.imagesOf(s.execution()))).toList();
    }
}
