package dev.tollgate.sandbox.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.sandbox.engine.Pagination;
import dev.tollgate.sandbox.engine.ServiceError;
import dev.tollgate.sandbox.engine.Shapes;
import dev.tollgate.sandbox.http.CallContext;
import dev.tollgate.sandbox.http.Json;
import dev.tollgate.sandbox.http.JsonOperation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** ECR read operations over the images sandbox builds push. */
public final class EcrApi {

    private static final String MANIFEST_TYPE = "application/vnd.docker.distribution.manifest.v2+json";
    private static final String CONFIG_TYPE = "application/vnd.docker.container.image.v1+json";
    private static final String LAYER_TYPE = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    private final ImageRegistry registry;
    private final Supplier<Instant> now;
    private final ObjectMapper mapper;

    /** @param now the simulated now, so a scan finishes some seconds after the push as on AWS */
    public EcrApi(ImageRegistry registry, Supplier<Instant> now, ObjectMapper mapper) {
        this.registry = registry;
        this.now = now;
        this.mapper = mapper;
    }

    public Map<String, JsonOperation> operations() {
        Map<String, JsonOperation> ops = new LinkedHashMap<>();
        ops.put("DescribeRepositories", this::describeRepositories);
        ops.put("DescribeImages", this::describeImages);
        ops.put("DescribeImageScanFindings", this::describeImageScanFindings);
        ops.put("BatchGetImage", this::batchGetImage);
        return ops;
    }

