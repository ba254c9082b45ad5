package dev.tollgate.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The audit trail as JSON: a header saying what was exported, when and with which filter, then one object per
 * execution with its commits, approvals and images as arrays. Times are ISO-8601 UTC; absent values are null.
 */
public final class AuditJson {

    public static final String FORMAT = "tollgate-history/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AuditJson() {
    }

    /**
     * @param filterDescription the filter in words, so a reader of the file knows what was left out
     */
    public static byte[] write(String pipeline, Instant exportedAt, String filterDescription, List<AuditRecord> records) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("pipeline", pipeline);
        root.put("exportedAt", exportedAt.toString());
        root.put("filter", filterDescription);
        root.put("count", records.size());
        ArrayNode executions = root.putArray("executions");
        for (AuditRecord record : records) {
            ObjectNode node = executions.addObject();
            node.put("pipeline", record.pipeline());
            node.put("executionId", record.executionId());
            node.put("status", record.status());
            node.put("statusSummary", record.statusSummary());
            node.put("executionType", record.executionType());
            node.put("trigger", record.trigger());
            node.put("triggerDetail", record.triggerDetail());
            node.put("startedAt", instant(record.startedAt()));
            node.put("endedAt", instant(record.endedAt()));
            node.put("durationSeconds", record.durationSeconds());
            ArrayNode commits = node.putArray("commits");
            record.commits().forEach(c -> commits.addObject().put("source", c.source()).put("id", c.id())
                    .put("message", c.message()).put("url", c.url()));
            ArrayNode approvals = node.putArray("approvals");
            record.approvals().forEach(a -> approvals.addObject().put("stage", a.stage()).put("action", a.action())
                    .put("decision", a.decision()).put("approver", a.approver()).put("comment", a.comment())
                    .put("at", instant(a.at())));
            ArrayNode images = node.putArray("images");
            record.images().forEach(m -> images.addObject().put("container", m.container()).put("uri", m.uri())
                    .put("tag", m.tag()).put("digest", m.digest()));
            node.put("imagesNote", record.imagesNote());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings always serialises", e);
        }
    }

    /**
     * Reads back the executions of a file {@link #write} produced.
     *
     * @throws IOException when it is not such a file
     */
    public static List<AuditRecord> read(byte[] content) throws IOException {
        JsonNode root = JSON.readTree(content);
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException("This is not a Tollgate history export (format " + FORMAT + ")");
        }
        List<AuditRecord> records = new ArrayList<>();
        try {
            for (JsonNode node : root.path("executions")) {
                records.add(new AuditRecord(text(node, "pipeline"), text(node, "executionId"), text(node, "status"),
                        text(node, "statusSummary"), text(node, "executionType"), text(node, "trigger"),
                        text(node, "triggerDetail"), instant(node, "startedAt"), instant(node, "endedAt"),
                        node.path("durationSeconds").isNumber() ? node.get("durationSeconds").asLong() : null,
                        list(node.path("commits"), c -> new AuditRecord.Commit(text(c, "source"), text(c, "id"),
                                text(c, "message"), text(c, "url"))),
                        list(node.path("approvals"), a -> new AuditRecord.Approval(text(a, "stage"), text(a, "action"),
                                text(a, "decision"), text(a, "approver"), text(a, "comment"), instant(a, "at"))),
                        list(node.path("images"), m -> new AuditRecord.Image(text(m, "container"), text(m, "uri"),
                                text(m, "tag"), text(m, "digest"))),
                        text(node, "imagesNote")));
            }
        } catch (DateTimeParseException e) {
            throw new IOException("A time in the file is malformed: " + e.getMessage(), e);
        }
        return records;
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> make) {
        List<T> items = new ArrayList<>();
        array.forEach(node -> items.add(make.apply(node)));
        return items;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        return text.isEmpty() ? null : Instant.parse(text);
    }

    private static String instant(Instant at) {
        return at == null ? null : at.toString();
    }
}
