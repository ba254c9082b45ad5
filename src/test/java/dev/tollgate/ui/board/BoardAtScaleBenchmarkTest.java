package dev.tollgate.ui.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.aws.AwsClients;
import dev.tollgate.aws.CodePipelineGateway;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.identity.ConnectionId;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.PipelineSummary;
import dev.tollgate.sandbox.ManualClock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.storage.FavouritesStore;
import dev.tollgate.ui.shell.Theme;
import dev.tollgate.watch.WatchListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The board with 1,000 sandbox pipelines: every step of scrolling and filtering, and the pulse that lays it
 * out, must take at most 50 ms on the JavaFX thread. Slow (it polls 1,000 pipelines once), so it runs only
 * when asked: {@code mvn test -Dtest=BoardAtScaleBenchmarkTest -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@ExtendWith(ApplicationExtension.class)
class BoardAtScaleBenchmarkTest {

    private static final int PIPELINES = 1000;
    private static final long BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private Sandbox sandbox;
    private AwsClients clients;
    private BoardViewModel board;
    private WatchListener feed;
    private BoardView view;
    private Scene scene;
    private long layoutStarted;
    private final List<Long> layouts = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        sandbox = Sandbox.start(SandboxConfig.defaults().withPipelines(PIPELINES)
                .withClock(new ManualClock(Instant.parse("2026-11-24T09:00:00Z"))));
        clients = new AwsClients(ConnectionSettings.sandbox(sandbox.endpoint()));
        board = new BoardViewModel(Platform::runLater, Clock.systemUTC(), Duration.ofMinutes(5), FavouritesStore.inMemory());
        // Two connections, so that the list also lays out and sorts their headers.
        feed = board.watch(new ConnectionId("Sandbox", "Sandbox"), false);
        board.watch(new ConnectionId("other", "Another account · eu-west-1"), true);
        view = new BoardView(board, new BoardActions() {
            @Override
            public void openChangeFreeze() {
            }

            @Override
            public void refresh(ConnectionId connection) {
            }

            @Override
            public void signInAgain(ConnectionId connection) {
            }

            @Override
            public void stopWatching(ConnectionId connection) {
            }
        });
        scene = new Scene(view, 320, 800);
        Theme.apply(scene);
        // CSS and layout of each pulse, the part of a frame the board's own work decides.
        scene.addPreLayoutPulseListener(() -> layoutStarted = System.nanoTime());
        scene.addPostLayoutPulseListener(() -> layouts.add(System.nanoTime() - layoutStarted));
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        clients.close();
        sandbox.close();
    }

    @Test
    void scrollingAndFilteringAThousandPipelinesStayWithinAFrameBudget(FxRobot robot) throws Exception {
        CodePipelineGateway gateway = new CodePipelineGateway(clients.codePipeline(), Clock.systemUTC());
        List<PipelineSummary> pipelines = gateway.listPipelines();
        assertThat(pipelines).hasSize(PIPELINES);
        feed.pipelinesListed(pipelines);
        ExecutorService pollers = Executors.newFixedThreadPool(4);
        List<Future<PipelineSnapshot>> snapshots = new ArrayList<>();
        for (PipelineSummary pipeline : pipelines) {
            snapshots.add(pollers.submit(() -> gateway.snapshot(pipeline.name())));
        }
        for (Future<PipelineSnapshot> snapshot : snapshots) {
            feed.snapshotTaken(snapshot.get());
        }
        pollers.shutdown();
        WaitForAsyncUtils.waitForFxEvents();
        // One untimed pass first: the JIT compiles the cell and layout code, as it has in a running app.
        for (int index = 0; index < PIPELINES; index += 24) {
            int target = index;
            timeStep(() -> view.list().scrollTo(target));
        }
        timeStep(() -> view.list().scrollTo(0));
        layouts.clear();

        List<Long> steps = new ArrayList<>();
        category = "scroll";
        // Scroll from top to bottom a screenful at a time, then jump back.
        for (int index = 0; index < PIPELINES; index += 12) {
            int target = index;
            steps.add(timeOnFxThread(() -> view.list().scrollTo(target)));
        }
        steps.add(timeOnFxThread(() -> view.list().scrollTo(0)));
        // Type a search one key at a time, then the filters and orders.
        category = "search";
        for (String prefix : List.of("p", "pi", "pip", "pipe", "pipel", "")) {
            steps.add(timeOnFxThread(() -> board.searchProperty().set(prefix)));
        }
        category = "filter";
        for (BoardViewModel.StatusFilter filter : BoardViewModel.StatusFilter.values()) {
            steps.add(timeOnFxThread(() -> board.statusFilterProperty().set(filter)));
        }
        steps.add(timeOnFxThread(() -> board.statusFilterProperty().set(BoardViewModel.StatusFilter.ANY)));
        steps.add(timeOnFxThread(() -> board.onlyWithApprovalsProperty().set(true)));
        steps.add(timeOnFxThread(() -> board.onlyWithApprovalsProperty().set(false)));
        category = "sort";
        for (BoardViewModel.Sort sort : BoardViewModel.Sort.values()) {
            steps.add(timeOnFxThread(() -> board.sortProperty().set(sort)));
        }
        // A poll cycle's worth of fresh snapshots arriving while the list is shown.
        long applyStarted = System.nanoTime();
        for (PipelineSummary pipeline : pipelines.subList(0, 200)) {
            feed.snapshotTaken(gateway.snapshot(pipeline.name()));
        }
        WaitForAsyncUtils.waitForFxEvents();
        long applied = System.nanoTime() - applyStarted;

        List<Long> pulses = List.copyOf(layouts);
        System.out.printf("Board at %d pipelines (%d steps, %d pulses; 200 fresh snapshots applied in %.0f ms)%n"
                        + "  scroll/filter step on the FX thread: %s%n  pulse CSS+layout: %s%n  worst pulse by kind of step: %s%n",
                PIPELINES, steps.size(), pulses.size(), applied / 1e6, percentiles(steps), percentiles(pulses),
                worstLayoutBy.entrySet().stream().map(e -> e.getKey() + " " + String.format("%.1f ms", e.getValue() / 1e6)).toList());
        // The maximum is reported, not asserted: on a shared two-core machine one GC pause or a descheduled
        // thread decides it. The 99th percentile says whether the board's own work fits a frame.
        assertThat(percentile(steps, 0.99)).as("99th percentile of scroll and filter steps (ns)").isLessThanOrEqualTo(BUDGET_NANOS);
        assertThat(percentile(pulses, 0.99)).as("99th percentile of pulse CSS and layout (ns)").isLessThanOrEqualTo(BUDGET_NANOS);
    }

    private static long percentile(List<Long> values, double share) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(share * sorted.size()) - 1));
    }

    private static String percentiles(List<Long> values) {
        return String.format("median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", percentile(values, 0.5) / 1e6,
                percentile(values, 0.95) / 1e6, percentile(values, 0.99) / 1e6, percentile(values, 1.0) / 1e6);
    }

    /** Runs the step on the FX thread, then waits for the pulse that lays it out; returns the step's own time. */
    private final java.util.Map<String, Long> worstLayoutBy = new java.util.LinkedHashMap<>();
    private String category = "";

    private long timeOnFxThread(Runnable step) throws Exception {
        int before = layouts.size();
        long took = timeStep(step);
        long worst = layouts.subList(before, layouts.size()).stream().mapToLong(Long::longValue).max().orElse(0);
        worstLayoutBy.merge(category, worst, Math::max);
        return took;
    }

    private static long timeStep(Runnable step) throws Exception {
        long[] took = new long[1];
        WaitForAsyncUtils.asyncFx(() -> {
            long started = System.nanoTime();
            step.run();
            took[0] = System.nanoTime() - started;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return took[0];
    }
}
