package dev.tollgate.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.aws.AwsClients;
import dev.tollgate.aws.CodePipelineGateway;
import dev.tollgate.aws.CodePipelineHistory;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.aws.EcrImageRegistry;
import dev.tollgate.aws.S3ArtifactSource;
import dev.tollgate.history.AuditCsv;
import dev.tollgate.history.AuditRecord;
import dev.tollgate.history.ExecutionComparison;
import dev.tollgate.history.ExecutionImageCache;
import dev.tollgate.history.LongHistory;
import dev.tollgate.pipeline.ApprovalOutcome;
import dev.tollgate.pipeline.ExecutionDetail;
import dev.tollgate.pipeline.Status;
import dev.tollgate.release.ArtifactLimits;
import dev.tollgate.release.DefinitionsFile;
import dev.tollgate.release.ImageComparison;
import dev.tollgate.release.ReleaseFinder;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.ui.common.DialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history tab's logic over the real SDK and a sandbox pipeline of 1,000 executions, on one thread: every
 * background task runs inline, so each call returns with its outcome applied.
 */
class HistoryViewModelTest {

    private static final int EXTRA = 1000;

    @TempDir
    Path folder;

    private static Sandbox sandbox;
    private static AwsClients clients;
    private static CodePipelineHistory history;
    private static ReleaseFinder releases;

    private Path chosenFile;
    private HistoryViewModel model;

    @BeforeAll
    static void start() {
        sandbox = LongHistory.start(EXTRA);
        clients = new AwsClients(ConnectionSettings.sandbox(sandbox.endpoint()));
        history = new CodePipelineHistory(clients.codePipeline());
        releases = new ReleaseFinder(new CodePipelineGateway(clients.codePipeline(), Clock.systemUTC()),
                new S3ArtifactSource(clients.s3()), new EcrImageRegistry(clients.ecr()), ArtifactLimits.defaults());
    }

    @AfterAll
    static void stop() {
        clients.close();
        sandbox.close();
    }

    @BeforeEach
    void newModel() {
        BackgroundTasks inline = new BackgroundTasks(Runnable::run, Runnable::run);
        DialogService dialogs = new DialogService() {
            @Override
            public boolean confirm(String title, String question, String confirmLabel) {
                return true;
            }

            @Override
            public Optional<Path> chooseSaveFile(String title, String suggestedName, List<FileType> types) {
                return Optional.ofNullable(chosenFile);
            }
        };
        ExecutionImageCache images = new ExecutionImageCache(
                (pipeline, id) -> releases.imagesOf(pipeline, id, DefinitionsFile.standard()), 500);
        model = new HistoryViewModel(history, images, inline, inline, Runnable::run, dialogs,
                Clock.fixed(LongHistory.START.plus(Duration.ofDays(90)), ZoneOffset.UTC));
    }

    private void showHistory() {
        model.show(LongHistory.PIPELINE);
        model.setActive(true);
    }

    @Test
    void readsNothingUntilTheTabShowsThenTheNewestPage() {
        model.show(LongHistory.PIPELINE);
        assertThat(model.rows()).isEmpty();

        model.setActive(true);

        assertThat(model.rows()).hasSize(HistoryViewModel.PAGE_SIZE);
        assertThat(model.rows().get(0).summary().commitMessage()).isEqualTo(LongHistory.message(EXTRA));
        assertThat(model.firstPageMillisProperty().get()).isGreaterThanOrEqualTo(0);
        assertThat(model.summaryLineProperty().get()).isEqualTo("50 executions · scroll for older ones");
        System.out.println("First page of a 1,000-execution history in " + model.firstPageMillisProperty().get() + " ms");
    }

    @Test
    void scrollingNearTheEndLoadsTheNextPageWithoutRepeats() {
        showHistory();

        model.loadMore();
        model.loadMore();

        assertThat(model.rows()).hasSize(150);
        Set<String> ids = new HashSet<>();
        model.rows().forEach(row -> assertThat(ids.add(row.summary().executionId())).isTrue());
        for (int i = 1; i < model.rows().size(); i++) {
            assertThat(model.rows().get(i).summary().startTime()).isBefore(model.rows().get(i - 1).summary().startTime());
        }
    }

    @Test
    void aStatusFilterReadsTheHistoryAgainFromTheNewest() {
        showHistory();

        model.statusProperty().set(StatusChoice.FAILED);

        assertThat(model.rows()).hasSize(HistoryViewModel.PAGE_SIZE)
                .allSatisfy(row -> assertThat(row.summary().status().kind()).isEqualTo(Status.Kind.FAILED));
        assertThat(model.summaryLineProperty().get()).startsWith("50 executions that match");
    }

