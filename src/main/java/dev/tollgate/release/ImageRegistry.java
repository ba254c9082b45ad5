package dev.tollgate.release;

/**
 * Looks up what a private ECR registry says about an image now. Implemented over the ECR client in
 * {@code aws}; failures are {@link dev.tollgate.pipeline.GatewayException}s with a sentence for the reviewer.
 */
public interface ImageRegistry {

    /** Digest, push time, size, tags and scan findings of the image the reference names (tag or digest). */
    EcrImageFacts describe(ImageRef image);
}
