package dev.tollgate.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.sandbox.SandboxControl;
import dev.tollgate.sandbox.engine.PushedCommit;
import dev.tollgate.sandbox.engine.ServiceError;
import dev.tollgate.sandbox.fault.FaultConfig;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's own JSON API under {@code /_sandbox/}: health, simulated pushes, clock control, faults, and
 * where CodePipeline's events go ({@code /_sandbox/events}).
 * Errors use the same {@code __type}/{@code message} shape as the AWS services.
 */
public final class ControlEndpoint {

    private static final Pattern COMMITS = Pattern.compile("/_sandbox/pipelines/([^/]+)/commits");

    private final SandboxControl control;
    private final ObjectMapper mapper;

    public ControlEndpoint(SandboxControl control, ObjectMapper mapper) {
        this.control = control;
        this.mapper = mapper;
    }

    public Response handle(String method, String path, String query, byte[] body, CallContext call) {
        try {
            if (path.equals("/_sandbox/health") && method.equals("GET")) {
                Instant now = control.now();
                return ok(mapper.createObjectNode().put("status", "ok").put("now", now.toString())
                        .put("pipelines", control.engine().pipelineCount()), call);
            }
            if (path.equals("/_sandbox/clock") && method.equals("GET")) {
                return ok(clock(control.now()), call);
            }
            if (path.equals("/_sandbox/clock/advance") && method.equals("POST")) {
                long seconds = longParam(query, "seconds");
                if (seconds < 0) {
                    throw new ServiceError("ValidationException", "seconds must not be negative");
                }
                try {
                    return ok(clock(control.advanceClock(Duration.ofSeconds(seconds))), call);
                } catch (UnsupportedOperationException e) {
                    throw new ServiceError("ValidationException", e.getMessage());
                }
            }
            if (path.equals("/_sandbox/faults")) {
                switch (method) {
                    case "GET" -> {
                        return ok(faults(control.faults()), call);
                    }
                    case "PUT", "POST" -> {
                        JsonNode request = body.length == 0 ? mapper.createObjectNode()
                                : mapper.readTree(new String(body, StandardCharsets.UTF_8));
                        control.setFaults(faultConfig(request));
                        return ok(faults(control.faults()), call);
                    }
                    case "DELETE" -> {
                        control.setFaults(FaultConfig.none());
                        return ok(faults(control.faults()), call);
                    }
                    default -> {
                        return AwsJsonService.error(405, "MethodNotAllowed", "Use GET, PUT or DELETE on /_sandbox/faults",
                                call, mapper);
                    }
                }
            }
            if (path.equals("/_sandbox/events")) {
                switch (method) {
                    case "GET" -> {
                        return ok(events(), call);
                    }
                    case "PUT", "POST" -> {
                        JsonNode request = body.length == 0 ? mapper.createObjectNode()
                                : mapper.readTree(new String(body, StandardCharsets.UTF_8));
                        String queue = request.path("queueName").asText("");
                        if (queue.isEmpty()) {
                            throw new ServiceError("ValidationException", "queueName is required, e.g. {\"queueName\": \"pipeline-events\"}");
                        }
                        control.sendEventsTo(queue);
                        return ok(events(), call);
                    }
                    case "DELETE" -> {
                        control.stopEvents();
                        return ok(events(), call);
                    }
                    default -> {
                        return AwsJsonService.error(405, "MethodNotAllowed", "Use GET, PUT or DELETE on /_sandbox/events",
                                call, mapper);
                    }
                }
            }
            if (path.equals("/_sandbox/connections/cut") && method.equals("POST")) {
                long seconds = longParam(query, "seconds");
                if (seconds < 0 || seconds > 3600) {
                    throw new ServiceError("ValidationException", "seconds must be between 0 and 3600");
                }
                control.cutConnectionsFor(Duration.ofSeconds(seconds));
                return ok(mapper.createObjectNode().put("cutForSeconds", seconds), call);
            }
            Matcher commits = COMMITS.matcher(path);
            if (commits.matches() && method.equals("POST")) {
                String pipeline = URLDecoder.decode(commits.group(1), StandardCharsets.UTF_8);
                JsonNode request = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(new String(body, StandardCharsets.UTF_8));
                String message = request.path("message").asText("Update from the Tollgate sandbox");
                String author = request.path("author").asText("sandbox");
                Optional<String> fail = Optional.ofNullable(request.path("failAction").textValue());
                PushedCommit pushed = fail.isPresent()
                        ? control.pushBreakingCommit(pipeline, message, author, fail.get())
                        : control.pushCommit(pipeline, message, author);
                return ok(mapper.createObjectNode().put("pipelineName", pipeline)
                        .put("pipelineExecutionId", pushed.pipelineExecutionId())
                        .put("commitId", pushed.commitId()), call);
            }
            return AwsJsonService.error(404, "ResourceNotFoundException", "No sandbox control route "
                    + method + " " + path, call, mapper);
        } catch (ServiceError e) {
            int status = e.code().equals("PipelineNotFoundException") ? 404 : e.httpStatus();
            return AwsJsonService.error(status, e.code(), e.getMessage(), call, mapper);
        } catch (JsonProcessingException e) {
            return AwsJsonService.error(400, "SerializationException", "The request body is not valid JSON", call, mapper);
        }
    }