    private JsonNode describeRepositories(JsonNode in, CallContext call) {
        checkRegistry(in);
        List<RepositoryRecord> repositories;
        if (in.has("repositoryNames")) {
            if (in.has("maxResults") || in.has("nextToken")) {
                throw invalidParameter("maxResults and nextToken cannot be used together with repositoryNames");
            }
            repositories = new ArrayList<>();
            for (JsonNode name : in.get("repositoryNames")) {
                repositories.add(repository(name.asText()));
            }
        } else {
            repositories = registry.repositories();
        }
        Shapes.Page<RepositoryRecord> page = Pagination.page(repositories, in.path("maxResults").asInt(100), text(in, "nextToken"),
                "repositories");
        ObjectNode out = mapper.createObjectNode();
        ArrayNode list = out.putArray("repositories");
        for (RepositoryRecord r : page.items()) {
            ObjectNode node = list.addObject()
                    .put("repositoryArn", r.arn())
                    .put("registryId", r.accountId())
                    .put("repositoryName", r.name())
                    .put("repositoryUri", r.uri())
                    .put("createdAt", Json.epochSeconds(r.createdAt()))
                    .put("imageTagMutability", "MUTABLE");
            node.putObject("imageScanningConfiguration").put("scanOnPush", true);
            node.putObject("encryptionConfiguration").put("encryptionType", "AES256");
        }
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    private JsonNode describeImages(JsonNode in, CallContext call) {
        checkRegistry(in);
        RepositoryRecord repository = repository(in.path("repositoryName").asText());
        List<ImageRecord> images;
        if (in.has("imageIds")) {
            if (in.has("maxResults") || in.has("nextToken")) {
                throw invalidParameter("maxResults and nextToken cannot be used together with imageIds");
            }
            images = new ArrayList<>();
            for (JsonNode id : in.get("imageIds")) {
                ImageRecord image = find(repository, id).orElseThrow(() -> new ServiceError("ImageNotFoundException",
                        "The image with imageId " + describeId(id) + " does not exist within the repository with name '"
                                + repository.name() + "' in the registry with id '" + repository.accountId() + "'"));
                if (!images.contains(image)) {
                    images.add(image);
                }
            }
        } else {
            String tagStatus = in.path("filter").path("tagStatus").asText("ANY");
            images = registry.images(repository.name()).stream().filter(i -> switch (tagStatus) {
                case "TAGGED" -> !i.tags().isEmpty();
                case "UNTAGGED" -> i.tags().isEmpty();
                default -> true;
            }).toList();
        }
        Shapes.Page<ImageRecord> page = Pagination.page(images, in.path("maxResults").asInt(100), text(in, "nextToken"),
                "images:" + repository.name());
        ObjectNode out = mapper.createObjectNode();
        ArrayNode list = out.putArray("imageDetails");
        Instant current = now.get();
        for (ImageRecord image : page.items()) {
            ObjectNode node = list.addObject()
                    .put("registryId", repository.accountId())
                    .put("repositoryName", repository.name())
                    .put("imageDigest", image.digest());
            if (!image.tags().isEmpty()) {
                ArrayNode tags = node.putArray("imageTags");
                image.tags().forEach(tags::add);
            }
            node.put("imageSizeInBytes", image.sizeInBytes())
                    .put("imagePushedAt", Json.epochSeconds(image.pushedAt()));
            node.set("imageScanStatus", scanStatus(image, current));
            if (scanned(image, current)) {
                ObjectNode summary = node.putObject("imageScanFindingsSummary")
                        .put("imageScanCompletedAt", Json.epochSeconds(image.scanCompletedAt()))
                        .put("vulnerabilitySourceUpdatedAt", Json.epochSeconds(vulnerabilityDbTime(image)));
                ObjectNode counts = summary.putObject("findingSeverityCounts");
                image.findingSeverityCounts().forEach(counts::put);
            }
            node.put("imageManifestMediaType", MANIFEST_TYPE)
                    .put("artifactMediaType", CONFIG_TYPE)
                    .put("imageStatus", "ACTIVE");
        }
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    private JsonNode describeImageScanFindings(JsonNode in, CallContext call) {
        checkRegistry(in);
        RepositoryRecord repository = repository(in.path("repositoryName").asText());
        JsonNode id = in.path("imageId");
        ImageRecord image = find(repository, id).orElseThrow(() -> new ServiceError("ImageNotFoundException",
                "The image with imageId " + describeId(id) + " does not exist within the repository with name '"
                        + repository.name() + "' in the registry with id '" + repository.accountId() + "'"));
        Instant current = now.get();
        ObjectNode out = mapper.createObjectNode()
                .put("registryId", repository.accountId())
                .put("repositoryName", repository.name());
        out.putObject("imageId").put("imageDigest", image.digest())
                .put("imageTag", id.hasNonNull("imageTag") ? id.get("imageTag").asText() : firstTag(image));
        out.set("imageScanStatus", scanStatus(image, current));
        if (!scanned(image, current)) {
            return out;
        }
        Shapes.Page<ImageRecord.ScanFinding> page = Pagination.page(image.findings(), in.path("maxResults").asInt(100),
                text(in, "nextToken"), "findings:" + image.digest());
        ObjectNode findings = out.putObject("imageScanFindings")
                .put("imageScanCompletedAt", Json.epochSeconds(image.scanCompletedAt()))
                .put("vulnerabilitySourceUpdatedAt", Json.epochSeconds(vulnerabilityDbTime(image)));
        ObjectNode counts = findings.putObject("findingSeverityCounts");
        image.findingSeverityCounts().forEach(counts::put);
        ArrayNode list = findings.putArray("findings");
        for (ImageRecord.ScanFinding f : page.items()) {
            ObjectNode node = list.addObject().put("name", f.name()).put("description", f.description())
                    .put("uri", f.uri()).put("severity", f.severity());
            ArrayNode attributes = node.putArray("attributes");
            attributes.addObject().put("key", "package_version").put("value", f.packageVersion());
            attributes.addObject().put("key", "package_name").put("value", f.packageName());
        }
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    private JsonNode batchGetImage(JsonNode in, CallContext call) {
        checkRegistry(in);
        RepositoryRecord repository = repository(in.path("repositoryName").asText());
        ObjectNode out = mapper.createObjectNode();
        ArrayNode images = out.putArray("images");
        ArrayNode failures = out.putArray("failures");
        for (JsonNode id : in.path("imageIds")) {
            if (!id.hasNonNull("imageTag") && !id.hasNonNull("imageDigest")) {
                failure(failures, id, "MissingDigestAndTag", "Invalid request parameters: both tag and digest cannot be null");
                continue;
            }
            Optional<ImageRecord> found = find(repository, id);
            if (found.isEmpty()) {
                failure(failures, id, "ImageNotFound", "Requested image not found");
                continue;
            }
            ImageRecord image = found.get();
            ObjectNode node = images.addObject().put("registryId", repository.accountId())
                    .put("repositoryName", repository.name());
            ObjectNode imageId = node.putObject("imageId").put("imageDigest", image.digest());
            if (id.hasNonNull("imageTag")) {
                imageId.put("imageTag", id.get("imageTag").asText());
            }
            node.put("imageManifest", manifest(image)).put("imageManifestMediaType", MANIFEST_TYPE);
        }
        return out;
    }

    /**
     * A Docker v2 manifest whose layer sizes add up to the image size; digests are derived from the image
     * digest so BatchGetImage answers the same manifest every time.
     */
    private String manifest(ImageRecord image) {
        ObjectNode manifest = mapper.createObjectNode().put("schemaVersion", 2).put("mediaType", MANIFEST_TYPE);
        manifest.putObject("config").put("mediaType", CONFIG_TYPE).put("size", 7023)
                .put("digest", "sha256:" + sha256(image.digest() + ":config"));
        ArrayNode layers = manifest.putArray("layers");
        long[] shares = {55, 25, 15, 5};
        long remaining = image.sizeInBytes();
        for (int i = 0; i < shares.length; i++) {
            long size = i == shares.length - 1 ? remaining : image.sizeInBytes() * shares[i] / 100;
            remaining -= size;
            layers.addObject().put("mediaType", LAYER_TYPE).put("size", size)
                    .put("digest", "sha256:" + sha256(image.digest() + ":layer" + i));
        }
        return manifest.toString();
    }

    private static void failure(ArrayNode failures, JsonNode id, String code, String reason) {
        ObjectNode node = failures.addObject();
        node.set("imageId", id.deepCopy());
        node.put("failureCode", code).put("failureReason", reason);
    }

    private Optional<ImageRecord> find(RepositoryRecord repository, JsonNode id) {
        String tag = id.path("imageTag").textValue();
        String digest = id.path("imageDigest").textValue();
        if (tag == null && digest == null) {
            throw invalidParameter("Invalid parameter at 'imageId' failed to satisfy constraint: "
                    + "'either imageTag or imageDigest must be specified'");
        }
        Optional<ImageRecord> image = digest != null
                ? registry.byDigest(repository.name(), digest) : registry.byTag(repository.name(), tag);
        if (image.isPresent() && tag != null && !image.get().tags().contains(tag)) {
            return Optional.empty();
        }
        return image;
    }

    private ObjectNode scanStatus(ImageRecord image, Instant current) {
        return scanned(image, current)
                ? mapper.createObjectNode().put("status", "COMPLETE").put("description", "The scan was completed successfully.")
                : mapper.createObjectNode().put("status", "IN_PROGRESS").put("description", "The scan is in progress.");
    }

    private static boolean scanned(ImageRecord image, Instant current) {
        return !image.scanCompletedAt().isAfter(current);
    }

    /** The vulnerability database the scan used was refreshed some hours before the scan. */
    private static Instant vulnerabilityDbTime(ImageRecord image) {
        return image.scanCompletedAt().minusSeconds(3600L * 5 + image.sizeInBytes() % 3600);
    }

    private RepositoryRecord repository(String name) {
        return registry.repository(name).orElseThrow(() -> new ServiceError("RepositoryNotFoundException",
                "The repository with name '" + name + "' does not exist in the registry with id '"
                        + registry.accountId() + "'"));
    }

    private void checkRegistry(JsonNode in) {
        if (in.hasNonNull("registryId") && !in.get("registryId").asText().equals(registry.accountId())) {
            throw new ServiceError("RepositoryNotFoundException", "The registry with id '"
                    + in.get("registryId").asText() + "' has no repositories this sandbox knows of");
        }
    }

    private static String describeId(JsonNode id) {
        return "{imageDigest:'" + id.path("imageDigest").asText("null") + "', imageTag:'"
                + id.path("imageTag").asText("null") + "'}";
    }

    private static String firstTag(ImageRecord image) {
        return image.tags().isEmpty() ? null : image.tags().get(0);
    }

    private static ServiceError invalidParameter(String message) {
        return new ServiceError("InvalidParameterException", message);
    }

    private static String text(JsonNode in, String field) {
        return in.hasNonNull(field) ? in.get(field).asText() : null;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK ships SHA-256", e);
        }
    }
}
