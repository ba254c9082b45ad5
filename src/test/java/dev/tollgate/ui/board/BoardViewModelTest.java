package dev.tollgate.ui.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.aws.AwsClients;
import dev.tollgate.aws.CodePipelineGateway;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineSummary;
import dev.tollgate.sandbox.ManualClock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.storage.FavouritesStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board fed with what the gateway reads from the sandbox, on one thread. */
class BoardViewModelTest {

    @TempDir
    Path dataDirectory;

    private Sandbox sandbox;
    private AwsClients clients;
    private CodePipelineGateway gateway;
    private MutableClock clock;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(Instant.parse("2026-11-24T09:00:00Z"))));
        clients = new AwsClients(ConnectionSettings.sandbox(sandbox.endpoint()));
        clock = new MutableClock(Instant.now());
        gateway = new CodePipelineGateway(clients.codePipeline(), clock);
    }

    @AfterEach
    void stop() {
        clients.close();
        sandbox.close();
    }

    private BoardViewModel board(FavouritesStore favourites) {
        return new BoardViewModel(Runnable::run, clock, Duration.ofSeconds(60), favourites, "Sandbox");
    }

    private BoardViewModel polled(BoardViewModel board) {
        List<PipelineSummary> pipelines = gateway.listPipelines();
        board.pipelinesListed(pipelines);
        pipelines.forEach(p -> board.snapshotTaken(gateway.snapshot(p.name())));
        board.tick();
        return board;
    }

    private static List<String> visible(BoardViewModel board) {
        return board.visibleEntries().stream().map(PipelineEntry::name).toList();
    }

    private static PipelineRow row(BoardViewModel board, String name) {
        return board.entries().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().row();
    }

    @Test
    void showsEveryPipelineWithItsStagesApprovalsAndDisabledTransitions() {
        BoardViewModel board = polled(board(FavouritesStore.inMemory()));

        assertThat(visible(board)).containsExactly("billing-api", "ecs-webapp", "mobile-bff", "nightly-reports",
                "payments-service", "storefront-bluegreen");
        assertThat(row(board, "ecs-webapp").pendingApprovals()).isEqualTo(1);
        // PARALLEL: two executions wait at the same approval, each counted.
        assertThat(row(board, "mobile-bff").pendingApprovals()).isEqualTo(2);
        PipelineRow payments = row(board, "payments-service");
        assertThat(payments.disabledTransitions()).isEqualTo(1);
        assertThat(payments.stages()).extracting(PipelineRow.StageMark::name).containsExactly("Source", "Build", "Deploy");
        assertThat(payments.stages().get(2).gateClosed()).isTrue();
        assertThat(payments.stages().get(2).holdsExecution()).isTrue();
        assertThat(payments.lastChange()).isNotNull();
        assertThat(board.summaryProperty().get()).isEqualTo("6 pipelines");
        assertThat(board.waitingApprovalsProperty().get()).isEqualTo(3);
    }

    @Test
    void saysWhetherPushModeHearsEvents() {
        BoardViewModel board = board(FavouritesStore.inMemory());
        assertThat(board.pushModeProperty().get()).isFalse();

        board.pushModeChanged(true);
        assertThat(board.pushModeProperty().get()).isTrue();
        board.pushModeChanged(false);

        assertThat(board.pushModeProperty().get()).isFalse();
    }

    @Test
    void searchesByPartsOfTheNameIgnoringCase() {
        BoardViewModel board = polled(board(FavouritesStore.inMemory()));

        board.searchProperty().set("PAY serv");

        assertThat(visible(board)).containsExactly("payments-service");
        assertThat(board.summaryProperty().get()).isEqualTo("1 of 6 pipelines");
        assertThat(board.filtersActiveProperty().get()).isTrue();
        board.clearFilters();
        assertThat(visible(board)).hasSize(6);
    }

    @Test
    void filtersByStatusWaitingApprovalsAndDisabledTransitions() {
        BoardViewModel board = polled(board(FavouritesStore.inMemory()));

        board.statusFilterProperty().set(BoardViewModel.StatusFilter.FAILED);
        assertThat(visible(board)).containsExactly("nightly-reports");

        board.statusFilterProperty().set(BoardViewModel.StatusFilter.ANY);
        board.onlyWithApprovalsProperty().set(true);
        assertThat(visible(board)).containsExactly("ecs-webapp", "mobile-bff");

        board.onlyWithApprovalsProperty().set(false);
        board.onlyWithDisabledTransitionsProperty().set(true);
        assertThat(visible(board)).containsExactly("payments-service");
    }

    @Test
    void ordersByWhatNeedsAttentionFirst() {
        BoardViewModel board = polled(board(FavouritesStore.inMemory()));

        board.sortProperty().set(BoardViewModel.Sort.ATTENTION);

        assertThat(visible(board)).containsExactly("nightly-reports", "ecs-webapp", "mobile-bff", "payments-service",
                "billing-api", "storefront-bluegreen");
    }

    @Test
    void ordersByLatestChange() {
        BoardViewModel board = polled(board(FavouritesStore.inMemory()));

        board.sortProperty().set(BoardViewModel.Sort.LAST_CHANGE);

        List<Instant> changes = board.visibleEntries().stream().map(e -> e.row().lastChange()).toList();
        assertThat(changes).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void pinnedPipelinesComeFirstAndStayPinnedAfterARestart() {
        Path file = dataDirectory.resolve("favourites.json");
        BoardViewModel board = polled(board(FavouritesStore.load(file, Runnable::run)));

        board.togglePinned("storefront-bluegreen");

        assertThat(visible(board)).first().isEqualTo("storefront-bluegreen");
        BoardViewModel afterRestart = polled(board(FavouritesStore.load(file, Runnable::run)));
        assertThat(visible(afterRestart)).first().isEqualTo("storefront-bluegreen");
        afterRestart.togglePinned("storefront-bluegreen");
        assertThat(visible(afterRestart)).last().isEqualTo("storefront-bluegreen");
        assertThat(visible(polled(board(FavouritesStore.load(file, Runnable::run))))).last().isEqualTo("storefront-bluegreen");
    }

    @Test
    void aChangedPipelineUpdatesItsEntryInPlaceSoSelectionSurvives() {
        BoardViewModel board = polled(board(FavouritesStore.inMemory()));
        PipelineEntry before = board.entries().stream().filter(e -> e.name().equals("billing-api")).findFirst().orElseThrow();
        List<String> removed = new ArrayList<>();
        board.visibleEntries().addListener((ListChangeListener<PipelineEntry>) change -> {
            while (change.next()) {
                if (change.wasRemoved() && !change.wasPermutated() && !change.wasUpdated()) {
                    change.getRemoved().forEach(e -> removed.add(e.name()));
                }
            }
        });

        sandbox.control().pushCommit("billing-api", "Add late fee", "Julia Novak");
        sandbox.control().advanceClock(Duration.ofMinutes(1));
        board.snapshotTaken(gateway.snapshot("billing-api"));

        PipelineEntry after = board.entries().stream().filter(e -> e.name().equals("billing-api")).findFirst().orElseThrow();
        assertThat(after).isSameAs(before);
        assertThat(after.row().headline().label()).isEqualTo("In progress");
        assertThat(removed).isEmpty();
    }

    @Test
    void aFailedPollMarksTheRowStaleWithTheReason() {
        BoardViewModel board = polled(board(FavouritesStore.inMemory()));
        PipelineEntry billing = board.entries().get(0);
        assertThat(board.isStale(billing)).isFalse();
        assertThat(board.freshness(billing)).isEqualTo("Updated 0 s ago");

        board.pollFailed(billing.name(), new GatewayException(GatewayException.Problem.THROTTLED,
                "Could not load pipeline billing-api: AWS is throttling requests; Tollgate will retry."));
        clock.advance(Duration.ofSeconds(20));
        board.tick();

        assertThat(board.isStale(billing)).isTrue();
        assertThat(board.freshness(billing)).isEqualTo(
                "Not updated for 20 s: Could not load pipeline billing-api: AWS is throttling requests; Tollgate will retry.");
        board.snapshotTaken(gateway.snapshot(billing.name()));
        assertThat(board.isStale(billing)).isFalse();
    }

    @Test
    void rowsAndTheBoardGoStaleWhenNothingArrivesForAMinute() {
        BoardViewModel board = polled(board(FavouritesStore.inMemory()));

        clock.advance(Duration.ofSeconds(61));
        board.tick();

        assertThat(board.staleProperty().get()).isTrue();
        assertThat(board.isStale(board.entries().get(0))).isTrue();
        assertThat(board.freshness(board.entries().get(0))).isEqualTo("Not updated for 1 min");
    }

    @Test
    void choosesOnlyPipelinesItKnows() {
        BoardViewModel board = polled(board(FavouritesStore.inMemory()));

        board.choose(List.of("ecs-webapp", "gone", "billing-api", "ecs-webapp"));

        assertThat(board.chosenNames()).containsExactly("ecs-webapp", "billing-api");
    }

    @Test
    void aPipelineNoLongerListedLeavesTheBoardAndTheChoice() {
        BoardViewModel board = polled(board(FavouritesStore.inMemory()));
        board.choose(List.of("nightly-reports", "billing-api"));

        board.pipelinesListed(gateway.listPipelines().stream().filter(p -> !p.name().equals("nightly-reports")).toList());

        assertThat(visible(board)).doesNotContain("nightly-reports");
        assertThat(board.chosenNames()).containsExactly("billing-api");
        assertThat(board.snapshotOf("nightly-reports")).isEmpty();
    }
}
