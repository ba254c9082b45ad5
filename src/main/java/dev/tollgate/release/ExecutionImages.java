package dev.tollgate.release;

import dev.tollgate.pipeline.ArtifactLocation;
import java.util.List;
import java.util.Optional;

/**
 * The images one pipeline execution carries, as read from its build artifact, each with what ECR says about
 * it. A problem reading the artifact, or looking up one image, is part of the result rather than a failure:
 * the reviewer sees it in place and can still decide.
 *
 * @param artifact   the build output the definitions were read from, when one was found
 * @param entryPath  the definitions file's path inside the artifact zip
 * @param images     one per container, in the file's order
 * @param problem    why no images could be read, in a sentence
 */
public record ExecutionImages(
        String pipelineName,
        String executionId,
        Optional<ArtifactLocation> artifact,
        Optional<String> entryPath,
        List<ImageLookup> images,
        Optional<String> problem) {

    public ExecutionImages {
        images = List.copyOf(images);
    }

    public static ExecutionImages failed(String pipelineName, String executionId, Optional<ArtifactLocation> artifact,
            String problem) {
        return new ExecutionImages(pipelineName, executionId, artifact, Optional.empty(), List.of(), Optional.of(problem));
    }

    public List<ReleaseImage> releaseImages() {
        return images.stream().map(ImageLookup::image).toList();
    }

    /**
     * One image with its ECR facts, or the reason they are missing.
     *
     * @param registryProblem why ECR could not be asked or did not answer; empty when the facts are there or
     *                        the image is not in ECR (which {@link ReleaseImage#warnings()} says)
     */
    public record ImageLookup(ReleaseImage image, Optional<String> registryProblem) {
    }
}
