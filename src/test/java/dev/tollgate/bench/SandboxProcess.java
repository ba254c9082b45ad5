package dev.tollgate.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app benchmark's AWS: the jar's headless sandbox ({@code tollgate sandbox}) in a process of its own, at
 * the lowest CPU priority. On a user's machine AWS does its work elsewhere; served from the benchmark's own JVM,
 * the sandbox's compiler threads took up to 80 ms of every 100 ms on the two cores while the app first filled
 * its window, and those gaps were the server's, not the app's. Niced, it answers when the app leaves a core
 * free, as a remote service answers after its round trip; the app's request budget, not the sandbox's speed,
 * paces the board.
 */
final class SandboxProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final URI endpoint;

    private SandboxProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts the sandbox with these pipelines, seed and speed on a free port; its output goes to {@code log}. */
    static SandboxProcess start(Path jar, int pipelines, long seed, double speed, Path log, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (niceAvailable()) {
            command.addAll(List.of("nice", "-n", "19"));
        }
        command.add(AppProcess.jdkTool("java"));
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "sandbox", "--port", "0",
                "--pipelines", String.valueOf(pipelines), "--seed", String.valueOf(seed),
                "--speed", String.format(Locale.ROOT, "%s", speed)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<URI> endpoint = new CompletableFuture<>();
        Thread copier = new Thread(() -> copyOutput(process, log, endpoint), "sandbox-output");
        copier.setDaemon(true);
        copier.start();
        try {
            return new SandboxProcess(process, endpoint.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("The sandbox did not start (see " + log + ")", e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Copies the sandbox's output to its log, completing {@code endpoint} when it says where it listens. */
    private static void copyOutput(Process process, Path log, CompletableFuture<URI> endpoint) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                file.write(line);
                file.newLine();
                file.flush();
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    endpoint.complete(URI.create(listening.group(1)));
                }
            }
        } catch (IOException e) {
            endpoint.completeExceptionally(e);
        }
        endpoint.completeExceptionally(new IllegalStateException("the sandbox exited"));
    }

    private static boolean niceAvailable() throws InterruptedException {
        try {
            return new ProcessBuilder("nice", "true").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
