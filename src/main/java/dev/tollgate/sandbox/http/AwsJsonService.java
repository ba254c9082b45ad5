package dev.tollgate.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.sandbox.engine.ServiceError;
import dev.tollgate.sandbox.model.ServiceModel;
import dev.tollgate.sandbox.model.ShapeValidator;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The AWS JSON protocol (1.1, or 1.0 as the model's {@code jsonVersion} says) for one service: finds the
 * operation named by X-Amz-Target, parses and validates the body against the service model, runs the
 * operation and writes its output or an AWS-shaped error ({@code __type} plus {@code message}, and the
 * x-amzn-ErrorType header; for services that moved from the Query protocol, also x-amzn-query-error).
 */
public final class AwsJsonService {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final ServiceModel model;
    private final ShapeValidator validator;
    private final Map<String, DeferredJsonOperation> operations;
    private final ObjectMapper mapper;
    private final String contentType;
    private final Function<String, Optional<String>> queryErrorCodes;

    public AwsJsonService(ServiceModel model, Map<String, JsonOperation> operations, ObjectMapper mapper) {
        this(model, operations, Map.of(), code -> Optional.empty(), mapper);
    }

    /**
     * @param deferred        operations that may answer later (long polls), beside the immediate ones
     * @param queryErrorCodes for an awsQueryCompatible service (SQS), the Query protocol's code of an error
     *                        shape, e.g. {@code AWS.SimpleQueueService.NonExistentQueue}: SDKs report that code
     */
    public AwsJsonService(ServiceModel model, Map<String, JsonOperation> operations,
                          Map<String, DeferredJsonOperation> deferred, Function<String, Optional<String>> queryErrorCodes,
                          ObjectMapper mapper) {
        this.model = model;
        this.validator = new ShapeValidator(model);
        Map<String, DeferredJsonOperation> all = new HashMap<>(deferred);
        operations.forEach((name, operation) ->
                all.put(name, (input, call) -> CompletableFuture.completedFuture(operation.invoke(input, call))));
        this.operations = Map.copyOf(all);
        this.mapper = mapper;
        this.contentType = "application/x-amz-json-" + model.jsonVersion();
        this.queryErrorCodes = queryErrorCodes;
    }

    public String targetPrefix() {
        return model.targetPrefix();
    }

    /** The answer, at once for most operations; later for a deferred one. */
    public CompletionStage<Response> handle(String operation, byte[] body, CallContext call) {
        try {
            DeferredJsonOperation handler = operations.get(operation);
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
            return handler.invoke(input, call).handle((output, failure) -> {
                if (failure == null) {
                    return json(200, output == null ? mapper.createObjectNode() : output, call);
                }
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof ServiceError e) {
                    return error(e.httpStatus(), e.code(), e.getMessage(), call);
                }
                throw new CompletionException(cause);
            });
        } catch (ServiceError e) {
            return CompletableFuture.completedFuture(error(e.httpStatus(), e.code(), e.getMessage(), call));
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
            return Response.of(status, contentType, mapper.writeValueAsBytes(body))
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
        Response response = error(status, code, message, call, mapper).withHeader("Content-Type", contentType);
        // "<Query code>;Sender|Receiver": how SDKs of Query-compatible services learn the code they report.
        return queryErrorCodes.apply(code)
                .map(query -> response.withHeader("x-amzn-query-error", query + (status >= 500 ? ";Receiver" : ";Sender")))
                .orElse(response);
    }
}
