package dev.tollgate.sandbox.engine;

import java.time.Instant;
import java.util.Optional;

/** How one kind of action does its work in the simulation. */
sealed interface ActionBehavior
        permits SourceBehavior, CodeBuildBehavior, EcsDeployBehavior, CodeDeployToEcsBehavior,
        ManualApprovalBehavior, GenericBehavior {

    /**
     * Starts the action at {@code ctx.now()}: fills in what is known at start and returns the instant the
     * work will be done (for approvals, the instant the request expires).
     */
    Instant start(ActionRun action, EngineContext ctx);

    /** True for actions that end only when a person answers (or time runs out). */
    default boolean waitsForPerson() {
        return false;
    }

    /** How this action reports a failure that was planned for it. */
    ErrorDetails plannedFailure(ActionRun action);

    /** Does the effects of finished work (artifacts, images); a non-empty result fails the action instead. */
    Optional<ErrorDetails> finish(ActionRun action, EngineContext ctx);

    /** The console link for the action's configured resource, shown as the action state's entityUrl. */
    default Optional<String> entityUrl(ActionDefinition action, EngineContext ctx) {
        return Optional.empty();
    }

    static ActionBehavior forType(ActionTypeId type) {
        if (type.isSource()) {
            return new SourceBehavior();
        }
        if (type.isManualApproval()) {
            return new ManualApprovalBehavior();
        }
        return switch (type.provider()) {
            case "CodeBuild" -> new CodeBuildBehavior();
            case "ECS" -> new EcsDeployBehavior();
            case "CodeDeployToECS" -> new CodeDeployToEcsBehavior();
            default -> new GenericBehavior();
        };
    }
}
