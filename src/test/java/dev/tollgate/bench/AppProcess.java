package dev.tollgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One start of the packaged jar as a user runs it ({@code java [flags] -jar tollgate.jar}), in its own process
 * on a virtual display, with {@code -Dtollgate.bench=true} so that the app's {@code BenchProbe} appends its
 * events and pulse reports to a file this class reads. Times are the probe's wall-clock readings minus the
 * wall-clock time just before this process was started.
 */
final class AppProcess implements AutoCloseable {

    /** Memory of the process as Linux counts it (/proc/PID/status), in MB. */
    record ProcStatus(double rssMB, double peakRssMB, double anonMB, double fileMB, double shmemMB, int threads) {
    }

    /** CPU used so far, in seconds: the whole process, the JavaFX thread and the render thread (from /proc). */
    record CpuTimes(double process, double fxThread, double renderThread) {
    }

    // Linux's USER_HZ, the unit of /proc's CPU times: 100 on every kernel configuration that matters here.
    private static final double TICKS_PER_SECOND = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

    final long launchedEpochMillis;
    private final Process process;
    private final Path report;
    private final List<JsonNode> lines = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private long readUpTo;

    private AppProcess(long launchedEpochMillis, Process process, Path report) {
        this.launchedEpochMillis = launchedEpochMillis;
        this.process = process;
        this.report = report;
    }

    /**
     * @param env  the whole environment of the app (nothing is inherited, so no AWS_* or JAVA_TOOL_OPTIONS of
     *             the machine's leaks into the measurement)
     */
    static AppProcess launch(Path jar, List<String> jvmFlags, int expectedPipelines, Map<String, String> env, Path report,
            Path log) throws IOException {
        Files.deleteIfExists(report);
        List<String> command = new ArrayList<>();
        command.add(jdkTool("java"));
        command.addAll(jvmFlags);
        command.add("-Dtollgate.bench=true");
        command.add("-Dtollgate.bench.report=" + report.toAbsolutePath());
        command.add("-Dtollgate.bench.pipelines=" + expectedPipelines);
        command.add("-Dtollgate.bench.showBoard=true");
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(env);
        long launched = System.currentTimeMillis();
        return new AppProcess(launched, builder.start(), report);
    }

    /** A tool of the JDK this benchmark runs on ("java", "jcmd"), so that every process it starts runs that JDK. */
    static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Milliseconds from the launch to the probe's event, once it has been reported; waits up to {@code timeout}. */
    Optional<Long> awaitEvent(String name, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Long> at = event(name);
            if (at.isPresent() || !process.isAlive() || System.nanoTime() > deadline) {
                return at;
            }
            Thread.sleep(100);
        }
    }

    /** Milliseconds from the launch to the probe's event, if it has been reported by now. */
    Optional<Long> event(String name) throws IOException {
        readNewLines();
        return lines.stream().filter(line -> name.equals(line.path("event").asText()))
                .map(line -> line.path("epochMs").asLong() - launchedEpochMillis).findFirst();
    }

    /** Every pulse report so far, oldest first. */
    List<JsonNode> pulseReports() throws IOException {
        readNewLines();
        return lines.stream().filter(line -> "pulses".equals(line.path("event").asText())).toList();
    }

    ProcStatus procStatus() throws IOException {
        String status = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "status"));
        return new ProcStatus(number(status, "VmRSS") / 1024, number(status, "VmHWM") / 1024,
                number(status, "RssAnon") / 1024, number(status, "RssFile") / 1024,
                number(status, "RssShmem") / 1024, (int) number(status, "Threads"));
    }

    /**
     * Read from outside, so the app needs no management API: /proc/PID/stat for the process and the threads'
     * own stat files, found by their names (truncated by Linux to 15 characters).
     */
    CpuTimes cpuTimes() throws IOException {
        Path proc = Path.of("/proc", String.valueOf(process.pid()));
        double fx = 0;
        double render = 0;
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    if (name.startsWith("JavaFX Applicat")) {
                        fx += cpuSeconds(Files.readString(task.resolve("stat")));
                    } else if (name.startsWith("QuantumRenderer")) {
                        render += cpuSeconds(Files.readString(task.resolve("stat")));
                    }
                } catch (IOException e) {
                    // The thread ended between listing and reading: it counts no more.
                }
            }
        }
        return new CpuTimes(cpuSeconds(Files.readString(proc.resolve("stat"))), fx, render);
    }

    /** utime + stime of a stat line; the name in parentheses may hold spaces, so fields count from its end. */
    private static double cpuSeconds(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After the name: state is field 3 of the whole line, utime 14 and stime 15.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /**
     * The heap's live objects in MB: {@code jcmd GC.class_histogram} collects fully first, so this is what the
     * app holds on to, not what it has allocated since the last GC. Saves the histogram beside the report.
     * Changes the heap (a full GC), so read the process's memory before.
     */
    Optional<Double> liveHeapMB(Path histogram) throws InterruptedException {
        try {
            if (!jcmd("GC.class_histogram", histogram)) {
                return Optional.empty();
            }
            Matcher total = HISTOGRAM_TOTAL.matcher(Files.readString(histogram));
            return total.find() ? Optional.of(Long.parseLong(total.group(2)) / 1048576.0) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Where the JVM's own memory goes (heap, metaspace, code, threads, malloc), when the app was started with
     * {@code -XX:NativeMemoryTracking=summary}: saved to {@code out} for reading, not parsed.
     */
    void saveNativeMemory(Path out) throws InterruptedException, IOException {
        jcmd("VM.native_memory summary", out);
    }

    private boolean jcmd(String command, Path out) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(jdkTool("jcmd"),
                String.valueOf(process.pid())));
        line.addAll(List.of(command.split(" ")));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
            return false;
        }
        return true;
    }

    /** SIGTERM, as a logout or {@code kill} would, then SIGKILL if it has not gone after {@code grace}. */
    void stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(10));
        }
    }

    /** Reads what the probe appended since the last call; a line is parsed once it is complete. */
    private void readNewLines() throws IOException {
        if (!Files.exists(report)) {
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(report.toFile(), "r")) {
            long length = file.length();
            if (length <= readUpTo) {
                return;
            }
            byte[] bytes = new byte[(int) (length - readUpTo)];
            file.seek(readUpTo);
            file.readFully(bytes);
            readUpTo = length;
            partial.append(new String(bytes, StandardCharsets.UTF_8));
        }
        int end;
        while ((end = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, end).strip();
            partial.delete(0, end + 1);
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
    }

    /** A field of /proc/PID/status: kB for sizes, a count for Threads. */
    private static double number(String status, String field) {
        Matcher value = Pattern.compile("(?m)^" + field + ":\\s+(\\d+)").matcher(status);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
