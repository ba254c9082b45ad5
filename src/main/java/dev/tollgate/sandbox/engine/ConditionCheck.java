package dev.tollgate.sandbox.engine;

import java.time.Instant;
import java.util.List;

/**
 * One evaluation of a stage's condition of one kind and of each of its rules: what GetPipelineState reports as
 * the stage's condition state until the next evaluation of that kind.
 */
record ConditionCheck(Kind kind, String status, Instant at, List<RuleCheck> rules) {

    enum Kind { BEFORE_ENTRY, ON_SUCCESS, ON_FAILURE }

    record RuleCheck(String ruleName, String ruleExecutionId, String status) {
    }

    ConditionCheck {
        rules = List.copyOf(rules);
    }
}