    /** Members left out keep their current value, so {@code {"latencyMs": 200}} changes only the latency. */
    private FaultConfig faultConfig(JsonNode request) {
        if (!request.isObject()) {
            throw new ServiceError("SerializationException", "The faults document must be a JSON object");
        }
        FaultConfig current = control.faults();
        try {
            return new FaultConfig(
                    number(request, "throttleRate", current.throttleRate()),
                    number(request, "errorRate", current.errorRate()),
                    (int) number(request, "latencyMs", current.latencyMillis()),
                    (int) number(request, "quotaPerSecond", current.quotaPerSecond()),
                    operations(request, current.operations()));
        } catch (IllegalArgumentException e) {
            throw new ServiceError("ValidationException", e.getMessage());
        }
    }

    private static double number(JsonNode request, String field, double current) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return current;
        }
        if (!value.isNumber()) {
            throw new ServiceError("ValidationException", field + " must be a number");
        }
        return value.asDouble();
    }

    private static java.util.Set<String> operations(JsonNode request, java.util.Set<String> current) {
        JsonNode value = request.get("operations");
        if (value == null || value.isNull()) {
            return current;
        }
        if (!value.isArray()) {
            throw new ServiceError("ValidationException", "operations must be an array of operation names");
        }
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (JsonNode name : value) {
            if (!name.isTextual() || name.asText().isBlank()) {
                throw new ServiceError("ValidationException", "operations must be an array of operation names");
            }
            names.add(name.asText());
        }
        return names;
    }

    private ObjectNode faults(FaultConfig config) {
        ObjectNode out = mapper.createObjectNode().put("throttleRate", config.throttleRate())
                .put("errorRate", config.errorRate())
                .put("latencyMs", config.latencyMillis()).put("quotaPerSecond", config.quotaPerSecond());
        config.operations().stream().sorted().forEach(out.putArray("operations")::add);
        return out;
    }

    private ObjectNode events() {
        ObjectNode out = mapper.createObjectNode();
        control.eventsQueue().ifPresent(name -> out.put("queueName", name));
        control.eventsQueueUrl().ifPresent(url -> out.put("queueUrl", url));
        return out;
    }

    private ObjectNode clock(Instant now) {
        return mapper.createObjectNode().put("now", now.toString()).put("epochSeconds", now.getEpochSecond());
    }

    private Response ok(JsonNode body, CallContext call) throws JsonProcessingException {
        return Response.of(200, "application/json", mapper.writeValueAsBytes(body))
                .withHeader("x-amzn-RequestId", call.requestId());
    }

    private static long longParam(String query, String name) {
        String value = params(query).get(name);
        if (value == null) {
            throw new ServiceError("ValidationException", "Query parameter '" + name + "' is required");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ServiceError("ValidationException", "Query parameter '" + name + "' must be a whole number");
        }
    }

    static Map<String, String> params(String query) {
        Map<String, String> params = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }
}
