package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.aws.AwsEnvironment;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.identity.ConnectionId;
import dev.tollgate.pipeline.Status;
import dev.tollgate.sandbox.ManualClock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.ui.board.BoardViewModel;
import dev.tollgate.ui.board.ConnectionGroup;
import dev.tollgate.ui.board.PipelineEntry;
import dev.tollgate.ui.board.PipelineKey;
import dev.tollgate.ui.review.InboxItem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sandboxes watched at once through the composition root, as two accounts with the same pipeline names:
 * one goes away mid-test and says so in its own group, while the other goes on updating.
 */
class TwoConnectionsTest {

    private static final Instant START = Instant.parse("2026-11-24T09:00:00Z");
    private static final ConnectionId TEAM = new ConnectionId("team", "Team account · us-east-1");
    private static final ConnectionId PAYMENTS = new ConnectionId("payments", "Payments account · us-east-1");

    @TempDir
    Path home;

    private final ExecutorService ui = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "test-ui"));
    private Sandbox team;
    private Sandbox payments;
    private Tollgate tollgate;
    private BoardViewModel board;

    @BeforeEach
    void start() {
        team = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(START)));
        payments = Sandbox.start(SandboxConfig.defaults().withSeed(7).withClock(new ManualClock(START)));
        tollgate = new Tollgate(new AwsEnvironment(Map.of(), home), ui, Clock.systemUTC(), Duration.ofMillis(200),
                (title, question, confirm) -> true, home.resolve("tollgate"));
        tollgate.watch(TEAM, ConnectionSettings.sandbox(team.endpoint()).withLabel(TEAM.label()));
        tollgate.watch(PAYMENTS, ConnectionSettings.sandbox(payments.endpoint()).withLabel(PAYMENTS.label()));
        board = tollgate.board();
        tollgate.startWatching();
    }

    @AfterEach
    void stop() {
        tollgate.close();
        team.close();
        payments.close();
        ui.shutdownNow();
    }

    @Test
    void oneConnectionFailingLeavesTheOtherUpdating() throws Exception {
        waitUntil(() -> board.entries().size() == 2 * SandboxConfig.DEMO_PIPELINES
                && board.entries().stream().allMatch(e -> e.row().isKnown())
                && health(TEAM) == ConnectionGroup.Health.FINE && health(PAYMENTS) == ConnectionGroup.Health.FINE);
        assertThat(onUi(() -> board.entries().stream().filter(e -> e.name().equals("billing-api"))
                .map(PipelineEntry::connection).toList())).containsExactlyInAnyOrder(TEAM, PAYMENTS);
        assertThat(onUi(() -> board.groups().stream().map(ConnectionGroup::connection).toList())).containsExactly(TEAM, PAYMENTS);
        ui.submit(() -> board.select(TEAM, "billing-api")).get();

        payments.close();

        waitUntil(() -> health(PAYMENTS) == ConnectionGroup.Health.UNREACHABLE);
        assertThat(onUi(() -> board.group(PAYMENTS).orElseThrow().problemProperty().get())).contains("cannot be reached");
        Instant teamBefore = onUi(() -> board.group(TEAM).orElseThrow().lastUpdate());
        team.control().pushCommit("billing-api", "Add late fee", "Julia Novak");
        team.control().advanceClock(Duration.ofMinutes(1));

        waitUntil(() -> row(TEAM, "billing-api").headline().is(Status.Kind.IN_PROGRESS)
                && board.group(TEAM).orElseThrow().lastUpdate().isAfter(teamBefore));
        assertThat(health(TEAM)).isEqualTo(ConnectionGroup.Health.FINE);
        assertThat(onUi(() -> board.entries().stream().filter(e -> e.connection().equals(TEAM))
                .allMatch(e -> e.row().problem() == null))).isTrue();
        // The failing account's pipelines stay on the board, marked, not dropped; its trouble is not the status line's.
        assertThat(onUi(() -> board.entries().size())).isEqualTo(2 * SandboxConfig.DEMO_PIPELINES);
        assertThat(onUi(() -> board.problemProperty().get())).isNull();
        assertThat(row(PAYMENTS, "billing-api").headline().is(Status.Kind.IN_PROGRESS)).isFalse();
    }

    @Test
    void theInboxAndTheTitleCountTheApprovalsOfEveryConnection() throws Exception {
        waitUntil(() -> board.entries().size() == 2 * SandboxConfig.DEMO_PIPELINES && board.entries().stream().allMatch(e -> e.row().isKnown()));
        int teamWaiting = waitingIn(TEAM);
        int paymentsWaiting = waitingIn(PAYMENTS);

        waitUntil(() -> tollgate.inbox().items().size() == teamWaiting + paymentsWaiting);

        assertThat(teamWaiting).isPositive();
        assertThat(onUi(() -> board.waitingApprovalsProperty().get())).isEqualTo(teamWaiting + paymentsWaiting);
        assertThat(onUi(() -> tollgate.inbox().items().stream().map(InboxItem::connection).distinct().toList()))
                .contains(TEAM).allMatch(c -> c.equals(TEAM) || c.equals(PAYMENTS));
        assertThat(onUi(() -> tollgate.inbox().severalConnectionsProperty().get())).isTrue();
    }

    @Test
    void stoppingOneConnectionTakesOnlyItOffTheBoardAndTheInbox() throws Exception {
        waitUntil(() -> board.entries().size() == 2 * SandboxConfig.DEMO_PIPELINES);
        ui.submit(() -> board.select(PAYMENTS, "ecs-webapp")).get();

        tollgate.stopWatching(PAYMENTS);

        waitUntil(() -> board.entries().size() == SandboxConfig.DEMO_PIPELINES && board.groups().size() == 1
                && tollgate.inbox().items().stream().allMatch(item -> item.connection().equals(TEAM)));
        assertThat(tollgate.workspaces()).extracting(ConnectionWorkspace::id).containsExactly(TEAM);
        assertThat(onUi(() -> board.selectedKeyProperty().get())).extracting(PipelineKey::connection).isEqualTo(TEAM);
        team.control().pushCommit("billing-api", "Add late fee", "Julia Novak");
        team.control().advanceClock(Duration.ofMinutes(1));
        waitUntil(() -> row(TEAM, "billing-api").headline().is(Status.Kind.IN_PROGRESS));
    }

    private int waitingIn(ConnectionId connection) throws Exception {
        return onUi(() -> board.entries().stream().filter(e -> e.connection().equals(connection))
                .mapToInt(e -> e.row().pendingApprovals()).sum());
    }

    private ConnectionGroup.Health health(ConnectionId connection) {
        return board.group(connection).map(group -> group.healthProperty().get()).orElse(null);
    }

    private dev.tollgate.ui.board.PipelineRow row(ConnectionId connection, String name) {
        return board.entryOf(new PipelineKey(connection, name)).orElseThrow().row();
    }

    private <T> T onUi(Callable<T> read) throws Exception {
        return ui.submit(read).get();
    }

    /** Up to 20 s: the closed sandbox's calls fail only after the SDK's retries. */
    private void waitUntil(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!onUi(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 20 s; the board had " + onUi(() -> board.entries()
                        .stream().map(e -> e.connection().key() + "/" + e.name() + ": " + e.row().problem()).toList())
                        + " and " + onUi(() -> board.groups().stream().map(g -> g.connection().key() + " "
                        + g.healthProperty().get() + " " + g.problemProperty().get()).toList()));
            }
            Thread.sleep(50);
        }
    }
}
