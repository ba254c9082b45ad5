package dev.tollgate.sandbox.sqs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A message while it is in a queue: visible, delayed or in flight. Guarded by its {@link MessageQueue}. */
final class StoredMessage {

    final String id;
    final String body;
    final String md5OfBody;
    final String senderId;
    final Instant sentAt;
    /** Receivable from this instant on: after a delay, or when the last receive's visibility timeout ends. */
    Instant visibleAt;
    int receiveCount;
    Instant firstReceivedAt;
    /** Every receipt handle given out for this message; only the last one deletes it. */
    final List<String> handles = new ArrayList<>();

    StoredMessage(String id, String body, String md5OfBody, String senderId, Instant sentAt, Instant visibleAt) {
        this.id = id;
        this.body = body;
        this.md5OfBody = md5OfBody;
        this.senderId = senderId;
        this.sentAt = sentAt;
        this.visibleAt = visibleAt;
    }

    String latestHandle() {
        return handles.isEmpty() ? null : handles.get(handles.size() - 1);
    }

    boolean inFlight(Instant now) {
        return receiveCount > 0 && visibleAt.isAfter(now);
    }
}
