package dev.tollgate.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.sandbox.engine.ServiceError;
import dev.tollgate.sandbox.model.ServiceModel;
import dev.tollgate.sandbox.model.ShapeValidator;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The AWS JSON 1.1 protocol for one service: finds the operation named by X-Amz-Target, parses and
 * validates the body against the service model, runs the operation and writes its output or an
 * AWS-shaped error ({@code __type} plus {@code message}, and the x-amzn-ErrorType header).
 */
public final class AwsJsonService {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final ServiceModel model;
    private final ShapeValidator validator;
    private final Map<String, JsonOperation> operations;
    private final ObjectMapper mapper;

    public AwsJsonService(ServiceModel model, Map<String, JsonOperation> operations, ObjectMapper mapper) {
        this.model = model;
        this.validator = new ShapeValidator(model);
        this.operations = Map.copyOf(operations);
        this.mapper = mapper;
    }

    public String targetPrefix() {
        return model.targetPrefix();
    }

    public Response handle(String operation, byte[] body, CallContext call) {
        try {
            JsonOperation handler = operations.get(operation);
            if (!model.hasOperation(operation)) {
                throw new ServiceError("UnknownOperationException", "Operation " + operation + " is not part of "
                        + model.serviceId());
            }
            if (handler == null) {
                throw new ServiceError("UnknownOperationException", "The Tollgate sandbox does not implement "
                        + model.serviceId() + " " + operation);
            }
            JsonNode input = parse(body);
            model.inputShape(operation).ifPresent(shape -> {
                ShapeValidator.Result result = validator.validate(shape, input);
                if (!result.typeErrors().isEmpty()) {
                    throw new ServiceError("SerializationException", result.typeErrors().get(0));
                }
                if (!result.violations().isEmpty()) {
                    throw ServiceError.validation(result.validationMessage());
                }
            });
            JsonNode output = handler.invoke(input, call);
            return json(200, output == null ? mapper.createObjectNode() : output, call);
        } catch (ServiceError e) {
            return error(e.httpStatus(), e.code(), e.getMessage(), call);
        }
    }

    private JsonNode parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || !node.isObject()) {
                throw new ServiceError("SerializationException", "The request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ServiceError("SerializationException", "The request body is not valid JSON: "
                    + e.getOriginalMessage());
        }
    }

    private Response json(int status, JsonNode body, CallContext call) {
        try {
            return Response.of(status, CONTENT_TYPE, mapper.writeValueAsBytes(body))
                    .withHeader("x-amzn-RequestId", call.requestId());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    /** An AWS JSON error answer; also used for errors raised before an operation is known. */
    public static Response error(int status, String code, String message, CallContext call, ObjectMapper mapper) {
        ObjectNode body = mapper.createObjectNode().put("__type", code).put("message", message);
        try {
            return Response.of(status, CONTENT_TYPE, mapper.writeValueAsBytes(body))
                    .withHeader("x-amzn-RequestId", call.requestId())
                    .withHeader("x-amzn-ErrorType", code);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    private Response error(int status, String code, String message, CallContext call) {
        return error(status, code, message, call, mapper);
    }
}