    @Test
    void filtersByApproverTextAndDecision() {
        showHistory();

        model.approverProperty().set("tomas");
        model.textProperty().set("checkout cache");
        model.decidedOnlyProperty().set(true);

        assertThat(model.rows()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.summary().commitMessage()).contains("checkout cache");
            assertThat(row.summary().headlineApproval().orElseThrow().approverName()).isEqualTo("tomas.ortega");
        });
    }

    @Test
    void aDateRangeShowsWholeDaysAndEndsTheList() {
        showHistory();
        LocalDate day = model.rows().get(10).summary().startTime().atZone(ZoneOffset.UTC).toLocalDate();

        model.fromProperty().set(day);
        model.untilProperty().set(day);

        assertThat(model.exhaustedProperty().get()).isTrue();
        assertThat(model.rows()).hasSizeBetween(11, 12).allSatisfy(row -> assertThat(
                row.summary().startTime().atZone(ZoneOffset.UTC).toLocalDate()).isEqualTo(day));
        assertThat(model.summaryLineProperty().get()).matches("All 1\\d executions that match\\.");
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefusedAndShowsNothing() {
        showHistory();

        model.fromProperty().set(LocalDate.of(2027, 1, 10));
        model.untilProperty().set(LocalDate.of(2027, 1, 9));

        assertThat(model.filterProblemProperty().get()).isEqualTo("The range ends before it starts.");
        assertThat(model.rows()).isEmpty();

        model.clearFilter();

        assertThat(model.filterProblemProperty().get()).isNull();
        assertThat(model.rows()).hasSize(HistoryViewModel.PAGE_SIZE);
    }

    @Test
    void sortsByDurationAndCanLoadEverythingForIt() {
        showHistory();

        model.sortProperty().set(HistorySort.LONGEST);
        Instant now = model.detail().now();
        for (int i = 1; i < model.rows().size(); i++) {
            assertThat(model.rows().get(i).summary().duration(now).orElseThrow())
                    .isLessThanOrEqualTo(model.rows().get(i - 1).summary().duration(now).orElseThrow());
        }
        assertThat(model.summaryLineProperty().get()).contains("sorted among those loaded");

        model.sortProperty().set(HistorySort.OLDEST);
        model.loadAll();

        assertThat(model.exhaustedProperty().get()).isTrue();
        assertThat(model.rows()).hasSizeGreaterThan(EXTRA);
        assertThat(model.rows().get(0).summary().startTime()).isBefore(LongHistory.START);
    }

    @Test
    void aRowShowsTheImageTagItCarriedOnceItIsInView() {
        showHistory();
        HistoryRow row = model.rows().stream()
                .filter(r -> r.summary().status().is(Status.Kind.SUCCEEDED)).findFirst().orElseThrow();

        model.requestImages(row);

        String commit = row.summary().execution().revisions().get(0).revisionId();
        assertThat(row.imagesProperty().get().releaseImages()).singleElement()
                .satisfies(image -> assertThat(image.image().tag()).hasValue(commit.substring(0, 7)));
    }

    @Test
    void opensAnExecutionWithItsTimelineApprovalAndImages() {
        showHistory();
        HistoryRow approved = rowWithMessage(LongHistory.message(EXTRA - 2));

        model.open(approved);

        assertThat(model.pageProperty().get()).isEqualTo(HistoryViewModel.Page.DETAIL);
        ExecutionDetailViewModel detail = model.detail();
        ExecutionDetail opened = detail.detailProperty().get();
        assertThat(opened.steps()).extracting(step -> step.stageName())
                .containsExactly("Source", "Build", "Approval", "Deploy");
        assertThat(opened.steps().get(1).outputArtifacts()).isNotEmpty();
        assertThat(opened.stageSpans(detail.now())).extracting(ExecutionDetail.StageSpan::stageName)
                .containsExactly("Source", "Build", "Approval", "Deploy");
        ApprovalOutcome approval = opened.steps().get(2).approval().orElseThrow();
        assertThat(approval.approverName()).isEqualTo(LongHistory.approverOf(EXTRA - 2));
        assertThat(detail.imagesProperty().get().images()).hasSize(1);
        assertThat(detail.problemProperty().get()).isNull();

        model.back();

        assertThat(model.pageProperty().get()).isEqualTo(HistoryViewModel.Page.LIST);
        assertThat(model.rows()).hasSize(HistoryViewModel.PAGE_SIZE);
    }

    @Test
    void comparesTwoExecutionsOlderOnTheLeft() {
        showHistory();
        HistoryRow newer = rowWithMessage(LongHistory.message(EXTRA - 2));
        HistoryRow older = rowWithMessage(LongHistory.message(EXTRA - 3));

        model.compare(List.of(newer, older));

        assertThat(model.pageProperty().get()).isEqualTo(HistoryViewModel.Page.COMPARE);
        ExecutionComparison comparison = model.comparison().comparisonProperty().get();
        assertThat(comparison.older().detail().summary()).isEqualTo(older.summary());
        assertThat(comparison.newer().detail().summary()).isEqualTo(newer.summary());
        assertThat(comparison.images()).singleElement()
                .satisfies(image -> assertThat(image.change()).isEqualTo(ImageComparison.Change.NEW_IMAGE));
        assertThat(comparison.stages()).extracting(ExecutionComparison.StageRow::stageName)
                .containsExactly("Source", "Build", "Approval", "Deploy");
        assertThat(comparison.stages()).allSatisfy(row -> assertThat(row.change()).isPresent());
    }

    @Test
    void exportsTheFilteredHistoryToTheChosenFile() throws Exception {
        showHistory();
        model.textProperty().set("Change #99");
        chosenFile = folder.resolve("audit.csv");

        model.export();

        assertThat(model.exportOutcomeProperty().get().kind()).isEqualTo(HistoryViewModel.Notice.Kind.DONE);
        assertThat(model.exportOutcomeProperty().get().message()).isEqualTo("Exported 11 executions to " + chosenFile.toAbsolutePath() + ".");
        List<AuditRecord> read = AuditCsv.read(Files.readAllBytes(chosenFile));
        assertThat(read).extracting(AuditRecord::executionId).isEqualTo(
                model.rows().stream().map(row -> row.summary().executionId()).toList());
        assertThat(model.exportingProperty().get()).isFalse();
    }

    @Test
    void aCancelledExportSaysSoAndWritesNothing() {
        showHistory();
        model.textProperty().set("Change #99");
        chosenFile = folder.resolve("cancelled.csv");
        model.exportMessageProperty().addListener((obs, old, message) -> {
            if (message.startsWith("Reading images: 3 ")) {
                model.cancelExport();
            }
        });

        model.export();

        assertThat(model.exportOutcomeProperty().get())
                .isEqualTo(new HistoryViewModel.Notice(HistoryViewModel.Notice.Kind.NOTICE, "Export cancelled; no file was written."));
        assertThat(chosenFile).doesNotExist();
    }

    @Test
    void aNewExecutionAppearsOnTopWhenThePipelineMovesAndTheListKeepsItsPlace() {
        // A sandbox of its own: the push below would change the history the other tests read.
        try (Sandbox moving = LongHistory.start(120); AwsClients movingClients = new AwsClients(
                ConnectionSettings.sandbox(moving.endpoint()))) {
            BackgroundTasks inline = new BackgroundTasks(Runnable::run, Runnable::run);
            HistoryViewModel watching = new HistoryViewModel(new CodePipelineHistory(movingClients.codePipeline()),
                    new ExecutionImageCache((pipeline, id) -> { throw new IllegalStateException("not needed"); }, 10),
                    inline, inline, Runnable::run, (title, question, label) -> true, Clock.systemUTC());
            CodePipelineGateway gateway = new CodePipelineGateway(movingClients.codePipeline(), Clock.systemUTC());
            watching.show(gateway.snapshot(LongHistory.PIPELINE));
            watching.setActive(true);
            watching.loadMore();
            HistoryRow waiting = watching.rows().get(0);

            moving.control().pushCommit(LongHistory.PIPELINE, "Pushed while the history is open", "Lena Park");
            moving.control().advanceClock(Duration.ofMinutes(1));
            watching.show(gateway.snapshot(LongHistory.PIPELINE));

            assertThat(watching.rows()).hasSize(2 * HistoryViewModel.PAGE_SIZE + 1);
            assertThat(watching.rows().get(0).summary().commitMessage()).isEqualTo("Pushed while the history is open");
            assertThat(watching.rows().get(1).summary().executionId()).isEqualTo(waiting.summary().executionId());
            Set<String> ids = new HashSet<>();
            watching.rows().forEach(row -> assertThat(ids.add(row.summary().executionId())).isTrue());
        }
    }

    @Test
    void choosingAnotherPipelineStartsItsHistoryFromTheTop() {
        showHistory();
        model.open(model.rows().get(0));

        model.show("billing-api");

        assertThat(model.pageProperty().get()).isEqualTo(HistoryViewModel.Page.LIST);
        assertThat(model.rows()).isNotEmpty().allSatisfy(row ->
                assertThat(row.summary().execution().pipelineName()).isEqualTo("billing-api"));
        assertThat(model.exhaustedProperty().get()).isTrue();
    }

    @Test
    void aPipelineThatCannotBeReadSaysWhy() {
        model.show("deleted-pipeline");
        model.setActive(true);

        assertThat(model.problemProperty().get()).startsWith("Could not list the executions of deleted-pipeline");
        assertThat(model.summaryLineProperty().get()).isEqualTo(model.problemProperty().get());
    }

    private HistoryRow rowWithMessage(String message) {
        return model.rows().stream().filter(row -> row.summary().commitMessage().equals(message)).findFirst().orElseThrow();
    }
}
