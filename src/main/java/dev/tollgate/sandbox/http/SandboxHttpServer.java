package dev.tollgate.sandbox.http;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The JDK HTTP server on 127.0.0.1 only, with a small pool: the engine is serialised anyway. */
public final class SandboxHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private SandboxHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds and starts; throws {@link java.net.BindException} (an IOException) when the port is taken. */
    public static SandboxHttpServer start(int port, FrontDoor handler) throws IOException {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and
        // delayed ACKs hold small answers back ~40 ms each. The server reads this once, when first used.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        HttpServer server = HttpServer.create(address, 64);
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "tollgate-sandbox-http-" + counter.incrementAndGet());
            t.setDaemon(true);
            // Embedded in the app, the sandbox stands for AWS, whose work is done elsewhere: it must not take
            // the CPU from the app's UI thread (packaging/runtime-options.txt makes Linux honour this).
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        };
        ExecutorService executor = Executors.newFixedThreadPool(4, threads);
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        return new SandboxHttpServer(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String host() {
        return server.getAddress().getAddress().getHostAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
