package dev.tollgate.pipeline;

import java.util.Objects;
import java.util.Optional;

/**
 * A variable a pipeline declares (V2 pipelines): an execution gets the default unless started with another
 * value, and actions read it as {@code #{variables.NAME}}.
 */
public record PipelineVariable(String name, Optional<String> defaultValue, Optional<String> description) {

    public PipelineVariable {
        Objects.requireNonNull(name, "name");
        defaultValue = defaultValue == null ? Optional.empty() : defaultValue;
        description = description == null ? Optional.empty() : description.filter(text -> !text.isBlank());
    }
}
