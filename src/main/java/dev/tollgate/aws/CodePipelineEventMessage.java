package dev.tollgate.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Reads the pipeline an SQS message is about, from the EventBridge event CodePipeline sends on each execution,
 * stage or action state change ({@code "source": "aws.codepipeline"}, {@code detail.pipeline}). Lenient in what
 * it accepts, as the queue may carry other traffic: the event as EventBridge delivers it, or wrapped in an SNS
 * notification when a topic sits in between; anything else is not a pipeline event.
 */
final class CodePipelineEventMessage {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** AWS limits pipeline names to 100 characters; anything longer is not a pipeline's name. */
    private static final int MAX_NAME = 100;

    private CodePipelineEventMessage() {
    }

    /**
     * @param region the connection's region: an event of the same pipeline name in another region is not ours
     * @return the pipeline's name, or empty when the body is not a CodePipeline event of this region
     */
    static Optional<String> pipelineOf(String body, String region) {
        JsonNode event = parse(body);
        if (event == null) {
            return Optional.empty();
        }
        if ("Notification".equals(event.path("Type").asText()) && event.path("Message").isTextual()) {
            event = parse(event.path("Message").asText());
            if (event == null) {
                return Optional.empty();
            }
        }
        if (!"aws.codepipeline".equals(event.path("source").asText())) {
            return Optional.empty();
        }
        String eventRegion = event.path("region").asText("");
        if (!eventRegion.isEmpty() && !eventRegion.equals(region)) {
            return Optional.empty();
        }
        JsonNode pipeline = event.path("detail").path("pipeline");
        if (!pipeline.isTextual() || pipeline.asText().isBlank() || pipeline.asText().length() > MAX_NAME) {
            return Optional.empty();
        }
        return Optional.of(pipeline.asText());
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
