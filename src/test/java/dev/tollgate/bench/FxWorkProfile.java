package dev.tollgate.bench;

import dev.tollgate.app.Tollgate;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.ui.shell.Theme;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * Where the FX thread's time goes while the real main window watches a sandbox account: every task the view
 * models hand to the UI thread, timed in CPU time of the FX thread (so a busy machine does not inflate it) and
 * labelled with the line that submitted it, and the CSS + layout of every pulse. Headless (Monocle), so painting
 * is left out: this is the app's own work, which the app benchmark's pulse gaps mix with rendering and the
 * machine's load. A diagnostic, not part of the bench run:
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tollgate.bench.FxWorkProfile \
 *     -Dexec.args="500 150"</pre>
 * (pipelines, seconds).
 */
public final class FxWorkProfile {

    private record Task(String source, double atSeconds, long cpuNanos, long wallNanos) {
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<Task> tasks = new ArrayList<>();
    private final List<Task> pulses = new ArrayList<>();
    private final long started = System.nanoTime();
    private final long startedEpochMillis = System.currentTimeMillis();
    private long pulseCpu;
    private long pulseWall;
    /** Stacks of the FX thread sampled during CSS + layout: per method, how many samples had it on the stack. */
    private final Map<String, Integer> inPulse = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean laying;
    private volatile Thread fxThread;
    private volatile int pulseSamples;
    /** The tasks run since the last pulse, and every frame (those tasks, then a pulse) that took over 10 ms. */
    private final List<Task> sincePulse = new ArrayList<>();
    private final List<String> heavyFrames = new ArrayList<>();
    /** Stacks sampled in the frame being run (its tasks and its pulse), and those of the heaviest frame so far. */
    private volatile Map<String, Integer> inFrame = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile int frameSamples;
    private Map<String, Integer> heaviestFrame = Map.of();
    private int heaviestFrameSamples;
    private long heaviestFrameCpu;
    private String heaviestFrameText = "";
    private volatile boolean running;
    /** Nodes under each of the window's main parts after the last pulse: what a heavy frame added. */
    private Map<String, Integer> lastNodes = Map.of();
    private static final List<String> PARTS = List.of("#pipelineList", "#inboxList", "#approvalReview", "#pipelineGraph",
            "#historyView", "#changeFreeze");

    public static void main(String[] args) throws Exception {
        int pipelines = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        new FxWorkProfile().run(pipelines, seconds);
        System.exit(0);
    }

