package dev.tollgate.aws;

import dev.tollgate.pipeline.ConditionRule;
import dev.tollgate.pipeline.ConditionState;
import dev.tollgate.pipeline.RetryMode;
import dev.tollgate.pipeline.StageCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.codepipeline.model.Condition;
import software.amazon.awssdk.services.codepipeline.model.ConditionExecution;
import software.amazon.awssdk.services.codepipeline.model.FailureConditions;
import software.amazon.awssdk.services.codepipeline.model.RuleDeclaration;
import software.amazon.awssdk.services.codepipeline.model.RuleExecution;
import software.amazon.awssdk.services.codepipeline.model.RuleState;
import software.amazon.awssdk.services.codepipeline.model.StageConditionState;
import software.amazon.awssdk.services.codepipeline.model.StageDeclaration;
import software.amazon.awssdk.services.codepipeline.model.StageState;

/**
 * A stage's conditions as GetPipeline declares them (beforeEntry, onSuccess, onFailure) joined with their
 * latest evaluation from GetPipelineState. Each kind holds at most one condition (the model's ConditionList
 * has at most one member), so a kind reads as one set of rules with one result.
 */
final class StageConditions {

    private StageConditions() {
    }

    static List<StageCondition> of(StageDeclaration declaration, StageState state) {
        List<StageCondition> conditions = new ArrayList<>();
        if (declaration.beforeEntry() != null) {
            conditions.add(condition(StageCondition.Kind.BEFORE_ENTRY, declaration.beforeEntry().conditions(), null,
                    null, state == null ? null : state.beforeEntryConditionState()));
        }
        if (declaration.onSuccess() != null) {
            conditions.add(condition(StageCondition.Kind.ON_SUCCESS, declaration.onSuccess().conditions(), null,
                    null, state == null ? null : state.onSuccessConditionState()));
        }
        FailureConditions onFailure = declaration.onFailure();
        if (onFailure != null) {
            String retryMode = onFailure.retryConfiguration() == null ? null
                    : onFailure.retryConfiguration().retryModeAsString();
            conditions.add(condition(StageCondition.Kind.ON_FAILURE, onFailure.conditions(), onFailure.resultAsString(),
                    retryMode, state == null ? null : state.onFailureConditionState()));
        }
        return conditions;
    }

    private static StageCondition condition(StageCondition.Kind kind, List<Condition> declared, String stageResult,
            String retryMode, StageConditionState state) {
        Condition first = declared.isEmpty() ? null : declared.get(0);
        // The result of the whole onFailure block wins over its condition's; the other kinds only have the latter.
        Optional<String> result = Optional.ofNullable(stageResult)
                .or(() -> Optional.ofNullable(first).map(Condition::resultAsString));
        Map<String, RuleState> ruleStates = ruleStates(state);
        List<ConditionRule> rules = first == null ? List.of() : first.rules().stream()
                .map(rule -> new ConditionRule(rule.name(), provider(rule),
                        Optional.ofNullable(ruleStates.get(rule.name())).map(RuleState::latestExecution)
                                .map(StageConditions::ruleState)))
                .toList();
        return new StageCondition(kind, result, retryMode(retryMode), rules, latest(state));
    }

    private static String provider(RuleDeclaration rule) {
        return rule.ruleTypeId() == null ? null : rule.ruleTypeId().provider();
    }

    private static Optional<RetryMode> retryMode(String wire) {
        return switch (wire == null ? "" : wire) {
            case "FAILED_ACTIONS" -> Optional.of(RetryMode.FAILED_ACTIONS);
            case "ALL_ACTIONS" -> Optional.of(RetryMode.ALL_ACTIONS);
            default -> Optional.empty();
        };
    }

    private static Map<String, RuleState> ruleStates(StageConditionState state) {
        if (state == null) {
            return Map.of();
        }
        return state.conditionStates().stream()
                .flatMap(condition -> condition.ruleStates().stream())
                .filter(rule -> rule.ruleName() != null)
                .collect(Collectors.toMap(RuleState::ruleName, Function.identity(), (a, b) -> a));
    }

    /** The stage-level status and summary, with the time from the condition itself (the stage level has none). */
    private static Optional<ConditionState> latest(StageConditionState state) {
        if (state == null || state.latestExecution() == null) {
            return Optional.empty();
        }
        // The SDK's ConditionState, not the domain's of the same name.
        Optional<ConditionExecution> condition = state.conditionStates().stream()
                .map(software.amazon.awssdk.services.codepipeline.model.ConditionState::latestExecution)
                .filter(Objects::nonNull)
                .findFirst();
        return Optional.of(new ConditionState(
                ConditionState.statusFromWire(state.latestExecution().statusAsString()),
                Optional.ofNullable(state.latestExecution().summary())
                        .or(() -> condition.map(ConditionExecution::summary)),
                condition.map(ConditionExecution::lastStatusChange)));
    }

    private static ConditionState ruleState(RuleExecution execution) {
        return new ConditionState(ConditionState.statusFromWire(execution.statusAsString()),
                Optional.ofNullable(execution.summary()), Optional.ofNullable(execution.lastStatusChange()));
    }
}
