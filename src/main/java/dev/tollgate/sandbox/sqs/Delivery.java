package dev.tollgate.sandbox.sqs;

import java.time.Instant;

/** One message handed out by a receive, with the receipt handle of that receive. */
record Delivery(String messageId, String receiptHandle, String body, String md5OfBody, String senderId, Instant sentAt,
                int receiveCount, Instant firstReceivedAt) {
}
