package dev.tollgate.pipeline;

import java.util.Objects;
import java.util.Optional;

/**
 * The note recorded with a stopped execution. Optional (empty means none); StopPipelineExecution accepts at
 * most 200 characters (shape StopPipelineExecutionReason) and, unlike a transition reason, any character.
 */
public record StopReason(String text) {

    public static final int MAX_LENGTH = 200;

    public static final StopReason NONE = new StopReason("");

    public StopReason {
        text = Objects.requireNonNullElse(text, "");
        problemWith(text).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    public static Optional<String> problemWith(String text) {
        int length = text == null ? 0 : text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            return Optional.of("The reason is " + length + " characters long; CodePipeline accepts at most "
                    + MAX_LENGTH + ".");
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return text.isBlank();
    }
}
