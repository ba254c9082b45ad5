package dev.tollgate.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP relay between an SDK client and the sandbox that counts what goes over the wire: every
 * request (the SDK's own retries included) and every ThrottlingException answer. The watcher only sees the
 * calls the SDK gives up on, so the wire is where throttling is counted honestly. SQS requests (push mode's
 * receives and deletes) are counted apart: they do not draw on CodePipeline's quota.
 */
final class CountingProxy implements AutoCloseable {

    /** Headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "bench-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI target;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong queueRequests = new AtomicLong();

    /** Totals at one moment: CodePipeline (and S3, ECR) requests, throttled ones, SQS requests. */
    record Counts(long requests, long throttled, long queueRequests) {
        Counts minus(Counts earlier) {
            return new Counts(requests - earlier.requests, throttled - earlier.throttled,
                    queueRequests - earlier.queueRequests);
        }
    }

    CountingProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(threads);
        server.createContext("/", this::relay);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    Counts counts() {
        return new Counts(requests.get(), throttled.get(), queueRequests.get());
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                if (!RESTRICTED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                    header.getValue().forEach(value -> request.header(header.getKey(), value));
                }
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            (target != null && target.startsWith("AmazonSQS.") ? queueRequests : requests).incrementAndGet();
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] answer = response.body();
            if (response.statusCode() == 400
                    && new String(answer, StandardCharsets.UTF_8).contains("ThrottlingException")) {
                throttled.incrementAndGet();
            }
            response.headers().map().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
