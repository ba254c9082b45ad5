package dev.tollgate.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A private X server (Xvfb) for the app benchmark, so that the app shows a real window of a known size
 * whatever the machine's desktop, and concurrent runs never share a display.
 */
final class VirtualDisplay implements AutoCloseable {

    final String name;
    private final Process server;

    private VirtualDisplay(String name, Process server) {
        this.name = name;
        this.server = server;
    }

    /** Starts Xvfb with a screen of the given size ("1280x800"), or empty when Xvfb is not installed. */
    static Optional<VirtualDisplay> start(String size) throws InterruptedException {
        Process server;
        try {
            // -displayfd 1: the server picks a free display itself and prints its number on stdout.
            server = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", size + "x24", "-nolisten", "tcp")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return Optional.empty();
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII));
        try {
            String number = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(20, TimeUnit.SECONDS);
            if (number == null || number.isBlank()) {
                throw new IllegalStateException("Xvfb did not start");
            }
            return Optional.of(new VirtualDisplay(":" + number.strip(), server));
        } catch (ExecutionException | TimeoutException e) {
            server.destroy();
            throw new IllegalStateException("Xvfb did not start", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }
}
