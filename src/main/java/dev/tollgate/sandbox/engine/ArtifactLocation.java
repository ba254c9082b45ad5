package dev.tollgate.sandbox.engine;

/** Where an execution's named artifact lives in the artifact store. */
public record ArtifactLocation(String name, String bucket, String key) {
}
