package dev.tollgate.ui.shell;

import dev.tollgate.ui.board.PipelineEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app benchmark (docs/BENCHMARKS.md, "App") reads from inside the running app. Nothing of it exists
 * unless the JVM runs with {@code -Dtollgate.bench=true}; then it reports, as JSON lines appended to the file
 * named by {@code tollgate.bench.report} (and to the log):
 * <ul>
 * <li>{@code shown}: the main window was shown; {@code firstFrame}: its first frame is on screen, that is the
 *     pulse after the one that laid it out has waited for the render thread to draw it; {@code listed}: the
 *     board lists every pipeline;
 *     {@code populated}: ... and every row has a snapshot. Each with the wall-clock time, so that the process
 *     that launched the app can subtract its own launch time (the JVM's start time is given too);</li>
 * <li>every {@code tollgate.bench.every} seconds (10), {@code pulses}: the gaps between consecutive pulses and
 *     the CSS and layout time of each, for the last interval and since the first frame, split into loading
 *     (before populated) and watching; gaps over 50 ms with when they ended; heap and GC totals.</li>
 * </ul>
 * A pulse here is one frame: an {@link AnimationTimer} keeps the JavaFX pulse running at 60 Hz, so the gap
 * between two pulses is how long the screen could not change: the pulse's own CSS, layout and render hand-off,
 * plus whatever ran on the FX thread in between ({@code Platform.runLater} updates, event handlers) and GC
 * pauses. Idle, it is 16.7 ms. The JavaFX pulse logger and performance tracker would say more but are not
 * public API. {@code tollgate.bench.pipelines=N} makes "listed" wait for N rows (else any non-empty board).
 * The timer keeps the FX thread pulsing while measured, a few per cent of a core. With
 * {@code tollgate.bench.showBoard=true} the probe also brings the pipeline board to the front right after the
 * first frame (the inbox is in front at start-up), so that the rows it measures are the rows on screen, as for
 * an approver watching their pipelines.
 */
public final class BenchProbe {

    // Compile-time constants and an instance logger: without the property, loading this class for
    // installIfRequested() initialises nothing (not even logging) earlier than the app would.
    private static final long LONG_GAP_NANOS = 50_000_000L;
    private static final int LONG_GAPS_KEPT = 20;

    /** What to report and where; from system properties. */
    record Settings(Optional<Path> report, Duration every, int expectedPipelines, boolean showBoard) {

        static Settings fromSystemProperties() {
            return new Settings(Optional.ofNullable(System.getProperty("tollgate.bench.report")).map(Path::of),
                    Duration.ofMillis((long) (1000 * Double.parseDouble(System.getProperty("tollgate.bench.every", "10")))),
                    Integer.getInteger("tollgate.bench.pipelines", 0), Boolean.getBoolean("tollgate.bench.showBoard"));
        }
    }

    private final Logger log = LoggerFactory.getLogger(BenchProbe.class);
    private final Settings settings;
    // Writes and logs off the FX thread, so that measuring never adds I/O to the pulses it measures.
    private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tollgate-bench-probe");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private final Stats stats = new Stats();
    private final ListChangeListener<Window> windows = this::windowsChanged;
    private final Runnable laidOut = this::laidOut;
    private final AnimationTimer pulses = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulseStarted();
        }
    };

    // FX thread only.
    private Scene scene;
    private ListView<?> list;
    private long previousPulse;
    private long pulseStarted;
    private Optional<ThreadSchedule> schedule = Optional.empty();
    private long previousOnCpu;
    private long previousQueued;
    private long boardCheckedAt;
    /** Pulses started since the first one that laid out the window; -1 before it. */
    private int pulsesSinceFirstLayout = -1;
    private boolean firstFrame;
    private boolean listed;
    private boolean populated;
    private boolean boardShown;

    BenchProbe(Settings settings) {
        this.settings = settings;
    }

    /** Installs the probe when {@code -Dtollgate.bench=true}; otherwise does nothing. Call before the launch. */
    public static void installIfRequested() {
        if (Boolean.getBoolean("tollgate.bench")) {
            new BenchProbe(Settings.fromSystemProperties()).install();
        }
    }

    /**
     * Waits for the main window. The window list is a plain observable list that exists before the toolkit
     * starts, and windows join it on the FX thread when shown, so nothing in the app has to call the probe.
     */
    void install() {
        Window.getWindows().addListener(windows);
        long every = settings.every().toMillis();
        reporter.scheduleAtFixedRate(this::reportPulses, every, every, TimeUnit.MILLISECONDS);
    }

    /** Stops measuring and reporting; the app never does (the probe lives as long as it), tests do. On the FX thread. */
    void stop() {
        Window.getWindows().removeListener(windows);
        pulses.stop();
        if (scene != null) {
            scene.removePostLayoutPulseListener(laidOut);
        }
        schedule.ifPresent(ThreadSchedule::close);
        reporter.shutdownNow();
    }

    private void windowsChanged(ListChangeListener.Change<? extends Window> change) {
        while (change.next()) {
            for (Window window : change.getAddedSubList()) {
                if (scene == null && window.getScene() != null && window.getScene().getRoot() instanceof MainWindow) {
                    attach(window.getScene());
                }
            }
        }
    }

    private void attach(Scene shown) {
        scene = shown;
        schedule = ThreadSchedule.ofCurrentThread();
        event("shown", System.currentTimeMillis(), "");
        pulses.start();
        scene.addPostLayoutPulseListener(laidOut);
    }

    /**
     * Also reads how long the FX thread was on a CPU and how long it waited for one since the last pulse: a
     * long gap spent on a CPU was the app's work, one spent queued was the machine's load.
     */
    private void pulseStarted() {
        long at = System.nanoTime();
        boolean scheduled = schedule.map(ThreadSchedule::read).orElse(false);
        long onCpu = schedule.map(ThreadSchedule::onCpuNanos).orElse(0L);
        long queued = schedule.map(ThreadSchedule::queuedNanos).orElse(0L);
        if (firstFrame) {
            long gap = at - previousPulse;
            stats.gap(gap, gap > LONG_GAP_NANOS ? System.currentTimeMillis() : 0,
                    scheduled ? onCpu - previousOnCpu : -1, scheduled ? queued - previousQueued : -1);
        } else if (pulsesSinceFirstLayout >= 0 && ++pulsesSinceFirstLayout == 2) {
            // A pulse hands its frame to the render thread and the next one waits until it is drawn: this pulse
            // starts after that wait. Until then the screen showed nothing of the window, so the gaps count from
            // here (the first frame's drawing, 50 to 100 ms in software, is start-up, not an update).
            firstFrame = true;
            event("firstFrame", System.currentTimeMillis(), "");
        }
        previousPulse = at;
        previousOnCpu = onCpu;
        previousQueued = queued;
        pulseStarted = at;
    }

    private void laidOut() {
        long at = System.nanoTime();
        if (pulseStarted != 0) {
            stats.layout(at - pulseStarted);
            pulseStarted = 0;
        }
        if (pulsesSinceFirstLayout < 0) {
            pulsesSinceFirstLayout = 0;
        }
        // A scan of every row ten times a second at most: the probe's own work stays out of the pulses it times.
        if (!populated && at - boardCheckedAt > 100_000_000L) {
            boardCheckedAt = at;
            checkBoard();
        }
    }

    /** Until the board is populated: are all pipelines listed, and does every row have a snapshot? */
    private void checkBoard() {
        if (list == null || list.getScene() != scene) {
            Node found = scene.lookup("#pipelineList");
            list = found instanceof ListView<?> view ? view : null;
            if (list == null) {
                return;
            }
        }
        if (settings.showBoard() && !boardShown) {
            boardShown = true;
            bringToFront(list);
        }
        List<?> items = list.getItems();
        if (items.isEmpty() || items.size() < settings.expectedPipelines()) {
            return;
        }
        if (!listed) {
            listed = true;
            event("listed", System.currentTimeMillis(), ",\"rows\":" + items.size());
        }
        for (Object item : items) {
            if (!(item instanceof PipelineEntry entry) || !entry.row().isKnown()) {
                return;
            }
        }
        populated = true;
        stats.populated();
        event("populated", System.currentTimeMillis(), ",\"rows\":" + items.size());
    }

    /** Selects, in every tab pane around the node, the tab that holds it; knows nothing else of the window. */
    private static void bringToFront(Node node) {
        for (Node ancestor = node.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            if (ancestor instanceof TabPane tabs) {
                for (Tab tab : tabs.getTabs()) {
                    if (contains(tab.getContent(), node)) {
                        tabs.getSelectionModel().select(tab);
                    }
                }
            }
        }
    }

    private static boolean contains(Node ancestor, Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }

    private void event(String name, long epochMillis, String more) {
        String line = String.format(Locale.ROOT, "{\"event\":\"%s\",\"epochMs\":%d%s}", name, epochMillis, more);
        reporter.execute(() -> {
            log.info("Bench: {}", line);
            write(line);
        });
    }

    /**
     * Heap figures come from {@link Runtime}, not the management API: java.management is not in the packaged
     * runtime (jlink keeps what jdeps finds), and the probe must not add it. GC pauses and CPU per thread are
     * read from outside (-Xlog:gc, /proc) by the benchmark.
     */
    private void reportPulses() {
        Runtime runtime = Runtime.getRuntime();
        String line = String.format(Locale.ROOT, "{\"event\":\"pulses\",\"epochMs\":%d,%s,\"heapUsedMB\":%.1f,"
                        + "\"heapCommittedMB\":%.1f}", System.currentTimeMillis(), stats.drain(),
                (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0, runtime.totalMemory() / 1048576.0);
        log.info("Bench: {}", line);
        write(line);
    }

    private void write(String line) {
        settings.report().ifPresent(file -> {
            try {
                Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                log.warn("Bench: could not write {}: {}", file, e.getMessage());
            }
        });
    }

    /** Pulse timings, recorded on the FX thread and read on the reporter's; guarded by its own lock. */
    private static final class Stats {
        private final PulseHistogram intervalGaps = new PulseHistogram();
        private final PulseHistogram intervalLayouts = new PulseHistogram();
        private final PulseHistogram loadingGaps = new PulseHistogram();
        private final PulseHistogram loadingLayouts = new PulseHistogram();
        private final PulseHistogram watchingGaps = new PulseHistogram();
        private final PulseHistogram watchingLayouts = new PulseHistogram();
        // The FX thread's time on a CPU from one pulse to the next: the app's own work per frame, which a busy
        // machine stretches far less than the gap.
        private final PulseHistogram intervalWork = new PulseHistogram();
        private final PulseHistogram loadingWork = new PulseHistogram();
        private final PulseHistogram watchingWork = new PulseHistogram();
        private final List<String> longGaps = new ArrayList<>();
        private boolean watching;
        private long intervalStarted = System.nanoTime();
        private long intervalOnCpu;
        private long intervalQueued;

        /** @param onCpuNanos, queuedNanos the FX thread's during the gap, or -1 when unknown */
        synchronized void gap(long nanos, long endedEpochMillis, long onCpuNanos, long queuedNanos) {
            intervalGaps.add(nanos);
            (watching ? watchingGaps : loadingGaps).add(nanos);
            if (onCpuNanos >= 0) {
                intervalOnCpu += onCpuNanos;
                intervalQueued += queuedNanos;
                intervalWork.add(onCpuNanos);
                (watching ? watchingWork : loadingWork).add(onCpuNanos);
            }
            if (endedEpochMillis != 0 && longGaps.size() < LONG_GAPS_KEPT) {
                longGaps.add(String.format(Locale.ROOT, "{\"endedEpochMs\":%d,\"gapMs\":%.1f,\"fxOnCpuMs\":%.1f,"
                                + "\"fxQueuedMs\":%.1f}", endedEpochMillis, nanos / 1e6, onCpuNanos / 1e6,
                        queuedNanos / 1e6));
            }
        }

        synchronized void layout(long nanos) {
            intervalLayouts.add(nanos);
            (watching ? watchingLayouts : loadingLayouts).add(nanos);
        }

        synchronized void populated() {
            watching = true;
        }

        /** The JSON fields of the interval since the last call and of the run so far; starts a new interval. */
        synchronized String drain() {
            long now = System.nanoTime();
            String fields = String.format(Locale.ROOT, "\"phase\":\"%s\",\"intervalSeconds\":%.1f,\"interval\":%s,"
                            + "\"loading\":%s,\"watching\":%s,\"longGaps\":[%s],\"fxOnCpuMs\":%.1f,\"fxQueuedMs\":%.1f",
                    watching ? "watching" : "loading", (now - intervalStarted) / 1e9, json(intervalGaps, intervalLayouts, intervalWork),
                    json(loadingGaps, loadingLayouts, loadingWork), json(watchingGaps, watchingLayouts, watchingWork), String.join(",", longGaps),
                    intervalOnCpu / 1e6, intervalQueued / 1e6);
            intervalOnCpu = 0;
            intervalQueued = 0;
            intervalGaps.clear();
            intervalLayouts.clear();
            intervalWork.clear();
            longGaps.clear();
            intervalStarted = now;
            return fields;
        }

        private static String json(PulseHistogram gaps, PulseHistogram layouts, PulseHistogram work) {
            return String.format(Locale.ROOT, "{\"pulses\":%d,\"maxGapMs\":%.1f,\"p99GapMs\":%.1f,\"p50GapMs\":%.1f,"
                            + "\"maxLayoutMs\":%.1f,\"p99LayoutMs\":%.1f%s}", gaps.count(), gaps.maxMillis(),
                    gaps.percentileMillis(0.99), gaps.percentileMillis(0.5), layouts.maxMillis(),
                    layouts.percentileMillis(0.99), work.count() == 0 ? "" : String.format(Locale.ROOT,
                            ",\"maxWorkMs\":%.1f,\"p99WorkMs\":%.1f", work.maxMillis(), work.percentileMillis(0.99)));
        }
    }
}
