package dev.tollgate.sandbox.engine;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** An Amazon ECS standard deployment: reads imagedefinitions.json from its input and rolls the service. */
final class EcsDeployBehavior implements ActionBehavior {

    @Override
    public Instant start(ActionRun action, EngineContext ctx) {
        action.externalExecutionId = "ecs-svc/" + (1_000_000_000_000_000_000L + (long) (ctx.random.nextDouble() * 8e18));
        serviceUrl(action.action, ctx).ifPresent(url -> action.externalExecutionUrl = url + "/deployments");
        return ctx.now().plus(ctx.between(60, 180));
    }

    @Override
    public ErrorDetails plannedFailure(ActionRun action) {
        return new ErrorDetails("JobFailed", "Deployment failed: the ECS service "
                + action.action.config("ServiceName").orElse("") + " did not reach a steady state. "
                + "Tasks stopped with reason: Essential container in task exited");
    }

    @Override
    public Optional<ErrorDetails> finish(ActionRun action, EngineContext ctx) {
        String fileName = action.action.config("FileName").orElse("imagedefinitions.json");
        Optional<String> definitions = action.inputs.stream().findFirst()
                .flatMap(input -> ctx.readArtifactFile(input, fileName));
        if (definitions.isEmpty()) {
            return Optional.of(new ErrorDetails("JobFailed", "Exception while trying to read the image artifact file "
                    + fileName + " from the input artifact. Check that the build wrote it."));
        }
        try {
            JsonNode list = ctx.json.readTree(definitions.get());
            StringBuilder images = new StringBuilder();
            for (JsonNode container : list) {
                if (images.length() > 0) {
                    images.append(", ");
                }
                images.append(container.path("name").asText()).append('=').append(container.path("imageUri").asText());
            }
            action.externalExecutionSummary = "Deployed " + images + " to "
                    + action.action.config("ClusterName").orElse("default") + "/" + action.action.config("ServiceName").orElse("");
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new ErrorDetails("JobFailed", "The image definitions file " + fileName + " is not valid JSON"));
        }
    }

    @Override
    public Optional<String> entityUrl(ActionDefinition action, EngineContext ctx) {
        return serviceUrl(action, ctx);
    }

    private static Optional<String> serviceUrl(ActionDefinition action, EngineContext ctx) {
        return action.config("ServiceName").map(service -> "https://console.aws.amazon.com/ecs/home?region=" + ctx.region
                + "#/clusters/" + action.config("ClusterName").orElse("default") + "/services/" + service);
    }
}
