package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged runtime's options (packaging/runtime-options.txt) do what they say on Linux: Tollgate's
 * background threads run at nice 10, the thread that stands for the FX thread stays at 0, and no JVM thread
 * is raised above it, even when run as root (as the benchmark is here). Checked in a JVM of its own, started
 * with exactly those options, which reports the nice value of each of its threads from /proc.
 */
class BackgroundPriorityTest {

    @Test
    void backgroundThreadsYieldToTheUiThreadAndNothingIsRaisedAboveIt() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/thread-self/stat")), "Linux only");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(Files.readAllLines(Path.of("packaging", "runtime-options.txt")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();

        Map<String, Integer> nice = new LinkedHashMap<>();
        output.lines().filter(line -> line.startsWith("nice ")).forEach(line -> {
            int space = line.lastIndexOf(' ');
            nice.put(line.substring(5, space), Integer.parseInt(line.substring(space + 1)));
        });
        // Linux names the main thread after its program: "java".
        assertThat(nice).as(output).containsEntry("poll-1@probe", 10).containsEntry("java", 0);
        assertThat(nice.entrySet()).as(output).filteredOn(thread -> thread.getKey().startsWith("C1")
                || thread.getKey().startsWith("C2") || thread.getKey().startsWith("GC") || thread.getKey().startsWith("VM"))
                .isNotEmpty().allSatisfy(thread -> assertThat(thread.getValue()).as(thread.getKey()).isZero());
    }

    /** Runs in the JVM under test: one background thread as the app makes them, then every thread's nice. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            ExecutorService background = Executors.newSingleThreadExecutor(ConnectionWorkspace.daemonThreads("poll", "@probe"));
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch reported = new CountDownLatch(1);
            background.execute(() -> {
                running.countDown();
                try {
                    reported.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            running.await();
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    report(task);
                }
            }
            reported.countDown();
            background.shutdown();
        }

        private static void report(Path task) {
            try {
                String name = Files.readString(task.resolve("comm")).strip();
                String stat = Files.readString(task.resolve("stat"));
                // After the name in parentheses: state is field 3 and nice field 19 of proc(5).
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                System.out.println("nice " + name + " " + fields[16]);
            } catch (IOException e) {
                // The thread ended while being read.
            }
        }
    }
}
