package dev.tollgate.release;

import dev.tollgate.pipeline.ActionCategory;
import dev.tollgate.pipeline.ActionExecutionRecord;
import dev.tollgate.pipeline.ArtifactLocation;
import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineGateway;
import dev.tollgate.pipeline.Status;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a pipeline execution into the images it deploys: finds the build actions' output artifacts
 * (ListActionExecutions), reads {@code imagedefinitions.json} or {@code imageDetail.json} from the zip in the
 * artifact store, and asks ECR about every ECR image. A finished build never changes its artifact, so what
 * was read is cached per execution; ECR facts are not, because tags move.
 */
public final class ReleaseFinder {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseFinder.class);
    private static final int CACHED_EXECUTIONS = 256;

    private final PipelineGateway pipelines;
    private final ArtifactSource artifacts;
    private final ImageRegistry registry;
    private final ArtifactLimits limits;
    private final Map<String, ExecutionImages> artifactCache = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ExecutionImages> eldest) {
                    return size() > CACHED_EXECUTIONS;
                }
            });

    public ReleaseFinder(PipelineGateway pipelines, ArtifactSource artifacts, ImageRegistry registry, ArtifactLimits limits) {
        this.pipelines = pipelines;
        this.artifacts = artifacts;
        this.registry = registry;
        this.limits = limits;
    }

    /**
     * The images of one execution with their ECR facts. Never throws for a bad artifact or a failed ECR
     * lookup; throws {@link GatewayException} only when the execution's actions cannot be listed.
     */
    public ExecutionImages imagesOf(String pipelineName, String executionId, List<DefinitionsFile> wanted) {
        return withRegistryFacts(imagesInArtifact(pipelineName, executionId, wanted));
    }

    /**
     * The images the execution's build artifact names, without ECR's facts: all a tag needs. The artifact is
     * read once either way, so a review opened afterwards only asks ECR. Throws as {@link #imagesOf} does.
     */
    public ExecutionImages imagesInArtifact(String pipelineName, String executionId, List<DefinitionsFile> wanted) {
        ExecutionImages fromArtifact = artifactCache.get(pipelineName + "/" + executionId);
        if (fromArtifact == null) {
            fromArtifact = readArtifact(pipelineName, executionId, wanted);
            if (fromArtifact.problem().isEmpty() || fromArtifact.artifact().isPresent()) {
                artifactCache.put(pipelineName + "/" + executionId, fromArtifact);
            }
        }
        return fromArtifact;
    }

    /** Reads a local definitions file (File → Open), for inspecting a release offline. */
    public ExecutionImages imagesOfFile(String fileName, byte[] content) {
        DefinitionsFile file = fileName.equalsIgnoreCase(DefinitionsFile.IMAGE_DETAIL.fileName())
                ? DefinitionsFile.IMAGE_DETAIL : DefinitionsFile.IMAGE_DEFINITIONS;
        try {
            ImageDefinitions definitions = ImageDefinitions.parse(file, content, limits);
            List<ExecutionImages.ImageLookup> images = definitions.containers().stream()
                    .map(container -> new ExecutionImages.ImageLookup(ReleaseImage.of(container), Optional.empty()))
                    .toList();
            return withRegistryFacts(new ExecutionImages(fileName, "local file", Optional.empty(), Optional.of(fileName),
                    images, Optional.empty()));
        } catch (ArtifactProblem problem) {
            return ExecutionImages.failed(fileName, "local file", Optional.empty(), problem.getMessage());
        }
    }

    private ExecutionImages readArtifact(String pipelineName, String executionId, List<DefinitionsFile> wanted) {
        List<ArtifactLocation> candidates = buildOutputs(pipelines.actionExecutions(pipelineName, executionId));
        if (candidates.isEmpty()) {
            return ExecutionImages.failed(pipelineName, executionId, Optional.empty(),
                    "This execution has no build output yet, so there is no image to show.");
        }
        ArtifactProblem lastProblem = null;
        ArtifactLocation lastLocation = null;
        for (ArtifactLocation location : candidates) {
            try (InputStream zip = artifacts.open(location, limits.maxArchiveBytes())) {
                ReleaseArtifact artifact = ArtifactArchive.read(zip, limits, wanted);
                List<ExecutionImages.ImageLookup> images = artifact.definitions().containers().stream()
                        .map(container -> new ExecutionImages.ImageLookup(ReleaseImage.of(container), Optional.empty()))
                        .toList();
                return new ExecutionImages(pipelineName, executionId, Optional.of(location),
                        Optional.of(artifact.entryPath()), images, Optional.empty());
            } catch (ArtifactProblem problem) {
                LOG.info("Artifact {} of {} has no usable definitions: {}", location, executionId, problem.getMessage());
                // A build may output several artifacts; only one has to carry the definitions.
                if (lastProblem == null || problem.kind() != ArtifactProblem.Kind.DEFINITIONS_NOT_FOUND) {
                    lastProblem = problem;
                    lastLocation = location;
                }
            } catch (IOException e) {
                LOG.warn("Reading artifact {} failed", location, e);
                return ExecutionImages.failed(pipelineName, executionId, Optional.of(location),
                        "Could not read the build artifact " + location.artifactName() + ": " + e.getMessage());
            }
        }
        return ExecutionImages.failed(pipelineName, executionId, Optional.ofNullable(lastLocation), lastProblem.getMessage());
    }

    /** Output artifacts of the execution's successful build actions, in the order the stages ran. */
    private static List<ArtifactLocation> buildOutputs(List<ActionExecutionRecord> actions) {
        List<ActionExecutionRecord> builds = new ArrayList<>(actions.stream()
                .filter(action -> action.category() == ActionCategory.BUILD)
                .filter(action -> action.status().is(Status.Kind.SUCCEEDED))
                .toList());
        builds.sort((a, b) -> a.startTime() == null || b.startTime() == null ? 0 : a.startTime().compareTo(b.startTime()));
        return builds.stream().flatMap(action -> action.outputArtifacts().stream()).toList();
    }

    private ExecutionImages withRegistryFacts(ExecutionImages fromArtifact) {
        List<ExecutionImages.ImageLookup> looked = new ArrayList<>();
        for (ExecutionImages.ImageLookup lookup : fromArtifact.images()) {
            ReleaseImage image = lookup.image();
            if (!image.image().isEcr()) {
                looked.add(lookup);
                continue;
            }
            try {
                looked.add(new ExecutionImages.ImageLookup(image.withEcrFacts(registry.describe(image.image())), Optional.empty()));
            } catch (GatewayException e) {
                looked.add(new ExecutionImages.ImageLookup(image, Optional.of(e.getMessage())));
            } catch (IllegalArgumentException e) {
                // ECR answered with something the facts record refuses (e.g. a malformed digest).
                looked.add(new ExecutionImages.ImageLookup(image, Optional.of("ECR's answer for " + image.image()
                        + " could not be read: " + e.getMessage())));
            }
        }
        return new ExecutionImages(fromArtifact.pipelineName(), fromArtifact.executionId(), fromArtifact.artifact(),
                fromArtifact.entryPath(), looked, fromArtifact.problem());
    }
}
