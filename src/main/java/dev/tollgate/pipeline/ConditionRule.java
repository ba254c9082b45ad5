package dev.tollgate.pipeline;

import java.util.Objects;
import java.util.Optional;

/** A rule of a stage condition, such as a CloudWatch alarm or a deployment window, and how it last evaluated. */
public record ConditionRule(String name, String provider, Optional<ConditionState> latest) {

    public ConditionRule {
        Objects.requireNonNull(name, "name");
        latest = latest == null ? Optional.empty() : latest;
    }
}
