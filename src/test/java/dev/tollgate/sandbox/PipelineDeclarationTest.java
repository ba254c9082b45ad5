package dev.tollgate.sandbox;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.model.ActionDeclaration;
import software.amazon.awssdk.services.codepipeline.model.ActionCategory;
import software.amazon.awssdk.services.codepipeline.model.ActionOwner;
import software.amazon.awssdk.services.codepipeline.model.CreatePipelineResponse;
import software.amazon.awssdk.services.codepipeline.model.InvalidActionDeclarationException;
import software.amazon.awssdk.services.codepipeline.model.InvalidStructureException;
import software.amazon.awssdk.services.codepipeline.model.PipelineDeclaration;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionSummary;
import software.amazon.awssdk.services.codepipeline.model.PipelineNameInUseException;
import software.amazon.awssdk.services.codepipeline.model.PipelineNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.StageDeclaration;
import software.amazon.awssdk.services.codepipeline.model.ValidationException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Step 3: CreatePipeline, UpdatePipeline and DeletePipeline, validated like AWS and never half-applied. */
class PipelineDeclarationTest extends DemoSandboxTest {

    @Test
    void createdPipelinesRunRightAway() {
        CreatePipelineResponse created = client.createPipeline(b -> b.pipeline(pipeline("checkout-api", sourceStage(), buildStage("Build"))));

        assertThat(created.pipeline().version()).isEqualTo(1);
        assertThat(created.pipeline().executionModeAsString()).isEqualTo("SUPERSEDED");
        assertThat(client.listPipelines().pipelines()).extracting(p -> p.name()).contains("checkout-api");
        PipelineExecutionSummary first = client.listPipelineExecutions(b -> b.pipelineName("checkout-api"))
                .pipelineExecutionSummaries().get(0);
        assertThat(first.trigger().triggerTypeAsString()).isEqualTo("CreatePipeline");
        clock.advance(Duration.ofMinutes(10));
        assertThat(client.getPipelineExecution(b -> b.pipelineName("checkout-api").pipelineExecutionId(first.pipelineExecutionId()))
                .pipelineExecution().statusAsString()).isEqualTo("Succeeded");
        assertThatThrownBy(() -> client.createPipeline(b -> b.pipeline(pipeline("checkout-api", sourceStage(), buildStage("Build")))))
                .isInstanceOf(PipelineNameInUseException.class);
    }

    @Test
    void invalidDeclarationsAreRefusedAndNothingIsCreated() {
        int before = client.listPipelines().pipelines().size();

        assertThatThrownBy(() -> client.createPipeline(b -> b.pipeline(pipeline("one-stage", sourceStage()))))
                .isInstanceOf(InvalidStructureException.class).hasMessageContaining("minimum of 2 stages");
        assertThatThrownBy(() -> client.createPipeline(b -> b.pipeline(pipeline("build-first", buildStage("Build"), sourceStage()))))
                .isInstanceOf(InvalidStructureException.class).hasMessageContaining("only source actions");
        assertThatThrownBy(() -> client.createPipeline(b -> b.pipeline(pipeline("dup-stages", sourceStage(), buildStage("Build"),
                buildStage("Build"))))).isInstanceOf(InvalidStructureException.class).hasMessageContaining("unique");
        StageDeclaration twoBuilds = StageDeclaration.builder().name("Build")
                .actions(buildAction("Compile"), buildAction("Compile")).build();
        assertThatThrownBy(() -> client.createPipeline(b -> b.pipeline(pipeline("dup-actions", sourceStage(), twoBuilds))))
                .isInstanceOf(InvalidStructureException.class);
        StageDeclaration unknownProvider = StageDeclaration.builder().name("Build").actions(ActionDeclaration.builder()
                .name("Build").actionTypeId(t -> t.category(ActionCategory.BUILD).owner(ActionOwner.AWS).provider("Jenkinz").version("1"))
                .inputArtifacts(a -> a.name("SourceArtifact")).build()).build();
        assertThatThrownBy(() -> client.createPipeline(b -> b.pipeline(pipeline("unknown-type", sourceStage(), unknownProvider))))
                .isInstanceOf(InvalidActionDeclarationException.class).hasMessageContaining("is not available");
        StageDeclaration noProject = StageDeclaration.builder().name("Build").actions(buildAction("Build").toBuilder()
                .configuration(Map.of()).build()).build();
        assertThatThrownBy(() -> client.createPipeline(b -> b.pipeline(pipeline("no-project", sourceStage(), noProject))))
                .isInstanceOf(InvalidActionDeclarationException.class).hasMessageContaining("ProjectName");
        StageDeclaration danglingInput = StageDeclaration.builder().name("Build").actions(buildAction("Build").toBuilder()
                .inputArtifacts(a -> a.name("Missing")).build()).build();
        assertThatThrownBy(() -> client.createPipeline(b -> b.pipeline(pipeline("dangling", sourceStage(), danglingInput))))
                .isInstanceOf(InvalidStructureException.class).hasMessageContaining("Missing");
        assertThatThrownBy(() -> client.createPipeline(b -> b.pipeline(pipeline("bad-role", sourceStage(), buildStage("Build"))
                .toBuilder().roleArn("not-an-arn").build()))).isInstanceOf(ValidationException.class);

        assertThat(client.listPipelines().pipelines()).hasSize(before);
    }

