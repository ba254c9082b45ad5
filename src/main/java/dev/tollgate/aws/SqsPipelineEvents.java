package dev.tollgate.aws;

import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.watch.PipelineEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Push mode: long-polls an SQS queue that an EventBridge rule fills with CodePipeline's state-change events,
 * and tells the watcher which pipelines changed, so it asks exactly those now instead of on their next turn.
 * One receive at a time (20 s long poll, up to 10 messages) on a thread of its own; every message is deleted
 * once read, pipeline event or not, so nothing unreadable comes back forever.
 *
 * <p>Trouble never reaches the approver as an error, since polling goes on regardless: lost network,
 * throttling or expired credentials retry with a growing pause; a queue that does not exist (yet, or any
 * more) is looked for again every few minutes; a denied receive stops push mode for this connection, with
 * one warning in the log. Give each Tollgate its own queue: SQS hands each message to one reader only.
 */
public final class SqsPipelineEvents implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsPipelineEvents.class);
    /** SQS's longest long poll: one request answers at once when an event comes, else after 20 s. */
    static final int WAIT_SECONDS = 20;
    static final int MAX_MESSAGES = 10;
    private static final int LOGGED_BODY_CHARS = 200;

    /**
     * How long to pause after failures: from {@code first}, doubling up to {@code longest}; a missing queue is
     * looked for again every {@code queueMissing}.
     */
    public record Pauses(Duration first, Duration longest, Duration queueMissing) {

        public static Pauses defaults() {
            return new Pauses(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(5));
        }
    }

    private final SqsClient sqs;
    private final String queueUrl;
    private final String region;
    private final PipelineEvents watcher;
    private final Pauses pauses;
    private final ScheduledExecutorService thread;
    private volatile boolean closed;
    private boolean listening;
    private int failuresInARow;
    private boolean queueMissingReported;

    /**
     * @param region  the connection's region: events of other regions are read and dropped
     * @param watcher told which pipelines changed, and whether events arrive
     */
    public SqsPipelineEvents(SqsClient sqs, String queueUrl, String region, PipelineEvents watcher, Pauses pauses) {
        this.sqs = Objects.requireNonNull(sqs);
        this.queueUrl = Objects.requireNonNull(queueUrl);
        this.region = Objects.requireNonNull(region);
        this.watcher = Objects.requireNonNull(watcher);
        this.pauses = Objects.requireNonNull(pauses);
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "tollgate-push");
            t.setDaemon(true);
            // Background work yields to the UI thread on a busy machine (packaging/runtime-options.txt).
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    public void start() {
        LOG.info("Push mode: listening for CodePipeline events on {}", queueUrl);
        next(Duration.ZERO);
    }

    private void next(Duration pause) {
        if (closed) {
            return;
        }
        try {
            thread.schedule(this::receiveOnce, pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Push mode closed; no further receives");
        }
    }

    /** One long poll and what follows from it; runs on the push thread only. */
    private void receiveOnce() {
        List<Message> messages;
        // Until a receive has worked, do not wait: whether push mode works is known at once, not in 20 s.
        int wait = listening ? WAIT_SECONDS : 0;
        try {
            messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(wait)
                    .maxNumberOfMessages(MAX_MESSAGES)).messages();
        } catch (SdkException e) {
            if (!closed) {
                failed(e);
            }
            return;
        } catch (RuntimeException e) {
            if (closed) {
                // The client was closed under a receive (sign-out, exit): nothing went wrong.
                return;
            }
            // Never let the push thread die on a surprise: polling is the safety net, push mode retries.
            LOG.error("Push mode: unexpected failure while receiving from {}", queueUrl, e);
            setListening(false);
            failuresInARow++;
            next(pause());
            return;
        }
        if (closed) {
            return;
        }
        if (failuresInARow > 0 || queueMissingReported) {
            LOG.info("Push mode: receiving from {} again", queueUrl);
        }
        failuresInARow = 0;
        queueMissingReported = false;
        setListening(true);
        try {
            handle(messages);
        } catch (RuntimeException e) {
            if (closed) {
                return;
            }
            // Unread messages come back after their visibility timeout; the loop itself must go on.
            LOG.error("Push mode: unexpected failure while handling messages from {}", queueUrl, e);
        }
        next(Duration.ZERO);
    }

    private void handle(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        Set<String> pipelines = new LinkedHashSet<>();
        List<DeleteMessageBatchRequestEntry> read = new ArrayList<>();
        for (Message message : messages) {
            CodePipelineEventMessage.pipelineOf(message.body(), region).ifPresentOrElse(pipelines::add,
                    () -> LOG.debug("Push mode: ignoring a message that is not a CodePipeline event of {}: {}", region,
                            abbreviated(message.body())));
            read.add(DeleteMessageBatchRequestEntry.builder().id("m" + read.size())
                    .receiptHandle(message.receiptHandle()).build());
        }
        if (!pipelines.isEmpty()) {
            LOG.debug("Push mode: {} changed", pipelines);
            watcher.pipelinesChanged(pipelines);
        }
        try {
            var deleted = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(read));
            if (deleted.hasFailed() && !deleted.failed().isEmpty()) {
                LOG.debug("Push mode: {} messages not deleted ({}); they come back once and are read again",
                        deleted.failed().size(), deleted.failed().get(0).code());
            }
        } catch (SdkException e) {
            // Undeleted messages come back after their visibility timeout: a second refresh, no harm.
            LOG.debug("Push mode: could not delete read messages: {}", e.getMessage());
        }
    }

    private void failed(SdkException error) {
        setListening(false);
        if (error instanceof QueueDoesNotExistException) {
            if (!queueMissingReported) {
                queueMissingReported = true;
                LOG.warn("Push mode paused: the SQS queue {} does not exist. Polling goes on; looking for the queue "
                        + "again every {} min", queueUrl, pauses.queueMissing().toMinutes());
            }
            next(pauses.queueMissing());
            return;
        }
        GatewayException translated = AwsErrors.translate("Push mode could not receive from " + queueUrl, error);
        if (translated.problem() == GatewayException.Problem.ACCESS_DENIED) {
            LOG.warn("Push mode stopped: {} Polling goes on; allow sqs:ReceiveMessage and sqs:DeleteMessage on the "
                    + "queue, then reconnect to use push mode.", translated.getMessage());
            closed = true;
            thread.shutdown();
            return;
        }
        failuresInARow++;
        if (failuresInARow == 1) {
            LOG.info("{} Polling goes on; push mode retries.", translated.getMessage());
        } else {
            LOG.debug("{} (failure {} in a row)", translated.getMessage(), failuresInARow);
        }
        next(pause());
    }

    private Duration pause() {
        Duration pause = pauses.first().multipliedBy(1L << Math.min(Math.max(failuresInARow - 1, 0), 16));
        return pause.compareTo(pauses.longest()) > 0 ? pauses.longest() : pause;
    }

    private void setListening(boolean now) {
        if (listening != now) {
            listening = now;
            watcher.listening(now);
        }
    }

    /** Whether push mode still runs: false after {@link #close()} or once a receive was denied. */
    public boolean running() {
        return !closed;
    }

    private static String abbreviated(String body) {
        String text = String.valueOf(body).replaceAll("\\s+", " ");
        return text.length() <= LOGGED_BODY_CHARS ? text : text.substring(0, LOGGED_BODY_CHARS) + "…";
    }

    /** Stops receiving; a long poll under way is left to end on its own (the SDK client closes it). */
    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
    }
}
