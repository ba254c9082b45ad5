package dev.tollgate.sandbox.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.sandbox.engine.ServiceError;
import dev.tollgate.sandbox.http.CallContext;
import dev.tollgate.sandbox.http.DeferredJsonOperation;
import dev.tollgate.sandbox.http.JsonOperation;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * SQS operations over {@link SqsQueues}, as the AWS JSON 1.0 protocol carries them: members in PascalCase,
 * limits checked as SQS checks them (answered with {@code InvalidParameterValue}), and the Query protocol's
 * error codes for SDKs that still report those ({@link #queryErrorCode(String)}).
 */
public final class SqsApi {

    /** The Query protocol's code of each error shape whose code differs from its name; SDKs report these. */
    private static final Map<String, String> QUERY_CODES = Map.ofEntries(
            Map.entry("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue"),
            Map.entry("QueueNameExists", "QueueAlreadyExists"),
            Map.entry("PurgeQueueInProgress", "AWS.SimpleQueueService.PurgeQueueInProgress"),
            Map.entry("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest"),
            Map.entry("TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest"),
            Map.entry("BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct"),
            Map.entry("InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId"),
            Map.entry("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight"),
            Map.entry("UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation"),
            Map.entry("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid"),
            Map.entry("InvalidParameterValue", "InvalidParameterValue"),
            Map.entry("InvalidAttributeName", "InvalidAttributeName"),
            Map.entry("InvalidAttributeValue", "InvalidAttributeValue"),
            Map.entry("InvalidMessageContents", "InvalidMessageContents"),
            Map.entry("InvalidAddress", "InvalidAddress"));
    private static final Pattern BATCH_ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final int MAX_BATCH = 10;

    private final SqsQueues queues;
    private final ObjectMapper mapper;

    public SqsApi(SqsQueues queues, ObjectMapper mapper) {
        this.queues = queues;
        this.mapper = mapper;
    }

    public static Optional<String> queryErrorCode(String errorShape) {
        return Optional.ofNullable(QUERY_CODES.get(errorShape));
    }

    public Map<String, JsonOperation> operations() {
        Map<String, JsonOperation> ops = new LinkedHashMap<>();
        ops.put("CreateQueue", this::createQueue);
        ops.put("GetQueueUrl", this::getQueueUrl);
        ops.put("GetQueueAttributes", this::getQueueAttributes);
        ops.put("SendMessage", this::sendMessage);
        ops.put("DeleteMessage", this::deleteMessage);
        ops.put("DeleteMessageBatch", this::deleteMessageBatch);
        ops.put("ChangeMessageVisibility", this::changeMessageVisibility);
        ops.put("PurgeQueue", this::purgeQueue);
        ops.put("DeleteQueue", this::deleteQueue);
        return ops;
    }

    /** ReceiveMessage: a long poll answers later, without holding an HTTP worker. */
    public Map<String, DeferredJsonOperation> deferredOperations() {
        return Map.of("ReceiveMessage", this::receiveMessage);
    }

    private JsonNode createQueue(JsonNode in, CallContext call) {
        Map<String, String> attributes = new LinkedHashMap<>();
        in.path("Attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
        return mapper.createObjectNode().put("QueueUrl", queues.create(in.path("QueueName").asText(), attributes));
    }

    private JsonNode getQueueUrl(JsonNode in, CallContext call) {
        String owner = in.path("QueueOwnerAWSAccountId").asText(call.accountId());
        if (!owner.equals(call.accountId())) {
            throw SqsQueues.queueDoesNotExist();
        }
        return mapper.createObjectNode().put("QueueUrl", queues.urlOf(in.path("QueueName").asText()));
    }

    private JsonNode getQueueAttributes(JsonNode in, CallContext call) {
        MessageQueue queue = queue(in);
        Set<String> asked = new LinkedHashSet<>();
        in.path("AttributeNames").forEach(name -> asked.add(name.asText()));
        Instant now = queues.now();
        int[] counts = queue.counts(now);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("QueueArn", queue.arn);
        all.put("ApproximateNumberOfMessages", String.valueOf(counts[0]));
        all.put("ApproximateNumberOfMessagesNotVisible", String.valueOf(counts[1]));
        all.put("ApproximateNumberOfMessagesDelayed", String.valueOf(counts[2]));
        all.put("CreatedTimestamp", String.valueOf(queue.created.getEpochSecond()));
        all.put("LastModifiedTimestamp", String.valueOf(queue.created.getEpochSecond()));
        all.putAll(queue.settings.asAttributes());
        all.put("SqsManagedSseEnabled", queue.settings.given().getOrDefault("SqsManagedSseEnabled", "false"));
        ObjectNode attributes = mapper.createObjectNode();
        for (Map.Entry<String, String> entry : all.entrySet()) {
            if (asked.contains("All") || asked.contains(entry.getKey())) {
                attributes.put(entry.getKey(), entry.getValue());
            }
        }
        ObjectNode out = mapper.createObjectNode();
        if (!attributes.isEmpty()) {
            out.set("Attributes", attributes);
        }
        return out;
    }

    private JsonNode sendMessage(JsonNode in, CallContext call) {
        MessageQueue queue = queue(in);
        String body = in.path("MessageBody").asText();
        if (body.isEmpty()) {
            throw invalid("The request must contain the parameter MessageBody.");
        }
        if (in.has("MessageAttributes") || in.has("MessageSystemAttributes")) {
            throw new ServiceError("UnsupportedOperation", "The Tollgate sandbox does not keep message attributes");
        }
        if (in.has("MessageGroupId") || in.has("MessageDeduplicationId")) {
            throw invalid("The request include parameter that is not valid for this queue type");
        }
        if (!validCharacters(body)) {
            throw new ServiceError("InvalidMessageContents", "Invalid characters found.");
        }
        int size = body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (size > queue.settings.maximumMessageSize()) {
            throw invalid("One or more parameters are invalid. Reason: Message must be shorter than "
                    + queue.settings.maximumMessageSize() + " bytes.");
        }
        Duration delay = in.hasNonNull("DelaySeconds")
                ? Duration.ofSeconds(range(in, "DelaySeconds", 0, 900)) : queue.settings.delay();
        StoredMessage message = queues.send(queue, body, call.accessKeyId().orElse("anonymous"), delay);
        return mapper.createObjectNode().put("MessageId", message.id).put("MD5OfMessageBody", message.md5OfBody);
    }

    private CompletionStage<JsonNode> receiveMessage(JsonNode in, CallContext call) {
        MessageQueue queue = queue(in);
        int max = in.hasNonNull("MaxNumberOfMessages") ? range(in, "MaxNumberOfMessages", 1, 10) : 1;
        Duration visibility = in.hasNonNull("VisibilityTimeout")
                ? Duration.ofSeconds(range(in, "VisibilityTimeout", 0, 43_200)) : queue.settings.visibilityTimeout();
        Duration wait = in.hasNonNull("WaitTimeSeconds")
                ? Duration.ofSeconds(range(in, "WaitTimeSeconds", 0, 20)) : queue.settings.receiveWait();
        Set<String> wanted = new HashSet<>();
        in.path("AttributeNames").forEach(name -> wanted.add(name.asText()));
        in.path("MessageSystemAttributeNames").forEach(name -> wanted.add(name.asText()));
        return queues.receive(queue, max, visibility, wait).thenApply(deliveries -> messages(deliveries, wanted));
    }

    private JsonNode messages(List<Delivery> deliveries, Set<String> wanted) {
        ObjectNode out = mapper.createObjectNode();
        if (deliveries.isEmpty()) {
            return out;
        }
        ArrayNode list = out.putArray("Messages");
        for (Delivery delivery : deliveries) {
            ObjectNode message = list.addObject()
                    .put("MessageId", delivery.messageId())
                    .put("ReceiptHandle", delivery.receiptHandle())
                    .put("MD5OfBody", delivery.md5OfBody())
                    .put("Body", delivery.body());
            Map<String, String> system = new LinkedHashMap<>();
            system.put("SenderId", delivery.senderId());
            system.put("SentTimestamp", String.valueOf(delivery.sentAt().toEpochMilli()));
            system.put("ApproximateReceiveCount", String.valueOf(delivery.receiveCount()));
            system.put("ApproximateFirstReceiveTimestamp", String.valueOf(delivery.firstReceivedAt().toEpochMilli()));
            ObjectNode attributes = mapper.createObjectNode();
            system.forEach((name, value) -> {
                if (wanted.contains("All") || wanted.contains(name)) {
                    attributes.put(name, value);
                }
            });
            if (!attributes.isEmpty()) {
                message.set("Attributes", attributes);
            }
        }
        return out;
    }

    private JsonNode deleteMessage(JsonNode in, CallContext call) {
        queue(in).delete(in.path("ReceiptHandle").asText());
        return mapper.createObjectNode();
    }

    private JsonNode deleteMessageBatch(JsonNode in, CallContext call) {
        MessageQueue queue = queue(in);
        JsonNode entries = in.path("Entries");
        if (entries.isEmpty()) {
            throw new ServiceError("EmptyBatchRequest", "There should be at least one DeleteMessageBatchRequestEntry in the request.");
        }
        if (entries.size() > MAX_BATCH) {
            throw new ServiceError("TooManyEntriesInBatchRequest", "Maximum number of entries per request are "
                    + MAX_BATCH + ". You have sent " + entries.size() + ".");
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode entry : entries) {
            String id = entry.path("Id").asText();
            if (!BATCH_ENTRY_ID.matcher(id).matches()) {
                throw new ServiceError("InvalidBatchEntryId", "A batch entry id can only contain alphanumeric characters, "
                        + "hyphens and underscores. It can be at most 80 letters long.");
            }
            if (!ids.add(id)) {
                throw new ServiceError("BatchEntryIdsNotDistinct", "Id " + id + " repeated.");
            }
        }
        ObjectNode out = mapper.createObjectNode();
        ArrayNode successful = out.putArray("Successful");
        ArrayNode failed = out.putArray("Failed");
        for (JsonNode entry : entries) {
            String id = entry.path("Id").asText();
            try {
                queue.delete(entry.path("ReceiptHandle").asText());
                successful.addObject().put("Id", id);
            } catch (ServiceError e) {
                failed.addObject().put("Id", id).put("SenderFault", true).put("Code", e.code()).put("Message", e.getMessage());
            }
        }
        return out;
    }

    private JsonNode changeMessageVisibility(JsonNode in, CallContext call) {
        queue(in).changeVisibility(in.path("ReceiptHandle").asText(),
                Duration.ofSeconds(range(in, "VisibilityTimeout", 0, 43_200)), queues.now());
        return mapper.createObjectNode();
    }

    private JsonNode purgeQueue(JsonNode in, CallContext call) {
        queue(in).purge(queues.now());
        return mapper.createObjectNode();
    }

    private JsonNode deleteQueue(JsonNode in, CallContext call) {
        queues.delete(queue(in));
        return mapper.createObjectNode();
    }

    private MessageQueue queue(JsonNode in) {
        return queues.byUrl(in.path("QueueUrl").asText());
    }

    private static int range(JsonNode in, String name, int min, int max) {
        JsonNode value = in.get(name);
        if (!value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw invalid("Value " + value.asText() + " for parameter " + name + " is invalid. Reason: Must be between "
                    + min + " and " + max + ", if provided.");
        }
        return value.asInt();
    }

    private static ServiceError invalid(String message) {
        return new ServiceError("InvalidParameterValue", message);
    }

    /** SQS allows #x9, #xA, #xD, #x20 to #xD7FF, #xE000 to #xFFFD and #x10000 to #x10FFFF. */
    private static boolean validCharacters(String body) {
        return body.codePoints().allMatch(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF));
    }
}
