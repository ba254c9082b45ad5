package dev.tollgate.sandbox.sqs;

import dev.tollgate.sandbox.engine.ServiceError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One standard SQS queue: messages in the order they were sent, each visible, delayed or in flight until its
 * visibility timeout ends. Time is real time (the consumer's), not the simulation's. All state is guarded by
 * this object's monitor; nothing here blocks or does I/O.
 */
final class MessageQueue {

    /** SQS keeps a purge running this long and refuses another meanwhile. */
    private static final Duration PURGE_HOLD = Duration.ofSeconds(60);
    private static final String HANDLE_PREFIX = "tg1:";

    final String name;
    final String accountId;
    final String arn;
    final QueueSettings settings;
    final Instant created;
    private final Map<String, StoredMessage> messages = new LinkedHashMap<>();
    private final Map<String, StoredMessage> byHandle = new HashMap<>();
    private Instant lastPurge = Instant.MIN;
    private boolean deleted;

    MessageQueue(String name, String accountId, String region, QueueSettings settings, Instant created) {
        this.name = name;
        this.accountId = accountId;
        this.arn = "arn:aws:sqs:" + region + ":" + accountId + ":" + name;
        this.settings = settings;
        this.created = created;
    }

    synchronized StoredMessage send(String body, String senderId, Duration delay, Instant now) {
        String id = UUID.randomUUID().toString();
        StoredMessage message = new StoredMessage(id, body, Md5.hex(body), senderId, now, now.plus(delay));
        messages.put(id, message);
        return message;
    }

    /** Up to {@code max} visible messages, oldest first; each stays invisible for {@code visibility} from now. */
    synchronized List<Delivery> receive(int max, Duration visibility, Instant now) {
        expire(now);
        List<Delivery> received = new ArrayList<>();
        for (StoredMessage message : messages.values()) {
            if (received.size() == max) {
                break;
            }
            if (message.visibleAt.isAfter(now)) {
                continue;
            }
            message.receiveCount++;
            if (message.firstReceivedAt == null) {
                message.firstReceivedAt = now;
            }
            message.visibleAt = now.plus(visibility);
            String handle = newHandle(message);
            message.handles.add(handle);
            byHandle.put(handle, message);
            received.add(new Delivery(message.id, handle, message.body, message.md5OfBody, message.senderId,
                    message.sentAt, message.receiveCount, message.firstReceivedAt));
        }
        return received;
    }

    /**
     * Deletes the message received last with this handle. As on SQS, an older handle of a message received again
     * since, or the handle of a message already gone, is accepted and deletes nothing.
     */
    synchronized void delete(String receiptHandle) {
        checkHandle(receiptHandle);
        StoredMessage message = byHandle.get(receiptHandle);
        if (message != null && receiptHandle.equals(message.latestHandle())) {
            forget(message);
        }
    }

    /** Ends or extends the in-flight time of the message received last with this handle. */
    synchronized void changeVisibility(String receiptHandle, Duration timeout, Instant now) {
        checkHandle(receiptHandle);
        StoredMessage message = byHandle.get(receiptHandle);
        if (message == null || !receiptHandle.equals(message.latestHandle()) || !message.inFlight(now)) {
            throw new ServiceError("MessageNotInflight", "The message referred to isn't in flight.");
        }
        message.visibleAt = now.plus(timeout);
    }

    synchronized void purge(Instant now) {
        if (now.isBefore(lastPurge.plus(PURGE_HOLD))) {
            throw new ServiceError("PurgeQueueInProgress", "Only one PurgeQueue operation on " + name
                    + " is allowed every 60 seconds.", 403);
        }
        lastPurge = now;
        messages.clear();
        byHandle.clear();
    }

    synchronized void markDeleted() {
        deleted = true;
        messages.clear();
        byHandle.clear();
    }

    synchronized int size() {
        return messages.size();
    }

    synchronized boolean isDeleted() {
        return deleted;
    }

    /** Visible, in flight, delayed: GetQueueAttributes' three approximate counts. */
    synchronized int[] counts(Instant now) {
        expire(now);
        int visible = 0;
        int inFlight = 0;
        int delayed = 0;
        for (StoredMessage message : messages.values()) {
            if (!message.visibleAt.isAfter(now)) {
                visible++;
            } else if (message.receiveCount > 0) {
                inFlight++;
            } else {
                delayed++;
            }
        }
        return new int[] {visible, inFlight, delayed};
    }

    /** The earliest instant a message not receivable now becomes receivable, or null when none waits. */
    synchronized Instant nextVisibleAfter(Instant now) {
        Instant next = null;
        for (StoredMessage message : messages.values()) {
            if (message.visibleAt.isAfter(now) && (next == null || message.visibleAt.isBefore(next))) {
                next = message.visibleAt;
            }
        }
        return next;
    }

    private void expire(Instant now) {
        Instant oldest = now.minus(settings.retention());
        Iterator<StoredMessage> all = messages.values().iterator();
        while (all.hasNext()) {
            StoredMessage message = all.next();
            if (!message.sentAt.isBefore(oldest)) {
                break;
            }
            all.remove();
            message.handles.forEach(byHandle::remove);
        }
    }

    private void forget(StoredMessage message) {
        messages.remove(message.id);
        message.handles.forEach(byHandle::remove);
    }

    private String newHandle(StoredMessage message) {
        String raw = HANDLE_PREFIX + name + ":" + message.id + ":" + message.receiveCount + ":" + UUID.randomUUID();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** A handle this queue never could have given out is refused, as SQS refuses one it cannot read. */
    private void checkHandle(String receiptHandle) {
        if (byHandle.containsKey(receiptHandle)) {
            return;
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(receiptHandle), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            raw = "";
        }
        if (!raw.startsWith(HANDLE_PREFIX + name + ":")) {
            throw new ServiceError("ReceiptHandleIsInvalid", "The input receipt handle \"" + receiptHandle
                    + "\" is not a valid receipt handle.");
        }
    }
}