    private void run(int pipelines, int seconds) throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        Path data = Files.createTempDirectory("tollgate-fxwork");
        // -Dfxwork.endpoint=http://127.0.0.1:4599 watches a sandbox already running (e.g. one that has run for a
        // while, with approvals waiting everywhere, as the app benchmark's has), instead of a fresh one in here.
        String external = System.getProperty("fxwork.endpoint");
        try (Sandbox sandbox = external == null ? Sandbox.start(SandboxConfig.defaults().withPipelines(pipelines).withSeed(42)) : null) {
            Executor timed = this::submit;
            java.net.URI endpoint = external == null ? sandbox.endpoint() : java.net.URI.create(external);
            Tollgate tollgate = new Tollgate(ConnectionSettings.sandbox(endpoint), timed, Clock.systemDefaultZone(),
                    Duration.ofSeconds(3), (title, question, confirm) -> true, data);
            Platform.runLater(() -> {
                Stage stage = new Stage();
                Scene scene = new Scene(tollgate.mainWindow(url -> { }, new dev.tollgate.testing.RecordedActions(), java.util.List.of()), 1280, 800);
                Theme.apply(scene);
                fxThread = Thread.currentThread();
                scene.addPreLayoutPulseListener(() -> {
                    pulseCpu = threads.getCurrentThreadCpuTime();
                    pulseWall = System.nanoTime();
                    laying = true;
                });
                scene.addPostLayoutPulseListener(() -> {
                    laying = false;
                    Task pulse = new Task("pulse", (pulseWall - started) / 1e9, threads.getCurrentThreadCpuTime() - pulseCpu,
                            System.nanoTime() - pulseWall);
                    pulses.add(pulse);
                    long frameCpu = pulse.cpuNanos() + sincePulse.stream().mapToLong(Task::cpuNanos).sum();
                    // Counted after every pulse, outside the timed work: what each heavy frame added, by part.
                    Map<String, Integer> nodes = nodeCounts(scene);
                    if (frameCpu > 10_000_000L) {
                        StringBuilder frame = new StringBuilder(String.format(Locale.ROOT, "    %6.2f s  %5.1f ms:  CSS+layout %.1f",
                                pulse.atSeconds(), frameCpu / 1e6, pulse.cpuNanos() / 1e6));
                        sincePulse.stream().filter(t -> t.cpuNanos() > 500_000L).forEach(t -> frame.append(String.format(
                                Locale.ROOT, ", %s %.1f", t.source(), t.cpuNanos() / 1e6)));
                        frame.append(" | nodes");
                        nodes.forEach((part, count) -> {
                            int added = count - lastNodes.getOrDefault(part, 0);
                            if (added != 0) {
                                frame.append(String.format(Locale.ROOT, " %s %+d", part, added));
                            }
                        });
                        // Our own methods on the FX thread's stack in this frame, most sampled first.
                        Map<String, Integer> sampled = inFrame;
                        int samples = Math.max(1, frameSamples);
                        frame.append(String.format(Locale.ROOT, "%n               %d samples:", frameSamples));
                        sampled.entrySet().stream().filter(e -> e.getKey().matches("^[A-Z][A-Za-z]*(\\$[A-Za-z]+)?\\.[a-z][A-Za-z]*$"))
                                .filter(e -> OWN.matcher(e.getKey()).lookingAt())
                                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(14)
                                .forEach(e -> frame.append(String.format(Locale.ROOT, " %s %.0f%%", e.getKey(),
                                        100.0 * e.getValue() / samples)));
                        heavyFrames.add(frame.toString());
                    }
                    lastNodes = nodes;
                    if (frameCpu > heaviestFrameCpu) {
                        heaviestFrameCpu = frameCpu;
                        heaviestFrame = inFrame;
                        heaviestFrameSamples = frameSamples;
                        heaviestFrameText = String.format(Locale.ROOT, "%.2f s, %.1f ms", pulse.atSeconds(), frameCpu / 1e6);
                    }
                    inFrame = new java.util.concurrent.ConcurrentHashMap<>();
                    frameSamples = 0;
                    sincePulse.clear();
                    Node list = scene.lookup("#pipelineList");
                    if (list != null && pulses.size() == 3) {
                        bringToFront(list);
                    }
                });
                stage.setScene(scene);
                stage.show();
                tollgate.startWatching();
            });
            Thread sampler = new Thread(this::sample, "fxwork-sampler");
            sampler.setDaemon(true);
            sampler.start();
            Thread.sleep(seconds * 1000L);
            CountDownLatch reported = new CountDownLatch(1);
            Platform.runLater(() -> {
                report(pipelines, seconds);
                reported.countDown();
            });
            reported.await();
            tollgate.close();
        }
    }

