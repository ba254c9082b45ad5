package dev.tollgate.sandbox.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Any other action type (Lambda invoke, CloudFormation, S3 deploy, ...): takes a little time and succeeds. */
final class GenericBehavior implements ActionBehavior {

    @Override
    public Instant start(ActionRun action, EngineContext ctx) {
        action.externalExecutionId = ctx.ids.uuid();
        return ctx.now().plus(ctx.between(20, 60));
    }

    @Override
    public ErrorDetails plannedFailure(ActionRun action) {
        return new ErrorDetails("JobFailed", action.action.type().provider() + " action failed: the target "
                + "reported an error. See the provider's logs for details.");
    }

    @Override
    public Optional<ErrorDetails> finish(ActionRun action, EngineContext ctx) {
        for (String artifact : action.action.outputArtifacts()) {
            ctx.writeArtifact(action, artifact, Map.of("output.json", "{\"status\":\"ok\"}"));
        }
        return Optional.empty();
    }
}
