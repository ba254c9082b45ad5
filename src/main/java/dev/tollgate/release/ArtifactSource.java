package dev.tollgate.release;

import dev.tollgate.pipeline.ArtifactLocation;
import java.io.IOException;
import java.io.InputStream;

/**
 * Opens a pipeline artifact stored in the artifact store. Implemented over S3 in {@code aws}; callers read the
 * stream through {@link ArtifactArchive}, which enforces the size limits, and close it.
 */
public interface ArtifactSource {

    /**
     * @throws ArtifactProblem when the artifact is missing or larger than {@code maxBytes}
     * @throws IOException     when the store cannot be read
     */
    InputStream open(ArtifactLocation location, long maxBytes) throws ArtifactProblem, IOException;
}
