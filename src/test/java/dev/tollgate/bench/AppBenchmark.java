package dev.tollgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Issue 9's app-level figures (and issue 6's 1,000 pipelines): the packaged jar started as a user starts it, in
 * its own process on a private Xvfb, watching a sandbox account served by another process at the lowest CPU
 * priority ({@link SandboxProcess}), so that the app's memory and frames are its own. The app's {@code BenchProbe} (on with {@code -Dtollgate.bench=true}) reports when the
 * window was shown, its first frame, when the board was populated, and the gaps between its pulses.
 *
 * <ol>
 * <li>An AppCDS training run (the packaged launcher's archive, made here as a dynamic archive of this jar).</li>
 * <li>Cold starts, interleaved: plain {@code java -jar}, and the packaged app's JVM options
 *     ({@code packaging/runtime-options.txt}, {@code jvm-options.txt}) with the archive; time to the first
 *     frame, median of N each.</li>
 * <li>One long run with the packaged launcher's options: the first frame, the board populated, the pulses
 *     while it populates and while it watches, and the process's RSS after {@code bench.app.seconds}.</li>
 * <li>For each of {@code bench.app.sizes}: the same until the board is populated, then one more minute.</li>
 * </ol>
 *
 * <p>Writes an "app" section into results.json and one into results.md, beside what BenchMain wrote (or on
 * its own with {@code -Dbench.only=app}); details of each run (probe reports, logs, GC logs, class histograms)
 * go to {@code app/} under the output directory. See docs/BENCHMARKS.md.
 */
final class AppBenchmark {

    /** @param extraFlags JVM options added to the packaged launcher's, to try one (e.g. a heap size) */
    record Config(Path jar, int pipelines, Duration watchFor, List<Integer> moreSizes, Duration afterPopulated,
                  Duration populateTimeout, int coldStarts, double speed, long seed, List<String> extraFlags) {

        static Config fromSystemProperties() {
            return new Config(Path.of(System.getProperty("bench.app.jar", "target/tollgate.jar")),
                    Integer.getInteger("bench.app.pipelines", 500),
                    Duration.ofSeconds(Long.getLong("bench.app.seconds", 600)),
                    Arrays.stream(System.getProperty("bench.app.sizes", "1000").split(","))
                            .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList(),
                    Duration.ofSeconds(Long.getLong("bench.app.afterPopulated", 60)),
                    Duration.ofSeconds(Long.getLong("bench.app.populateTimeout", 900)),
                    Integer.getInteger("bench.app.coldStarts", 5),
                    Double.parseDouble(System.getProperty("bench.app.speed", "60")),
                    Long.getLong("bench.seed", 42),
                    Arrays.stream(System.getProperty("bench.app.flags", "").split("\\s+"))
                            .filter(s -> !s.isEmpty()).toList());
        }
    }

    /** First frames of one kind of start, in ms from launch. */
    record ColdStarts(String variant, List<String> flags, List<Long> firstFrameMillis, List<Long> shownMillis,
                      Long firstFrameMedianMillis, Long firstFrameMinMillis, Long shownMedianMillis) {
    }

    /**
     * Pulse gaps (frame to frame), the CSS + layout time of each pulse, and the FX thread's time on a CPU from
     * one pulse to the next (its work per frame; null where the probe cannot read it), as the probe reported them.
     */
    record Pulses(long pulses, double maxGapMs, double p99GapMs, double p50GapMs, double maxLayoutMs, double p99LayoutMs,
                  Double maxWorkMs, Double p99WorkMs) {

        static Pulses of(JsonNode node) {
            return new Pulses(node.path("pulses").asLong(), node.path("maxGapMs").asDouble(),
                    node.path("p99GapMs").asDouble(), node.path("p50GapMs").asDouble(),
                    node.path("maxLayoutMs").asDouble(), node.path("p99LayoutMs").asDouble(),
                    node.has("maxWorkMs") ? node.path("maxWorkMs").asDouble() : null,
                    node.has("p99WorkMs") ? node.path("p99WorkMs").asDouble() : null);
        }
    }

    /**
     * A gap between pulses over 50 ms: seconds from launch to when it ended, how long it was, and how much of it
     * the FX thread spent on a CPU (the app's work) and queued for one (the machine's load); -1 when unknown.
     */
    record LongGap(double endedAtSeconds, double gapMs, double fxOnCpuMs, double fxQueuedMs) {
    }

    /**
     * Every 10 s of a run: seconds from launch, RSS in MB, CPU seconds used so far (process, FX thread, render
     * thread), and the machine's load average, which says how much of the measurement is the machine's.
     */
    record Sample(double seconds, double rssMB, double processCpu, double fxCpu, double renderCpu, double loadAverage) {
    }

    /** GC pauses of a run, from its -Xlog:gc file. */
    record GcPauses(int count, double totalMs, double maxMs) {
    }

    /**
     * One app run watching an account; times in ms from launch, memory in MB; CPU while watching in per cent of
     * one core, from the first sample after the board was populated to the end.
     */
    record Watch(int pipelines, String variant, double watchedSeconds, Long shownMillis, Long firstFrameMillis,
                 Long listedMillis, Long populatedMillis, Pulses loading, Pulses watching, List<LongGap> longestGaps,
                 AppProcess.ProcStatus memory, Double heapUsedMB, Double heapCommittedMB, Double liveHeapMB,
                 GcPauses gc, Double processCpuWatchingPercent, Double fxCpuWatchingPercent,
                 Double renderCpuWatchingPercent, List<Sample> samples) {
    }

    /**
     * The machine, and the heap the JVM sizes from its memory with the packaged options: with no -Xms/-Xmx the
     * initial heap is 1/64 of the RAM and the maximum 1/4, so the RSS depends on the machine's RAM too.
     */
    record Machine(int cpus, double memoryMB, String java, Double initialHeapMB, Double maxHeapMB) {
    }

    record Result(String startedAt, long runSeconds, String display, double sandboxSpeed, long seed,
                  boolean appCdsArchive, Machine machine, List<ColdStarts> coldStarts, List<Watch> watches,
                  String skipped) {
    }

    private static final String SCREEN = "1280x800";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);

    private final Config config;
    private final Path work;

    AppBenchmark(Config config, Path work) {
        this.config = config;
        this.work = work;
    }

    /**
     * Runs the app benchmark unless {@code -Dbench.app=false}, and adds its section to {@code results.json} and
     * {@code results.md} in {@code out} (creating them when BenchMain did not run).
     */
    static void runInto(Path out) throws Exception {
        if (!Boolean.parseBoolean(System.getProperty("bench.app", "true"))) {
            return;
        }
        Result result = new AppBenchmark(Config.fromSystemProperties(), out.resolve("app")).run();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path jsonFile = out.resolve("results.json");
        ObjectNode results = Files.exists(jsonFile) ? (ObjectNode) json.readTree(jsonFile.toFile()) : json.createObjectNode();
        results.set("app", json.valueToTree(result));
        json.writeValue(jsonFile.toFile(), results);
        Path mdFile = out.resolve("results.md");
        String md = Files.exists(mdFile) ? Files.readString(mdFile) : "# Benchmark results\n";
        Files.writeString(mdFile, AppResults.replaceSection(md, AppResults.markdown(result, Config.fromSystemProperties())));
        log("Wrote the app section into %s and %s", jsonFile, mdFile);
    }

    Result run() throws Exception {
        Instant started = Instant.now();
        if (!Files.exists(config.jar())) {
            return skipped(started, "no " + config.jar() + ": run `mvn -B -DskipTests package` first");
        }
        deleteRecursively(work);
        Files.createDirectories(work);
        Path home = Files.createTempDirectory("tollgate-appbench");
        try {
            Optional<VirtualDisplay> xvfb = VirtualDisplay.start(SCREEN);
            String display = xvfb.map(d -> d.name).orElse(System.getenv("DISPLAY"));
            if (display == null) {
                return skipped(started, "no Xvfb and no DISPLAY: apt-get install xvfb");
            }
            try {
                return measure(started, home, display + (xvfb.isPresent() ? " (Xvfb " + SCREEN + ")" : " (the desktop's)"));
            } finally {
                if (xvfb.isPresent()) {
                    xvfb.get().close();
                }
            }
        } finally {
            deleteRecursively(home);
        }
    }

    private Result measure(Instant started, Path home, String displayLabel) throws Exception {
        String display = displayLabel.split(" ")[0];
        prepareHome(home);
        List<ColdStarts> coldStarts = new ArrayList<>();
        List<Watch> watches = new ArrayList<>();
        Path archive = work.resolve("tollgate-app.jsa");
        try (SandboxProcess sandbox = startSandbox(config.pipelines())) {
            Map<String, String> env = environment(home, display, sandbox);
            log("App: AppCDS training run (%d pipelines)", config.pipelines());
            train(archive, env);
            List<String> packaged = packagedFlags(archive);
            log("App: %d cold starts each of java -jar and %s", config.coldStarts(), String.join(" ", packaged));
            coldStarts.addAll(coldStarts(List.of(List.of(), packaged), List.of("java -jar", "packaged launcher's options"), env));
            coldStarts.forEach(c -> log("  %s", c));
            log("App: watching %d pipelines for %d s", config.pipelines(), config.watchFor().toSeconds());
            watches.add(watch(config.pipelines(), packaged, env, config.watchFor(), false));
            log("  %s", watches.get(watches.size() - 1));
        }
        for (int size : config.moreSizes()) {
            try (SandboxProcess sandbox = startSandbox(size)) {
                log("App: %d pipelines until populated (at most %d s), then %d s", size,
                        config.populateTimeout().toSeconds(), config.afterPopulated().toSeconds());
                watches.add(watch(size, packagedFlags(archive), environment(home, display, sandbox),
                        config.populateTimeout(), true));
                log("  %s", watches.get(watches.size() - 1));
            }
        }
        return new Result(started.toString(), Duration.between(started, Instant.now()).toSeconds(), displayLabel,
                config.speed(), config.seed(), Files.exists(archive), machine(), coldStarts, watches, null);
    }

    private SandboxProcess startSandbox(int pipelines) throws IOException, InterruptedException {
        // Scale mode at the sandbox's usual speed: pushes every 3-30 simulated hours per pipeline become one
        // every 3-30 minutes, so the board has updates to apply all along, at the pace the watcher's budget sets.
        return SandboxProcess.start(config.jar(), pipelines, config.seed(), config.speed(),
                work.resolve("sandbox-" + pipelines + ".log"), START_TIMEOUT);
    }

    /** A throwaway home: the app's settings, log, and an AWS profile whose endpoint is the sandbox. */
    private static void prepareHome(Path home) throws IOException {
        Path aws = Files.createDirectories(home.resolve(".aws"));
        Files.writeString(aws.resolve("config"), "[profile bench]\nregion = us-east-1\n");
        Files.writeString(aws.resolve("credentials"), "[bench]\naws_access_key_id = bench\naws_secret_access_key = bench\n");
    }

    /**
     * The app connects as a user with an AWS profile would (AWS_PROFILE, AWS_ENDPOINT_URL), not through its
     * embedded sandbox, so the sandbox's memory and threads stay out of the app's process.
     */
    private static Map<String, String> environment(Path home, String display, SandboxProcess sandbox) {
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("PATH", "LANG", "LC_ALL", "TZ", "USER", "LOGNAME", "TMPDIR")) {
            Optional.ofNullable(System.getenv(name)).ifPresent(value -> env.put(name, value));
        }
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
        env.put("DISPLAY", display);
        env.put("AWS_PROFILE", "bench");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ENDPOINT_URL", sandbox.endpoint().toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        return env;
    }

    /**
     * The packaged app's JVM options, read from packaging/runtime-options.txt and jvm-options.txt so that the
     * two stay the same, plus the archive it maps. The launcher maps a static archive of the JDK's and the app's classes; this run makes
     * a dynamic one on top of the JDK's, which packaging/README.md measured within ~50 ms of it.
     */
    private List<String> packagedFlags(Path archive) throws IOException {
        // The runtime's own options (jlink --add-options) come first, as the packaged JVM reads them.
        List<String> flags = new ArrayList<>(optionsIn(Path.of("packaging", "runtime-options.txt")));
        Path options = Path.of("packaging", "jvm-options.txt");
        flags.addAll(Files.exists(options) ? optionsIn(options) : List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        flags.addAll(config.extraFlags());
        if (Files.exists(archive)) {
            flags.add("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
        }
        return flags;
    }

    /** The options in one of packaging/'s option files, one per line; none when it is missing. */
    private static List<String> optionsIn(Path file) throws IOException {
        return !Files.exists(file) ? List.of() : Files.readAllLines(file).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** Starts the app once with the packaged options and dumps the classes it loaded into an archive at exit. */
    private void train(Path archive, Map<String, String> env) throws Exception {
        List<String> flags = new ArrayList<>(packagedFlags(work.resolve("none.jsa")));
        flags.add("-XX:ArchiveClassesAtExit=" + archive.toAbsolutePath());
        try (AppProcess app = AppProcess.launch(config.jar(), flags, config.pipelines(), env,
                work.resolve("cds-training.jsonl"), work.resolve("cds-training.log"))) {
            if (app.awaitEvent("listed", START_TIMEOUT).isPresent()) {
                // As packaging/build.sh's training run: a few seconds of the populated window's work.
                Thread.sleep(6000);
            }
            // The archive is written while the JVM exits; SIGTERM runs that exit.
            app.stop(Duration.ofSeconds(120));
        }
        if (!Files.exists(archive)) {
            log("  no archive was written (see %s): the packaged options run without AppCDS", work.resolve("cds-training.log"));
        }
    }

    private List<ColdStarts> coldStarts(List<List<String>> variants, List<String> names, Map<String, String> env)
            throws Exception {
        List<List<Long>> frames = new ArrayList<>();
        List<List<Long>> shown = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            frames.add(new ArrayList<>());
            shown.add(new ArrayList<>());
        }
        // Run 0 of each is not counted: it reads the jars and the archive into the page cache, as any earlier
        // start of the app would have. Interleaved, so that the machine's load drifts alike for every variant.
        for (int run = 0; run <= config.coldStarts(); run++) {
            for (int v = 0; v < variants.size(); v++) {
                String label = "cold-" + (v == 0 ? "jar" : "packaged") + "-" + run;
                try (AppProcess app = AppProcess.launch(config.jar(), variants.get(v), config.pipelines(), env,
                        work.resolve(label + ".jsonl"), work.resolve(label + ".log"))) {
                    Optional<Long> frame = app.awaitEvent("firstFrame", START_TIMEOUT);
                    if (run > 0) {
                        frame.ifPresent(frames.get(v)::add);
                        app.event("shown").ifPresent(shown.get(v)::add);
                    }
                    app.stop(Duration.ofSeconds(10));
                }
                Thread.sleep(1000);
            }
        }
        List<ColdStarts> results = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            results.add(new ColdStarts(names.get(v), variants.get(v), frames.get(v), shown.get(v),
                    median(frames.get(v)), frames.get(v).stream().min(Long::compare).orElse(null), median(shown.get(v))));
        }
        return results;
    }

    /**
     * One run watching {@code pipelines}: until {@code duration} after the launch, or, with
     * {@code untilPopulated}, until the board is populated (at most {@code duration}) and
     * {@code afterPopulated} more. Memory is read at the end, before the class histogram's full GC.
     */
    private Watch watch(int pipelines, List<String> flags, Map<String, String> env, Duration duration,
            boolean untilPopulated) throws Exception {
        String label = "watch-" + pipelines;
        Path gcLog = work.resolve(label + "-gc.log");
        List<String> withGcLog = new ArrayList<>(flags);
        withGcLog.add("-Xlog:gc:file=" + gcLog.toAbsolutePath() + ":uptime");
        try (AppProcess app = AppProcess.launch(config.jar(), withGcLog, pipelines, env, work.resolve(label + ".jsonl"),
                work.resolve(label + ".log"))) {
            List<Sample> samples = new ArrayList<>();
            long end = app.launchedEpochMillis + duration.toMillis();
            long nextSample = System.currentTimeMillis();
            while (System.currentTimeMillis() < end && app.isAlive()) {
                if (System.currentTimeMillis() >= nextSample) {
                    samples.add(sample(app));
                    nextSample += SAMPLE_EVERY.toMillis();
                }
                if (untilPopulated) {
                    Optional<Long> populated = app.event("populated");
                    if (populated.isPresent()) {
                        end = Math.min(end, app.launchedEpochMillis + populated.get() + config.afterPopulated().toMillis());
                    }
                }
                Thread.sleep(500);
            }
            if (!app.isAlive()) {
                throw new IllegalStateException("the app exited early; see " + work.resolve(label + ".log"));
            }
            // The probe reports every 10 s: wait for the report that covers the last seconds.
            int reports = app.pulseReports().size();
            long waitUntil = System.currentTimeMillis() + 12_000;
            while (app.pulseReports().size() == reports && System.currentTimeMillis() < waitUntil) {
                Thread.sleep(200);
            }
            AppProcess.ProcStatus memory = app.procStatus();
            Sample last = sample(app);
            samples.add(last);
            List<JsonNode> pulses = app.pulseReports();
            JsonNode report = pulses.isEmpty() ? null : pulses.get(pulses.size() - 1);
            if (withGcLog.stream().anyMatch(flag -> flag.startsWith("-XX:NativeMemoryTracking="))) {
                app.saveNativeMemory(work.resolve(label + "-native-memory.txt"));
            }
            Optional<Double> live = app.liveHeapMB(work.resolve(label + "-histogram.txt"));
            List<LongGap> longest = pulses.stream().flatMap(r -> stream(r.path("longGaps")))
                    .map(gap -> new LongGap((gap.path("endedEpochMs").asLong() - app.launchedEpochMillis) / 1000.0,
                            gap.path("gapMs").asDouble(), gap.path("fxOnCpuMs").asDouble(-1),
                            gap.path("fxQueuedMs").asDouble(-1)))
                    .sorted(Comparator.comparingDouble(LongGap::gapMs).reversed()).limit(10).toList();
            Optional<Long> populated = app.event("populated");
            Optional<Sample> from = populated.flatMap(at -> samples.stream()
                    .filter(sample -> sample.seconds() * 1000 >= at && sample != last).findFirst());
            double span = from.map(f -> last.seconds() - f.seconds()).orElse(0.0);
            return new Watch(pipelines, flags.isEmpty() ? "java -jar" : "packaged launcher's options", last.seconds(),
                    app.event("shown").orElse(null), app.event("firstFrame").orElse(null),
                    app.event("listed").orElse(null), populated.orElse(null),
                    report == null ? null : Pulses.of(report.path("loading")),
                    report == null ? null : Pulses.of(report.path("watching")), longest, memory,
                    report == null ? null : report.path("heapUsedMB").asDouble(),
                    report == null ? null : report.path("heapCommittedMB").asDouble(), live.orElse(null),
                    gcPauses(gcLog),
                    span < 30 ? null : 100 * (last.processCpu() - from.get().processCpu()) / span,
                    span < 30 ? null : 100 * (last.fxCpu() - from.get().fxCpu()) / span,
                    span < 30 ? null : 100 * (last.renderCpu() - from.get().renderCpu()) / span,
                    samples);
        }
    }

    private static Sample sample(AppProcess app) throws IOException {
        AppProcess.CpuTimes cpu = app.cpuTimes();
        double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        return new Sample((System.currentTimeMillis() - app.launchedEpochMillis) / 1000.0, app.procStatus().rssMB(),
                cpu.process(), cpu.fxThread(), cpu.renderThread(), load);
    }

    /** Sums the pauses of a unified GC log: "[12.345s] GC(3) Pause Young (Allocation Failure) 45M->12M(120M) 3.456ms". */
    private static GcPauses gcPauses(Path gcLog) throws IOException {
        if (!Files.exists(gcLog)) {
            return new GcPauses(0, 0, 0);
        }
        Pattern pause = Pattern.compile("Pause.* (\\d+(?:\\.\\d+)?)ms\\s*$");
        int count = 0;
        double total = 0;
        double max = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher matcher = pause.matcher(line);
            // The class histogram's full GC at the end is the benchmark's, not the app's.
            if (matcher.find() && !line.contains("Heap Inspection")) {
                double ms = Double.parseDouble(matcher.group(1));
                count++;
                total += ms;
                max = Math.max(max, ms);
            }
        }
        return new GcPauses(count, total, max);
    }

    private Result skipped(Instant started, String why) {
        log("App: skipped: %s", why);
        return new Result(started.toString(), 0, null, config.speed(), config.seed(), false, null, List.of(), List.of(), why);
    }

    private Machine machine() throws IOException, InterruptedException {
        Matcher total = Pattern.compile("(?m)^MemTotal:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc/meminfo")));
        List<String> command = new ArrayList<>(List.of(AppProcess.jdkTool("java")));
        command.addAll(packagedFlags(Path.of("none.jsa")));
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String flags = new String(java.getInputStream().readAllBytes());
        java.waitFor();
        return new Machine(Runtime.getRuntime().availableProcessors(),
                total.find() ? Long.parseLong(total.group(1)) / 1024.0 : 0, System.getProperty("java.version"),
                flag(flags, "InitialHeapSize"), flag(flags, "MaxHeapSize"));
    }

    private static Double flag(String flags, String name) {
        Matcher value = Pattern.compile("\\s" + name + "\\s+=\\s+(\\d+)").matcher(flags);
        return value.find() ? Long.parseLong(value.group(1)) / 1048576.0 : null;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    private static Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
    }

    /** On its own: {@code -Dbench.only=app} through BenchMain, or this main with the output directory. */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        Files.createDirectories(out);
        runInto(out);
    }
}
