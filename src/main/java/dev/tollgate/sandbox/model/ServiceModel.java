package dev.tollgate.sandbox.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A botocore-format AWS service model (operations and shapes), loaded from the copy shipped in the jar.
 * The model is the contract the sandbox is held to: requests are validated against it and tests check
 * responses against it.
 */
public final class ServiceModel {

    private static final String RESOURCE_DIR = "/dev/tollgate/sandbox/models/";

    private final JsonNode operations;
    private final JsonNode shapes;
    private final String targetPrefix;
    private final String serviceId;
    private final String jsonVersion;

    private ServiceModel(JsonNode root) {
        this.operations = root.path("operations");
        this.shapes = root.path("shapes");
        this.targetPrefix = root.path("metadata").path("targetPrefix").asText();
        this.serviceId = root.path("metadata").path("serviceId").asText();
        this.jsonVersion = root.path("metadata").path("jsonVersion").asText("1.1");
    }

    /** Loads {@code codepipeline}, {@code ecr} or {@code sqs} from the bundled models. */
    public static ServiceModel load(String name, ObjectMapper mapper) {
        String resource = RESOURCE_DIR + name + ".json";
        try (InputStream in = ServiceModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Service model missing from the classpath: " + resource);
            }
            return new ServiceModel(mapper.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read service model " + resource, e);
        }
    }

    public String targetPrefix() {
        return targetPrefix;
    }

    public String serviceId() {
        return serviceId;
    }

    /** The AWS JSON protocol version: {@code 1.1} (CodePipeline, ECR) or {@code 1.0} (SQS). */
    public String jsonVersion() {
        return jsonVersion;
    }

    public boolean hasOperation(String operation) {
        return operations.has(operation);
    }

    public Optional<String> inputShape(String operation) {
        return Optional.ofNullable(operations.path(operation).path("input").path("shape").textValue());
    }

    public Optional<String> outputShape(String operation) {
        return Optional.ofNullable(operations.path(operation).path("output").path("shape").textValue());
    }

    /** Error shape names the operation may answer with, as listed in the model. */
    public List<String> errors(String operation) {
        List<String> names = new ArrayList<>();
        operations.path(operation).path("errors").forEach(e -> names.add(e.path("shape").asText()));
        return names;
    }

    public JsonNode shape(String name) {
        JsonNode shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalArgumentException("No shape " + name + " in the " + serviceId + " model");
        }
        return shape;
    }

    public boolean hasShape(String name) {
        return shapes.has(name);
    }
}
