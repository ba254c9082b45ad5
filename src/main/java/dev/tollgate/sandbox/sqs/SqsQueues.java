package dev.tollgate.sandbox.sqs;

import dev.tollgate.sandbox.engine.ServiceError;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's SQS queues and their long polls. A receive that finds nothing waits here, not on an HTTP
 * worker: it is answered from this class's one timer thread as soon as a message can be received, or empty
 * when its wait time is over. While receives wait, the timer also lets the simulation catch up every
 * {@link #TICK}, so that events due meanwhile reach their queue although no other request arrives.
 */
public final class SqsQueues implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsQueues.class);
    /** How often waiting receives look again (delays, visibility timeouts, simulated time moving on). */
    static final Duration TICK = Duration.ofMillis(50);
    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern QUEUE_PATH = Pattern.compile("/([0-9]{12})/([^/]+)/?");

    private final String accountId;
    private final String region;
    private final Clock clock;
    private final Supplier<URI> endpoint;
    private final Runnable beforeReceive;
    private final Map<String, MessageQueue> queues = new LinkedHashMap<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> ticking;
    private boolean closed;

    /** A receive waiting for a message. */
    private record Waiter(MessageQueue queue, int max, Duration visibility, Instant deadline,
                          CompletableFuture<List<Delivery>> answer) {
    }

    /**
     * @param endpoint      the sandbox's URL, known once it listens: queue URLs start with it
     * @param beforeReceive lets the simulation catch up before waiting receives look again
     */
    public SqsQueues(String accountId, String region, Clock clock, Supplier<URI> endpoint, Runnable beforeReceive) {
        this.accountId = accountId;
        this.region = region;
        this.clock = clock;
        this.endpoint = endpoint;
        this.beforeReceive = beforeReceive;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tollgate-sandbox-sqs");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
    }

    /** Creates a queue, or returns the one of that name when its attributes are the same (as SQS does). */
    public synchronized String create(String name, Map<String, String> attributes) {
        if (!QUEUE_NAME.matcher(name).matches()) {
            throw new ServiceError("InvalidParameterValue", "Can only include alphanumeric characters, hyphens, or "
                    + "underscores. 1 to 80 in length" + (name.endsWith(".fifo")
                    ? " (the Tollgate sandbox emulates standard queues, not FIFO queues)" : ""));
        }
        QueueSettings settings = QueueSettings.of(attributes);
        MessageQueue existing = queues.get(name);
        if (existing != null) {
            if (!existing.settings.given().equals(settings.given())) {
                throw new ServiceError("QueueNameExists", "A queue already exists with the same name and a different "
                        + "value for attribute(s) " + String.join(", ", attributes.keySet()));
            }
            return url(existing);
        }
        queues.put(name, new MessageQueue(name, accountId, region, settings, clock.instant()));
        return url(queues.get(name));
    }

    public synchronized String urlOf(String name) {
        MessageQueue queue = queues.get(name);
        if (queue == null) {
            throw queueDoesNotExist();
        }
        return url(queue);
    }

    /** Sends a message from within the sandbox (e.g. an EventBridge rule's target); false when there is no such queue. */
    public boolean deliver(String queueName, String body, String senderId) {
        MessageQueue queue;
        synchronized (this) {
            queue = queues.get(queueName);
        }
        if (queue == null) {
            return false;
        }
        queue.send(body, senderId, queue.settings.delay(), clock.instant());
        serveSoon();
        return true;
    }

    /** Messages held by the named queue, in flight or not; 0 when there is no such queue. */
    public int depth(String queueName) {
        MessageQueue queue;
        synchronized (this) {
            queue = queues.get(queueName);
        }
        return queue == null ? 0 : queue.size();
    }

    // ------------------------------------------------------------------ for the API

    MessageQueue byUrl(String queueUrl) {
        URI uri;
        try {
            uri = URI.create(queueUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new ServiceError("InvalidAddress", "The address " + queueUrl + " is not valid for this endpoint.");
        }
        Matcher path = QUEUE_PATH.matcher(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (!path.matches()) {
            throw new ServiceError("InvalidAddress", "The address " + queueUrl + " is not valid for this endpoint.");
        }
        synchronized (this) {
            MessageQueue queue = path.group(1).equals(accountId) ? queues.get(path.group(2)) : null;
            if (queue == null) {
                throw queueDoesNotExist();
            }
            return queue;
        }
    }

    Instant now() {
        return clock.instant();
    }

    StoredMessage send(MessageQueue queue, String body, String senderId, Duration delay) {
        StoredMessage message = queue.send(body, senderId, delay, clock.instant());
        serveSoon();
        return message;
    }

    /** Receives at once when something is there or {@code wait} is zero; otherwise when a message comes. */
    CompletableFuture<List<Delivery>> receive(MessageQueue queue, int max, Duration visibility, Duration wait) {
        Instant now = clock.instant();
        List<Delivery> found = queue.receive(max, visibility, now);
        if (!found.isEmpty() || wait.isZero()) {
            return CompletableFuture.completedFuture(found);
        }
        CompletableFuture<List<Delivery>> answer = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                return CompletableFuture.completedFuture(List.of());
            }
            waiters.add(new Waiter(queue, max, visibility, now.plus(wait), answer));
            if (ticking == null) {
                long tick = TICK.toMillis();
                ticking = timer.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
            }
        }
        return answer;
    }

    synchronized void delete(MessageQueue queue) {
        queues.remove(queue.name);
        queue.markDeleted();
        serveSoon();
    }

    // ------------------------------------------------------------------ long polls

    private void serveSoon() {
        try {
            timer.execute(this::serve);
        } catch (RejectedExecutionException e) {
            LOG.debug("SQS timer stopped; nothing to serve");
        }
    }

    private void tick() {
        try {
            beforeReceive.run();
        } catch (RuntimeException e) {
            LOG.warn("The simulation could not catch up for waiting receives", e);
        }
        serve();
    }

    /** Answers every waiting receive that can be answered now, oldest first. Runs on the timer thread. */
    private void serve() {
        List<Waiter> pending;
        synchronized (this) {
            pending = new ArrayList<>(waiters);
        }
        Instant now = clock.instant();
        List<Waiter> done = new ArrayList<>();
        List<List<Delivery>> answers = new ArrayList<>();
        for (Waiter waiter : pending) {
            List<Delivery> found = waiter.answer.isDone() ? List.of()
                    : waiter.queue.receive(waiter.max, waiter.visibility, now);
            if (!found.isEmpty() || waiter.answer.isDone() || !now.isBefore(waiter.deadline)
                    || waiter.queue.isDeleted()) {
                done.add(waiter);
                answers.add(found);
            }
        }
        synchronized (this) {
            waiters.removeAll(done);
            if (waiters.isEmpty() && ticking != null) {
                ticking.cancel(false);
                ticking = null;
            }
        }
        // Answered outside the lock: completing writes the HTTP answer.
        for (int i = 0; i < done.size(); i++) {
            done.get(i).answer.complete(answers.get(i));
        }
    }

    private String url(MessageQueue queue) {
        String base = endpoint.get().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/" + queue.accountId + "/" + queue.name;
    }

    static ServiceError queueDoesNotExist() {
        return new ServiceError("QueueDoesNotExist", "The specified queue does not exist.");
    }

    /** Answers every waiting receive empty and stops the timer. */
    @Override
    public void close() {
        List<Waiter> pending;
        synchronized (this) {
            closed = true;
            pending = new ArrayList<>(waiters);
            waiters.clear();
        }
        pending.forEach(waiter -> waiter.answer.complete(List.of()));
        timer.shutdownNow();
    }
}
