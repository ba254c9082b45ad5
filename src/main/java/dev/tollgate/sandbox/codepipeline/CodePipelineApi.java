package dev.tollgate.sandbox.codepipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.sandbox.engine.ApprovalStatus;
import dev.tollgate.sandbox.engine.PipelineEngine;
import dev.tollgate.sandbox.engine.Shapes;
import dev.tollgate.sandbox.http.CallContext;
import dev.tollgate.sandbox.http.Json;
import dev.tollgate.sandbox.http.JsonOperation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** CodePipeline operations: JSON in (already validated against the model), engine call, JSON out. */
public final class CodePipelineApi {

    private final PipelineEngine engine;
    private final ObjectMapper mapper;

    public CodePipelineApi(PipelineEngine engine, ObjectMapper mapper) {
        this.engine = engine;
        this.mapper = mapper;
    }

    public Map<String, JsonOperation> operations() {
        Map<String, JsonOperation> ops = new LinkedHashMap<>();
        ops.put("ListPipelines", this::listPipelines);
        ops.put("GetPipeline", this::getPipeline);
        ops.put("GetPipelineState", this::getPipelineState);
        ops.put("PutApprovalResult", this::putApprovalResult);
        ops.put("ListPipelineExecutions", this::listPipelineExecutions);
        ops.put("GetPipelineExecution", this::getPipelineExecution);
        ops.put("ListActionExecutions", this::listActionExecutions);
        return ops;
    }

    private JsonNode listPipelines(JsonNode in, CallContext call) {
        Shapes.Page<Shapes.PipelineSummary> page = engine.listPipelines(
                in.path("maxResults").asInt(100), text(in, "nextToken"));
        ObjectNode out = mapper.createObjectNode();
        out.set("pipelines", mapper.valueToTree(page.items()));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    private JsonNode getPipeline(JsonNode in, CallContext call) {
        Optional<Integer> version = in.hasNonNull("version") ? Optional.of(in.get("version").asInt()) : Optional.empty();
        PipelineEngine.PipelineDocument doc = engine.getPipeline(in.path("name").asText(), version);
        ObjectNode out = mapper.createObjectNode();
        out.set("pipeline", doc.pipeline());
        out.set("metadata", mapper.valueToTree(doc.metadata()));
        return out;
    }

    private JsonNode getPipelineState(JsonNode in, CallContext call) {
        return mapper.valueToTree(engine.pipelineState(in.path("name").asText()));
    }

    private JsonNode putApprovalResult(JsonNode in, CallContext call) {
        JsonNode result = in.path("result");
        Instant approvedAt = engine.putApprovalResult(in.path("pipelineName").asText(), in.path("stageName").asText(),
                in.path("actionName").asText(), in.path("token").asText(),
                ApprovalStatus.valueOf(result.path("status").asText()), result.path("summary").asText(),
                call.identityArn());
        return mapper.createObjectNode().put("approvedAt", Json.epochSeconds(approvedAt));
    }

    private JsonNode listPipelineExecutions(JsonNode in, CallContext call) {
        Optional<String> stage = Optional.ofNullable(in.path("filter").path("succeededInStage").path("stageName").textValue());
        Shapes.Page<Shapes.PipelineExecutionSummary> page = engine.listPipelineExecutions(
                in.path("pipelineName").asText(), in.path("maxResults").asInt(100), text(in, "nextToken"), stage);
        return paged("pipelineExecutionSummaries", page);
    }

    private JsonNode getPipelineExecution(JsonNode in, CallContext call) {
        ObjectNode out = mapper.createObjectNode();
        out.set("pipelineExecution", mapper.valueToTree(engine.getPipelineExecution(
                in.path("pipelineName").asText(), in.path("pipelineExecutionId").asText())));
        return out;
    }

    private JsonNode listActionExecutions(JsonNode in, CallContext call) {
        JsonNode filter = in.path("filter");
        Optional<String> execution = Optional.ofNullable(filter.path("pipelineExecutionId").textValue())
                .or(() -> Optional.ofNullable(filter.path("latestInPipelineExecution").path("pipelineExecutionId").textValue()));
        Shapes.Page<Shapes.ActionExecutionDetail> page = engine.listActionExecutions(
                in.path("pipelineName").asText(), execution, in.path("maxResults").asInt(100), text(in, "nextToken"));
        return paged("actionExecutionDetails", page);
    }

    private ObjectNode paged(String field, Shapes.Page<?> page) {
        ObjectNode out = mapper.createObjectNode();
        out.set(field, mapper.valueToTree(page.items()));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    private static String text(JsonNode in, String field) {
        return in.hasNonNull(field) ? in.get(field).asText() : null;
    }
}
