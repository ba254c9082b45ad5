package dev.tollgate.sandbox.codepipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.sandbox.engine.ApprovalStatus;
import dev.tollgate.sandbox.engine.PipelineEngine;
import dev.tollgate.sandbox.engine.ServiceError;
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
        ops.put("EnableStageTransition", (in, call) -> transition(in, call, true));
        ops.put("DisableStageTransition", (in, call) -> transition(in, call, false));
        ops.put("StartPipelineExecution", this::startPipelineExecution);
        ops.put("StopPipelineExecution", this::stopPipelineExecution);
        ops.put("RetryStageExecution", this::retryStageExecution);
        ops.put("CreatePipeline", this::createPipeline);
        ops.put("UpdatePipeline", this::updatePipeline);
        ops.put("DeletePipeline", this::deletePipeline);
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

    private JsonNode transition(JsonNode in, CallContext call, boolean enable) {
        engine.setTransition(in.path("pipelineName").asText(), in.path("stageName").asText(),
                "Inbound".equals(in.path("transitionType").asText()), enable, call.identityArn(),
                enable ? null : in.path("reason").asText());
        return mapper.createObjectNode();
    }

    private JsonNode startPipelineExecution(JsonNode in, CallContext call) {
        Map<String, String> variables = new LinkedHashMap<>();
        in.path("variables").forEach(v -> variables.put(v.path("name").asText(), v.path("value").asText()));
        Optional<String> commit = Optional.empty();
        for (JsonNode override : in.path("sourceRevisions")) {
            if (!"COMMIT_ID".equals(override.path("revisionType").asText())) {
                throw ServiceError.validation("The sandbox's source actions are Git repositories: only COMMIT_ID "
                        + "source revision overrides apply");
            }
            commit = Optional.of(override.path("revisionValue").asText());
        }
        String id = engine.startExecution(in.path("name").asText(), Optional.ofNullable(text(in, "clientRequestToken")),
                commit, variables, call.identityArn());
        return mapper.createObjectNode().put("pipelineExecutionId", id);
    }

    private JsonNode stopPipelineExecution(JsonNode in, CallContext call) {
        String id = in.path("pipelineExecutionId").asText();
        engine.stopExecution(in.path("pipelineName").asText(), id, in.path("abandon").asBoolean(false), text(in, "reason"));
        return mapper.createObjectNode().put("pipelineExecutionId", id);
    }

    private JsonNode retryStageExecution(JsonNode in, CallContext call) {
        String id = engine.retryStage(in.path("pipelineName").asText(), in.path("stageName").asText(),
                in.path("pipelineExecutionId").asText(), "ALL_ACTIONS".equals(in.path("retryMode").asText()));
        return mapper.createObjectNode().put("pipelineExecutionId", id);
    }

    private JsonNode createPipeline(JsonNode in, CallContext call) {
        ObjectNode out = mapper.createObjectNode();
        out.set("pipeline", engine.createPipeline(in.path("pipeline"), true));
        if (in.has("tags")) {
            out.set("tags", in.get("tags").deepCopy());
        }
        return out;
    }

    private JsonNode updatePipeline(JsonNode in, CallContext call) {
        ObjectNode out = mapper.createObjectNode();
        out.set("pipeline", engine.updatePipeline(in.path("pipeline")));
        return out;
    }

    private JsonNode deletePipeline(JsonNode in, CallContext call) {
        engine.deletePipeline(in.path("name").asText());
        return mapper.createObjectNode();
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
