package dev.tollgate.pipeline;

import java.util.Objects;

/** Where CodePipeline stored an artifact: a named output of an action, as an object in the artifact store. */
public record ArtifactLocation(String artifactName, String bucket, String key) {

    public ArtifactLocation {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
        return artifactName + " (s3://" + bucket + "/" + key + ")";
    }
}
