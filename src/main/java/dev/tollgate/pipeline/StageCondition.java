package dev.tollgate.pipeline;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One kind of condition a stage declares (V2 pipelines): the rules checked and the result they lead to, joined
 * with the latest evaluation. An on-failure condition may have a result and no rules: it then applies to every
 * failure of the stage.
 *
 * @param result    ROLLBACK, FAIL, RETRY or SKIP as declared; empty when the declaration names none
 * @param retryMode for an on-failure RETRY, which actions run again
 */
public record StageCondition(Kind kind, Optional<String> result, Optional<RetryMode> retryMode, List<ConditionRule> rules,
        Optional<ConditionState> latest) {

    public enum Kind { BEFORE_ENTRY, ON_SUCCESS, ON_FAILURE }

    public StageCondition {
        Objects.requireNonNull(kind, "kind");
        result = result == null ? Optional.empty() : result;
        retryMode = retryMode == null ? Optional.empty() : retryMode;
        rules = List.copyOf(rules);
        latest = latest == null ? Optional.empty() : latest;
    }

    public boolean rollsBack() {
        return result.filter("ROLLBACK"::equals).isPresent();
    }
}