    @Test
    void updatesBumpTheVersionAndKeepTheOldOne() {
        PipelineDeclaration current = client.getPipeline(b -> b.name("billing-api")).pipeline();
        List<StageDeclaration> stages = new ArrayList<>(current.stages());
        stages.add(StageDeclaration.builder().name("Smoke").actions(ActionDeclaration.builder().name("SmokeTests")
                .actionTypeId(t -> t.category(ActionCategory.TEST).owner(ActionOwner.AWS).provider("CodeBuild").version("1"))
                .configuration(Map.of("ProjectName", "billing-api-smoke")).inputArtifacts(a -> a.name("SourceArtifact"))
                .build()).build());

        PipelineDeclaration updated = client.updatePipeline(b -> b.pipeline(current.toBuilder().stages(stages).build())).pipeline();

        assertThat(updated.version()).isEqualTo(2);
        assertThat(client.getPipeline(b -> b.name("billing-api")).pipeline().stages()).hasSize(4);
        assertThat(client.getPipeline(b -> b.name("billing-api").version(1)).pipeline().stages()).hasSize(3);
        assertThat(client.getPipeline(b -> b.name("billing-api")).metadata().updated()).isEqualTo(START);
        assertThat(client.getPipelineState(b -> b.name("billing-api")).stageStates()).hasSize(4);
        assertThat(client.listPipelines().pipelines().stream().filter(p -> p.name().equals("billing-api")).findFirst()
                .orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void aBadUpdateChangesNothing() {
        PipelineDeclaration current = client.getPipeline(b -> b.name("billing-api")).pipeline();
        assertThatThrownBy(() -> client.updatePipeline(b -> b.pipeline(current.toBuilder()
                .stages(current.stages().get(0)).build()))).isInstanceOf(InvalidStructureException.class);
        assertThat(client.getPipeline(b -> b.name("billing-api")).pipeline()).isEqualTo(current);
        assertThatThrownBy(() -> client.updatePipeline(b -> b.pipeline(current.toBuilder().name("ghost").build())))
                .isInstanceOf(PipelineNotFoundException.class);
    }

    @Test
    void deletingIsFinalAndIdempotent() {
        client.deletePipeline(b -> b.name("nightly-reports"));
        assertThatThrownBy(() -> client.getPipeline(b -> b.name("nightly-reports"))).isInstanceOf(PipelineNotFoundException.class);
        assertThat(client.listPipelines().pipelines()).extracting(p -> p.name()).doesNotContain("nightly-reports");
        client.deletePipeline(b -> b.name("nightly-reports"));
    }

    private static PipelineDeclaration pipeline(String name, StageDeclaration... stages) {
        return PipelineDeclaration.builder()
                .name(name)
                .roleArn("arn:aws:iam::123456789012:role/service-role/AWSCodePipelineServiceRole-us-east-1-" + name)
                .artifactStore(s -> s.type("S3").location(Sandbox.ARTIFACT_BUCKET))
                .pipelineType("V2")
                .stages(stages)
                .build();
    }

    private static StageDeclaration sourceStage() {
        return StageDeclaration.builder().name("Source").actions(ActionDeclaration.builder().name("Source")
                .actionTypeId(t -> t.category(ActionCategory.SOURCE).owner(ActionOwner.AWS).provider("CodeStarSourceConnection").version("1"))
                .configuration(Map.of("ConnectionArn", "arn:aws:codestar-connections:us-east-1:123456789012:connection/abc",
                        "FullRepositoryId", "acme/checkout-api", "BranchName", "main"))
                .outputArtifacts(a -> a.name("SourceArtifact")).build()).build();
    }

    private static StageDeclaration buildStage(String name) {
        return StageDeclaration.builder().name(name).actions(buildAction("Build")).build();
    }

    private static ActionDeclaration buildAction(String name) {
        return ActionDeclaration.builder().name(name)
                .actionTypeId(t -> t.category(ActionCategory.BUILD).owner(ActionOwner.AWS).provider("CodeBuild").version("1"))
                .configuration(Map.of("ProjectName", "checkout-api-build"))
                .inputArtifacts(a -> a.name("SourceArtifact")).build();
    }
}
