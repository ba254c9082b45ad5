package dev.tollgate.sandbox.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.sandbox.ecr.ImageRegistry;
import dev.tollgate.sandbox.s3.ObjectStore;
import dev.tollgate.sandbox.s3.StoredObject;
import dev.tollgate.sandbox.s3.Zip;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** What action behaviours may touch: simulated time, the seeded random source and the sandbox stores. */
final class EngineContext {

    final String accountId;
    final String region;
    final Random random;
    final Ids ids;
    final ObjectStore objects;
    final ImageRegistry images;
    final ObjectMapper json;
    private Instant now;

    EngineContext(String accountId, String region, Random random, ObjectStore objects, ImageRegistry images, Instant start) {
        this.accountId = accountId;
        this.region = region;
        this.random = random;
        this.ids = new Ids(random);
        this.objects = objects;
        this.images = images;
        this.json = new ObjectMapper();
        this.now = start;
    }

    Instant now() {
        return now;
    }

    void moveTo(Instant instant) {
        if (instant.isAfter(now)) {
            now = instant;
        }
    }

    /** A duration drawn uniformly from [minSeconds, maxSeconds], with millisecond grain. */
    Duration between(int minSeconds, int maxSeconds) {
        long spanMillis = (maxSeconds - minSeconds) * 1000L;
        return Duration.ofMillis(minSeconds * 1000L + (long) (random.nextDouble() * spanMillis));
    }

    /**
     * Writes an output artifact zip where CodePipeline would: {@code <pipeline, 20 chars>/<artifact, 10 chars>/<7 random>}.
     */
    ArtifactLocation writeArtifact(ActionRun action, String artifactName, Map<String, String> files) {
        PipelineRun run = action.run();
        String bucket = run.definition.artifactBucket();
        String key = truncate(run.definition.name(), 20) + "/" + truncate(artifactName, 10) + "/" + ids.alphanumeric(7);
        objects.put(bucket, key, StoredObject.of(Zip.of(files), "application/zip", now));
        ArtifactLocation location = new ArtifactLocation(artifactName, bucket, key);
        action.outputs.add(location);
        run.artifacts.put(artifactName, location);
        return location;
    }

    Optional<String> readArtifactFile(ArtifactLocation location, String fileName) {
        return objects.get(location.bucket(), location.key()).flatMap(o -> Zip.file(o.content(), fileName));
    }

    String consoleUrl(String path) {
        return "https://" + region + ".console.aws.amazon.com/" + path;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
