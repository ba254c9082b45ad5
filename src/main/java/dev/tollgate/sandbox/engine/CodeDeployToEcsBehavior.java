package dev.tollgate.sandbox.engine;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** An ECS blue/green deployment through CodeDeploy: reads imageDetail.json and shifts traffic. */
final class CodeDeployToEcsBehavior implements ActionBehavior {

    @Override
    public Instant start(ActionRun action, EngineContext ctx) {
        String deploymentId = "d-" + ctx.ids.alphanumeric(9).toUpperCase(java.util.Locale.ROOT);
        action.externalExecutionId = deploymentId;
        action.externalExecutionUrl = "https://console.aws.amazon.com/codesuite/codedeploy/deployments/"
                + deploymentId + "?region=" + ctx.region;
        return ctx.now().plus(ctx.between(60, 180));
    }

    @Override
    public ErrorDetails plannedFailure(ActionRun action) {
        return new ErrorDetails("JobFailed", "Deployment " + action.externalExecutionId + " failed: the "
                + "replacement task set failed its health checks and traffic was rolled back to the original task set.");
    }

    @Override
    public Optional<ErrorDetails> finish(ActionRun action, EngineContext ctx) {
        String artifact = action.action.config("Image1ArtifactName").orElse(null);
        Optional<ArtifactLocation> input = action.inputs.stream()
                .filter(i -> artifact == null || i.name().equals(artifact)).findFirst();
        Optional<String> detail = input.flatMap(i -> ctx.readArtifactFile(i, "imageDetail.json"));
        if (detail.isEmpty()) {
            return Optional.of(new ErrorDetails("JobFailed", "Exception while trying to read the image artifact file "
                    + "imageDetail.json from the artifact " + (artifact == null ? "" : artifact)));
        }
        try {
            JsonNode node = ctx.json.readTree(detail.get());
            action.externalExecutionSummary = "Traffic shifted to the replacement task set running "
                    + node.path("ImageURI").asText();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new ErrorDetails("JobFailed", "imageDetail.json is not valid JSON"));
        }
    }

    @Override
    public Optional<String> entityUrl(ActionDefinition action, EngineContext ctx) {
        return action.config("ApplicationName").map(app -> "https://console.aws.amazon.com/codesuite/codedeploy/applications/"
                + app + "/deployment-groups/" + action.config("DeploymentGroupName").orElse("") + "?region=" + ctx.region);
    }
}