    /**
     * Every 2 ms while a pulse lays out, which methods are on the FX thread's stack (each counted once per
     * sample): where the long pulses spend their time. Stack traces taken from another thread are whole, unlike
     * JFR's here.
     */
    private void sample() {
        while (true) {
            Thread fx = fxThread;
            if (fx != null && (laying || running)) {
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (StackTraceElement frame : fx.getStackTrace()) {
                    seen.add(frame.getClassName().replaceAll("^.*\\.", "") + "." + frame.getMethodName());
                }
                Map<String, Integer> frame = inFrame;
                if (laying || running) {
                    frameSamples++;
                    seen.forEach(method -> frame.merge(method, 1, Integer::sum));
                }
                if (laying) {
                    pulseSamples++;
                    seen.forEach(method -> inPulse.merge(method, 1, Integer::sum));
                }
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Runs the task on the FX thread, timed, under the name of the line that handed it over. */
    private void submit(Runnable task) {
        String source = StackWalker.getInstance().walk(frames -> frames
                .filter(frame -> frame.getClassName().startsWith("dev.tollgate")
                        && !frame.getClassName().startsWith("dev.tollgate.bench"))
                .findFirst().map(frame -> frame.getClassName().replace("dev.tollgate.", "") + "." + frame.getMethodName()
                        + ":" + frame.getLineNumber()).orElse("?"));
        Platform.runLater(() -> {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            running = true;
            task.run();
            running = false;
            Task done = new Task(source, (wall - started) / 1e9, threads.getCurrentThreadCpuTime() - cpu,
                    System.nanoTime() - wall);
            tasks.add(done);
            sincePulse.add(done);
        });
    }

    private void report(int pipelines, int seconds) {
        System.out.printf(Locale.ROOT, "FX thread work, %d pipelines, %d s, headless (CPU time of the FX thread); "
                + "times from %d ms since the epoch%n", pipelines, seconds, startedEpochMillis);
        Map<String, List<Task>> bySource = new HashMap<>();
        tasks.forEach(task -> bySource.computeIfAbsent(task.source(), s -> new ArrayList<>()).add(task));
        System.out.println("  tasks by source: count, total CPU ms, max CPU ms, max wall ms");
        bySource.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, List<Task>> e) ->
                        e.getValue().stream().mapToLong(Task::cpuNanos).sum()).reversed())
                .forEach(e -> System.out.printf(Locale.ROOT, "  %-70s %6d %9.1f %8.1f %8.1f%n", e.getKey(),
                        e.getValue().size(), e.getValue().stream().mapToLong(Task::cpuNanos).sum() / 1e6,
                        e.getValue().stream().mapToLong(Task::cpuNanos).max().orElse(0) / 1e6,
                        e.getValue().stream().mapToLong(Task::wallNanos).max().orElse(0) / 1e6));
        System.out.println("  longest tasks (s after start, source, CPU ms, wall ms):");
        tasks.stream().sorted(Comparator.comparingLong(Task::cpuNanos).reversed()).limit(12)
                .forEach(t -> System.out.printf(Locale.ROOT, "    %6.1f %-70s %7.1f %7.1f%n", t.atSeconds(), t.source(),
                        t.cpuNanos() / 1e6, t.wallNanos() / 1e6));
        List<Long> cpu = pulses.stream().map(Task::cpuNanos).sorted().toList();
        System.out.printf(Locale.ROOT, "  pulses: %d, CSS+layout CPU p50 %.2f ms, p99 %.1f ms, max %.1f ms%n", cpu.size(),
                cpu.get(cpu.size() / 2) / 1e6, cpu.get((int) (cpu.size() * 0.99)) / 1e6, cpu.get(cpu.size() - 1) / 1e6);
        System.out.printf(Locale.ROOT, "  methods on the stack during CSS + layout, share of %d samples:%n", pulseSamples);
        inPulse.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(60)
                .forEach(e -> System.out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * e.getValue() / pulseSamples, e.getKey()));
        System.out.println("  frames over 10 ms of FX CPU (the pulse's CSS + layout, and the tasks before it over 0.5 ms):");
        heavyFrames.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "  methods on the stack in the heaviest frame (%s), share of %d samples:%n",
                heaviestFrameText, heaviestFrameSamples);
        heaviestFrame.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(70)
                .forEach(e -> System.out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * e.getValue() / heaviestFrameSamples, e.getKey()));
        System.out.println("  longest pulses (s after start, CPU ms, wall ms):");
        pulses.stream().sorted(Comparator.comparingLong(Task::cpuNanos).reversed()).limit(8)
                .forEach(t -> System.out.printf(Locale.ROOT, "    %6.1f %7.1f %7.1f%n", t.atSeconds(), t.cpuNanos() / 1e6,
                        t.wallNanos() / 1e6));
    }

    /** Tollgate's classes, as the sampler names methods (simple class name, then the method). */
    private static final java.util.regex.Pattern OWN = java.util.regex.Pattern.compile("(" + String.join("|",
            ownClassNames()) + ")[.$]");

    private static List<String> ownClassNames() {
        try (var paths = Files.walk(Path.of("src/main/java/dev/tollgate"))) {
            return paths.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".java"))
                    .map(name -> name.substring(0, name.length() - 5)).toList();
        } catch (java.io.IOException e) {
            return List.of("Tollgate");
        }
    }

    private static Map<String, Integer> nodeCounts(Scene scene) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        counts.put("all", count(scene.getRoot()));
        for (String part : PARTS) {
            Node node = scene.lookup(part);
            counts.put(part, node == null ? 0 : count(node));
        }
        return counts;
    }

    private static int count(Node node) {
        int n = 1;
        if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                n += count(child);
            }
        }
        return n;
    }

    private static void bringToFront(Node node) {
        for (Node at = node.getParent(); at != null; at = at.getParent()) {
            if (at instanceof TabPane tabs) {
                for (Tab tab : tabs.getTabs()) {
                    for (Node in = node; in != null; in = in.getParent()) {
                        if (in == tab.getContent()) {
                            tabs.getSelectionModel().select(tab);
                        }
                    }
                }
            }
        }
    }
}
