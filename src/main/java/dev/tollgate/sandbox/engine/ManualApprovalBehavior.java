package dev.tollgate.sandbox.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A manual approval: hands out a token and waits for PutApprovalResult, or expires. */
final class ManualApprovalBehavior implements ActionBehavior {

    /** CodePipeline's default: an approval nobody answers fails after seven days. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofDays(7);

    @Override
    public Instant start(ActionRun action, EngineContext ctx) {
        action.token = ctx.ids.uuid();
        // ListActionExecutions reports the token as the run's external execution id: for a PARALLEL pipeline
        // that is the only place to find it (PutApprovalResult's documentation of "token").
        action.externalExecutionId = action.token;
        Duration timeout = action.action.timeoutInMinutes().map(m -> Duration.ofMinutes(m)).orElse(DEFAULT_TIMEOUT);
        return ctx.now().plus(timeout);
    }

    @Override
    public boolean waitsForPerson() {
        return true;
    }

    @Override
    public ErrorDetails plannedFailure(ActionRun action) {
        return expired();
    }

    @Override
    public Optional<ErrorDetails> finish(ActionRun action, EngineContext ctx) {
        return Optional.of(expired());
    }

    @Override
    public Optional<String> entityUrl(ActionDefinition action, EngineContext ctx) {
        return action.config("ExternalEntityLink");
    }

    private static ErrorDetails expired() {
        return new ErrorDetails("JobFailed", "The approval request expired before anyone approved or rejected it.");
    }
}
