package dev.tollgate.sandbox.sqs;

import dev.tollgate.sandbox.engine.ServiceError;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The attributes a standard queue is created with, checked against SQS's limits. Attributes the sandbox does
 * not act on (a policy, encryption) are kept as given, so that creating the same queue twice compares them too.
 */
record QueueSettings(Duration visibilityTimeout, Duration retention, Duration receiveWait, Duration delay,
                     int maximumMessageSize, Map<String, String> given) {

    /** Attributes SQS accepts that the sandbox stores but does not act on. */
    private static final Set<String> KEPT = Set.of("Policy", "RedrivePolicy", "RedriveAllowPolicy", "KmsMasterKeyId",
            "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled");

    QueueSettings {
        given = Map.copyOf(given);
    }

    static QueueSettings of(Map<String, String> attributes) {
        Map<String, String> given = new LinkedHashMap<>(attributes);
        for (String name : given.keySet()) {
            boolean known = KEPT.contains(name) || Set.of("VisibilityTimeout", "MessageRetentionPeriod",
                    "ReceiveMessageWaitTimeSeconds", "DelaySeconds", "MaximumMessageSize", "FifoQueue",
                    "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit").contains(name);
            if (!known) {
                throw new ServiceError("InvalidAttributeName", "Unknown Attribute " + name + ".");
            }
        }
        if ("true".equalsIgnoreCase(given.getOrDefault("FifoQueue", "false"))
                || given.containsKey("ContentBasedDeduplication") || given.containsKey("DeduplicationScope")
                || given.containsKey("FifoThroughputLimit")) {
            throw new ServiceError("InvalidAttributeValue", "The Tollgate sandbox emulates standard queues only, not FIFO queues.");
        }
        return new QueueSettings(
                Duration.ofSeconds(seconds(given, "VisibilityTimeout", 30, 0, 43_200)),
                Duration.ofSeconds(seconds(given, "MessageRetentionPeriod", 345_600, 60, 1_209_600)),
                Duration.ofSeconds(seconds(given, "ReceiveMessageWaitTimeSeconds", 0, 0, 20)),
                Duration.ofSeconds(seconds(given, "DelaySeconds", 0, 0, 900)),
                (int) seconds(given, "MaximumMessageSize", 262_144, 1_024, 262_144),
                given);
    }

    /** The queue's attributes as GetQueueAttributes reports them (the stored ones, with defaults filled in). */
    Map<String, String> asAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("VisibilityTimeout", String.valueOf(visibilityTimeout.toSeconds()));
        attributes.put("MessageRetentionPeriod", String.valueOf(retention.toSeconds()));
        attributes.put("ReceiveMessageWaitTimeSeconds", String.valueOf(receiveWait.toSeconds()));
        attributes.put("DelaySeconds", String.valueOf(delay.toSeconds()));
        attributes.put("MaximumMessageSize", String.valueOf(maximumMessageSize));
        for (Map.Entry<String, String> entry : given.entrySet()) {
            if (KEPT.contains(entry.getKey())) {
                attributes.put(entry.getKey(), entry.getValue());
            }
        }
        return attributes;
    }

    private static long seconds(Map<String, String> given, String name, long fallback, long min, long max) {
        String value = given.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below, as SQS does for any value out of range
        }
        throw new ServiceError("InvalidAttributeValue", "Invalid value for the parameter " + name
                + ". Reason: must be a whole number from " + min + " to " + max + ".");
    }
}
