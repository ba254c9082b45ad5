package dev.tollgate.sandbox.engine;

import java.util.List;
import java.util.Optional;

/**
 * The conditions a stage declares, as far as the engine acts on them: the rule names of each kind (a kind holds
 * at most one condition, so one list each; empty when the kind is not declared) and the result of a failure.
 */
public record ConditionsDefinition(List<String> beforeEntryRules, List<String> onSuccessRules,
                                   List<String> onFailureRules, Optional<String> onFailureResult) {

    public static final ConditionsDefinition NONE = new ConditionsDefinition(List.of(), List.of(), List.of(), Optional.empty());

    public ConditionsDefinition {
        beforeEntryRules = List.copyOf(beforeEntryRules);
        onSuccessRules = List.copyOf(onSuccessRules);
        onFailureRules = List.copyOf(onFailureRules);
    }

    /** Whether a failed stage starts a rollback execution ({@code onFailure.result: ROLLBACK}). */
    public boolean rollsBackOnFailure() {
        return onFailureResult.filter("ROLLBACK"::equals).isPresent();
    }
}
