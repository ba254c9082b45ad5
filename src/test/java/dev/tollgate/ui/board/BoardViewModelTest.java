package dev.tollgate.ui.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.aws.AwsClients;
import dev.tollgate.aws.CodePipelineGateway;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.identity.ConnectionId;
import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineSummary;
import dev.tollgate.sandbox.ManualClock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.storage.FavouritesStore;
import dev.tollgate.watch.WatchListener;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board fed with what the gateway reads from the sandbox, on one thread. */
class BoardViewModelTest {

    private static final ConnectionId SANDBOX = new ConnectionId("Sandbox", "Sandbox");

    @TempDir
    Path dataDirectory;

    private Sandbox sandbox;
    private AwsClients clients;
    private CodePipelineGateway gateway;
    private MutableClock clock;
    private final Map<BoardViewModel, WatchListener> feeds = new HashMap<>();

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
        return new BoardViewModel(Runnable::run, clock, Duration.ofSeconds(60), favourites);
    }

    /** What the sandbox connection's watcher reports to on that board. */
    private WatchListener feed(BoardViewModel board) {
        return feeds.computeIfAbsent(board, b -> b.watch(SANDBOX, false));
    }

    private static PipelineKey key(String name) {
        return new PipelineKey(SANDBOX, name);
    }

    private static List<PipelineKey> keys(String... names) {
        return Stream.of(names).map(BoardViewModelTest::key).toList();
    }

    private BoardViewModel polled(BoardViewModel board) {
        List<PipelineSummary> pipelines = gateway.listPipelines();
        feed(board).pipelinesListed(pipelines);
        pipelines.forEach(p -> feed(board).snapshotTaken(gateway.snapshot(p.name())));
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
                "payments-service", "storefront-bluegreen", "wallet-api");
        assertThat(row(board, "ecs-webapp").pendingApprovals()).isEqualTo(1);
        // PARALLEL: two executions wait at the same approval, each counted.
        assertThat(row(board, "mobile-bff").pendingApprovals()).isEqualTo(2);
        PipelineRow payments = row(board, "payments-service");
        assertThat(payments.disabledTransitions()).isEqualTo(1);
        assertThat(payments.stages()).extracting(PipelineRow.StageMark::name).containsExactly("Source", "Build", "Deploy");
        assertThat(payments.stages().get(2).gateClosed()).isTrue();
        assertThat(payments.stages().get(2).holdsExecution()).isTrue();
        assertThat(payments.lastChange()).isNotNull();
        assertThat(board.summaryProperty().get()).isEqualTo("7 pipelines");
        assertThat(board.waitingApprovalsProperty().get()).isEqualTo(3);
    }

    @Test
    void saysWhetherPushModeHearsEvents() {
        BoardViewModel board = board(FavouritesStore.inMemory());
        assertThat(board.pushModeProperty().get()).isFalse();

        feed(board).pushModeChanged(true);
        assertThat(board.pushModeProperty().get()).isTrue();
        feed(board).pushModeChanged(false);

        assertThat(board.pushModeProperty().get()).isFalse();
    }

    @Test
    void pushModeIsOnWhileAnyConnectionHearsEventsAndOffWhenItsConnectionGoes() {
        BoardViewModel board = board(FavouritesStore.inMemory());
        WatchListener payments = board.watch(PAYMENTS, false);
        feed(board).pushModeChanged(false);

        payments.pushModeChanged(true);
        assertThat(board.pushModeProperty().get()).isTrue();
        board.forget(PAYMENTS);

        assertThat(board.pushModeProperty().get()).isFalse();
    }

    @Test
    void searchesByPartsOfTheNameIgnoringCase() {
        BoardViewModel board = polled(board(FavouritesStore.inMemory()));

        board.searchProperty().set("PAY serv");

        assertThat(visible(board)).containsExactly("payments-service");
        assertThat(board.summaryProperty().get()).isEqualTo("1 of 7 pipelines");
        assertThat(board.filtersActiveProperty().get()).isTrue();
        board.clearFilters();
        assertThat(visible(board)).hasSize(SandboxConfig.DEMO_PIPELINES);
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
                "billing-api", "storefront-bluegreen", "wallet-api");
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

        board.togglePinned(key("wallet-api"));

        assertThat(visible(board)).first().isEqualTo("wallet-api");
        BoardViewModel afterRestart = polled(board(FavouritesStore.load(file, Runnable::run)));
        assertThat(visible(afterRestart)).first().isEqualTo("wallet-api");
        afterRestart.togglePinned(key("wallet-api"));
        assertThat(visible(afterRestart)).last().isEqualTo("wallet-api");
        assertThat(visible(polled(board(FavouritesStore.load(file, Runnable::run))))).last().isEqualTo("wallet-api");
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
        feed(board).snapshotTaken(gateway.snapshot("billing-api"));

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

        feed(board).pollFailed(billing.name(), new GatewayException(GatewayException.Problem.THROTTLED,
                "Could not load pipeline billing-api: AWS is throttling requests; Tollgate will retry."));
        clock.advance(Duration.ofSeconds(20));
        board.tick();

        assertThat(board.isStale(billing)).isTrue();
        assertThat(board.freshness(billing)).isEqualTo(
                "Not updated for 20 s: Could not load pipeline billing-api: AWS is throttling requests; Tollgate will retry.");
        feed(board).snapshotTaken(gateway.snapshot(billing.name()));
        assertThat(board.isStale(billing)).isFalse();
    }

    @Test
    void aRowOfALargeAccountGoesStaleOnlyPastTheLongerThresholdOfItsSize() {
        // As if the demo account's 7 pipelines were enough to double the threshold.
        BoardViewModel board = polled(new BoardViewModel(Runnable::run, clock,
                pipelines -> pipelines >= 7 ? Duration.ofSeconds(120) : Duration.ofSeconds(60), FavouritesStore.inMemory()));
        PipelineEntry billing = board.entries().get(0);

        clock.advance(Duration.ofSeconds(61));
        board.tick();
        assertThat(board.isStale(billing)).isFalse();

        clock.advance(Duration.ofSeconds(60));
        board.tick();
        assertThat(board.isStale(billing)).isTrue();
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

        board.choose(keys("ecs-webapp", "gone", "billing-api", "ecs-webapp"));

        assertThat(board.chosen()).extracting(PipelineKey::name).containsExactly("ecs-webapp", "billing-api");
    }

    @Test
    void aPipelineNoLongerListedLeavesTheBoardAndTheChoice() {
        BoardViewModel board = polled(board(FavouritesStore.inMemory()));
        board.choose(keys("nightly-reports", "billing-api"));

        feed(board).pipelinesListed(gateway.listPipelines().stream().filter(p -> !p.name().equals("nightly-reports")).toList());

        assertThat(visible(board)).doesNotContain("nightly-reports");
        assertThat(board.chosen()).extracting(PipelineKey::name).containsExactly("billing-api");
        assertThat(board.snapshotOf(key("nightly-reports"))).isEmpty();
    }

    private static final ConnectionId PAYMENTS = new ConnectionId("payments", "Payments · eu-west-1");

    @Test
    void twoConnectionsWithTheSamePipelineNamesAreTwoGroupsUnderTheirHeaders() {
        BoardViewModel board = polled(board(FavouritesStore.inMemory()));
        WatchListener payments = board.watch(PAYMENTS, true);

        payments.pipelinesListed(gateway.listPipelines().subList(0, 2));

        assertThat(board.visibleItems()).extracting(BoardItem::toString).containsExactly("Sandbox", "billing-api",
                "ecs-webapp", "mobile-bff", "nightly-reports", "payments-service", "storefront-bluegreen", "wallet-api",
                "Payments · eu-west-1", "billing-api", "ecs-webapp");
        assertThat(board.visibleEntries()).hasSize(9).allMatch(PipelineEntry.class::isInstance);
        assertThat(board.summaryProperty().get()).isEqualTo("9 pipelines");
        assertThat(board.entryOf(new PipelineKey(PAYMENTS, "billing-api"))).get().isNotSameAs(
                board.entryOf(key("billing-api")).orElseThrow());
        board.searchProperty().set("ecs");
        assertThat(board.visibleItems()).extracting(BoardItem::toString)
                .containsExactly("Sandbox", "ecs-webapp", "Payments · eu-west-1", "ecs-webapp");
        assertThat(board.summaryProperty().get()).isEqualTo("2 of 9 pipelines");
    }

    @Test
    void aSnapshotReachesOnlyItsOwnConnectionsPipeline() {
        BoardViewModel board = polled(board(FavouritesStore.inMemory()));
        WatchListener payments = board.watch(PAYMENTS, false);
        payments.pipelinesListed(gateway.listPipelines());
        board.select(PAYMENTS, "ecs-webapp");

        payments.snapshotTaken(gateway.snapshot("ecs-webapp"));

        assertThat(board.selectedProperty().get()).isNotNull();
        assertThat(board.entryOf(new PipelineKey(PAYMENTS, "ecs-webapp")).orElseThrow().row().isKnown()).isTrue();
        assertThat(board.entryOf(new PipelineKey(PAYMENTS, "billing-api")).orElseThrow().row().isKnown()).isFalse();
        // The sandbox's three (ecs-webapp, and two executions of mobile-bff) and Payments' ecs-webapp.
        assertThat(board.waitingApprovalsProperty().get()).isEqualTo(4);
    }

    @Test
    void aConnectionThatCannotListFailsInItsOwnHeaderOnly() {
        BoardViewModel board = polled(board(FavouritesStore.inMemory()));
        WatchListener payments = board.watch(PAYMENTS, false);
        board.select(SANDBOX, "billing-api");

        payments.pollFailed(null, new GatewayException(GatewayException.Problem.ACCESS_DENIED,
                "Could not list pipelines: codepipeline:ListPipelines is not allowed for arn:aws:sts::210987654321:assumed-role/ReadOnly/alice."));

        ConnectionGroup failing = board.group(PAYMENTS).orElseThrow();
        assertThat(failing.healthProperty().get()).isEqualTo(ConnectionGroup.Health.FAILING);
        assertThat(failing.problemProperty().get()).contains("ListPipelines is not allowed");
        assertThat(board.group(SANDBOX).orElseThrow().healthProperty().get()).isEqualTo(ConnectionGroup.Health.FINE);
        assertThat(board.problemProperty().get()).as("the status line speaks of the pipeline on screen").isNull();

        board.select(PAYMENTS, "billing-api");
        assertThat(board.problemProperty().get()).contains("ListPipelines is not allowed");
        payments.pipelinesListed(gateway.listPipelines());
        assertThat(failing.healthProperty().get()).isEqualTo(ConnectionGroup.Health.FINE);
        assertThat(board.problemProperty().get()).isNull();
    }

    @Test
    void aLostNetworkFailsTheConnectionAfterTwoCallsAndTheNextAnswerMendsIt() {
        BoardViewModel board = polled(board(FavouritesStore.inMemory()));
        ConnectionGroup group = board.group(SANDBOX).orElseThrow();
        GatewayException unreachable = new GatewayException(GatewayException.Problem.UNREACHABLE,
                "Could not load pipeline billing-api: AWS cannot be reached (Connection refused).");

        feed(board).pollFailed("billing-api", unreachable);
        assertThat(group.healthProperty().get()).as("one failure may be a blip").isEqualTo(ConnectionGroup.Health.FINE);
        feed(board).pollFailed("ecs-webapp", unreachable);
        assertThat(group.healthProperty().get()).isEqualTo(ConnectionGroup.Health.UNREACHABLE);

        feed(board).snapshotTaken(gateway.snapshot("nightly-reports"));
        assertThat(group.healthProperty().get()).isEqualTo(ConnectionGroup.Health.FINE);
    }

    @Test
    void aConnectionThatCannotBeReachedWhileListingSaysSoAtOnce() {
        BoardViewModel board = board(FavouritesStore.inMemory());

        feed(board).pollFailed(null, new GatewayException(GatewayException.Problem.UNREACHABLE,
                "Could not list pipelines: AWS cannot be reached (UnknownHostException: codepipeline.eu-west-1.amazonaws.com)."));

        assertThat(board.group(SANDBOX).orElseThrow().healthProperty().get()).isEqualTo(ConnectionGroup.Health.UNREACHABLE);
        assertThat(board.problemProperty().get()).as("the only connection's trouble is the status line's")
                .contains("UnknownHostException");
    }

    @Test
    void expiredCredentialsSignTheConnectionOutUntilItAnswersAgain() {
        BoardViewModel board = polled(board(FavouritesStore.inMemory()));
        ConnectionGroup group = board.group(SANDBOX).orElseThrow();

        feed(board).pollFailed("billing-api", new GatewayException(GatewayException.Problem.EXPIRED_CREDENTIALS,
                "Could not load pipeline billing-api: your IAM Identity Center sign-in has expired. Sign in again."));

        assertThat(group.healthProperty().get()).isEqualTo(ConnectionGroup.Health.SIGNED_OUT);
        assertThat(group.problemProperty().get()).contains("Sign in again");
        feed(board).snapshotTaken(gateway.snapshot("billing-api"));
        assertThat(group.healthProperty().get()).isEqualTo(ConnectionGroup.Health.FINE);
    }

    @Test
    void aConnectionThatStaysQuietGoesStaleOnItsOwn() {
        BoardViewModel board = polled(board(FavouritesStore.inMemory()));
        WatchListener payments = board.watch(PAYMENTS, false);
        payments.pipelinesListed(gateway.listPipelines());
        payments.snapshotTaken(gateway.snapshot("billing-api"));

        clock.advance(Duration.ofSeconds(61));
        feed(board).snapshotTaken(gateway.snapshot("billing-api"));
        board.tick();

        assertThat(board.group(PAYMENTS).orElseThrow().healthProperty().get()).isEqualTo(ConnectionGroup.Health.STALE);
        assertThat(board.group(SANDBOX).orElseThrow().healthProperty().get()).isEqualTo(ConnectionGroup.Health.FINE);
    }

    @Test
    void forgettingAConnectionTakesItsGroupPipelinesAndChoiceOffTheBoard() {
        BoardViewModel board = polled(board(FavouritesStore.inMemory()));
        WatchListener payments = board.watch(PAYMENTS, false);
        payments.pipelinesListed(gateway.listPipelines());
        board.choose(List.of(key("ecs-webapp"), new PipelineKey(PAYMENTS, "ecs-webapp")));
        board.select(PAYMENTS, "ecs-webapp");

        board.forget(PAYMENTS);
        payments.snapshotTaken(gateway.snapshot("ecs-webapp"));

        assertThat(board.groups()).extracting(ConnectionGroup::connection).containsExactly(SANDBOX);
        assertThat(board.entries()).hasSize(SandboxConfig.DEMO_PIPELINES).allMatch(entry -> entry.connection().equals(SANDBOX));
        assertThat(board.visibleItems()).as("one connection needs no header").allMatch(PipelineEntry.class::isInstance);
        assertThat(board.chosen()).containsExactly(key("ecs-webapp"));
        assertThat(board.selectedKeyProperty().get().connection()).isEqualTo(SANDBOX);
    }

    @Test
    void pinsAreKeptPerConnection() {
        Path file = dataDirectory.resolve("favourites.json");
        BoardViewModel board = polled(board(FavouritesStore.load(file, Runnable::run)));
        WatchListener payments = board.watch(PAYMENTS, false);
        payments.pipelinesListed(gateway.listPipelines());

        board.togglePinned(new PipelineKey(PAYMENTS, "storefront-bluegreen"));

        assertThat(board.entryOf(new PipelineKey(PAYMENTS, "storefront-bluegreen")).orElseThrow().isPinned()).isTrue();
        assertThat(board.entryOf(key("storefront-bluegreen")).orElseThrow().isPinned()).isFalse();
        assertThat(FavouritesStore.load(file, Runnable::run).pinned(PAYMENTS.key())).containsExactly("storefront-bluegreen");
    }

    @Test
    void eachConnectionsChangeFreezeSeesOnlyItsOwnChosenPipelines() {
        BoardViewModel board = polled(board(FavouritesStore.inMemory()));
        BoardViewModel.ConnectionFeed payments = board.watch(PAYMENTS, false);
        payments.pipelinesListed(gateway.listPipelines());
        payments.snapshotTaken(gateway.snapshot("billing-api"));

        board.choose(List.of(key("ecs-webapp"), new PipelineKey(PAYMENTS, "billing-api"), key("nightly-reports")));

        assertThat(board.group(SANDBOX).orElseThrow().chosenNames()).containsExactly("ecs-webapp", "nightly-reports");
        assertThat(payments.chosen().chosenNames()).containsExactly("billing-api");
        assertThat(payments.chosen().snapshotOf("billing-api")).isPresent();
        assertThat(payments.chosen().snapshotOf("ecs-webapp")).isEmpty();
    }
}
