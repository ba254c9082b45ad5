package dev.tollgate.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.sandbox.fault.FaultConfig;
import dev.tollgate.testing.SandboxFixture;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The release finder over the real S3, ECR and CodePipeline clients, against the sandbox. */
class ReleaseFinderTest {

    private SandboxFixture aws;
    private ApprovalRequest waiting;

    @BeforeEach
    void start() {
        aws = SandboxFixture.start();
        waiting = aws.gateway.snapshot("ecs-webapp").pendingApprovals().get(0);
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void theArtifactAloneNamesTheImageWithoutAskingEcr() {
        // Every ECR call fails: an answer without a registry problem was made without asking ECR.
        aws.sandbox.control().setFaults(new FaultConfig(0, 1.0, 0, 0).onlyFor(Set.of("DescribeImages")));

        ExecutionImages images = aws.releases.imagesInArtifact(waiting.pipelineName(), waiting.pipelineExecutionId(),
                DefinitionsFile.standard());

        assertThat(images.problem()).isEmpty();
        assertThat(images.images()).singleElement().satisfies(lookup -> {
            assertThat(lookup.image().image().repository()).isEqualTo("ecs-webapp");
            assertThat(lookup.image().image().effectiveTag()).isPresent();
            assertThat(lookup.image().ecr()).isEmpty();
            assertThat(lookup.registryProblem()).isEmpty();
        });
    }

    @Test
    void theFullLookUpAddsEcrFactsToTheArtifactReadBefore() {
        aws.releases.imagesInArtifact(waiting.pipelineName(), waiting.pipelineExecutionId(), DefinitionsFile.standard());
        // The artifact was read once: with S3 failing now, the full look-up still has it and only asks ECR.
        aws.sandbox.control().setFaults(new FaultConfig(0, 1.0, 0, 0).onlyFor(Set.of("GetObject")));

        ExecutionImages images = aws.releases.imagesOf(waiting.pipelineName(), waiting.pipelineExecutionId(),
                DefinitionsFile.standard());

        assertThat(images.problem()).isEmpty();
        assertThat(images.images()).singleElement().satisfies(lookup -> {
            assertThat(lookup.image().ecr()).isPresent();
            assertThat(lookup.registryProblem()).isEmpty();
        });
    }
}
