package dev.tollgate.pipeline;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a stage transition is disabled, held to exactly what DisableStageTransition accepts (shape
 * DisabledReason: 1 to 300 characters matching {@code [a-zA-Z0-9!@ \(\)\.\*\?\-]+}). Checking it here lets the
 * window point at the offending character while the approver types, instead of after a round trip.
 */
public record TransitionReason(String text) {

    public static final int MAX_LENGTH = 300;

    /** The characters the API allows besides ASCII letters and digits, in the words the message uses. */
    static final String ALLOWED_PUNCTUATION = "!@ ().*?-";

    public TransitionReason {
        Objects.requireNonNull(text, "text");
        problemWith(text).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /** What is wrong with a draft reason, as a sentence shown next to the field; empty when AWS would accept it. */
    public static Optional<String> problemWith(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of("Enter a reason: CodePipeline requires 1 to " + MAX_LENGTH + " characters.");
        }
        // The API counts characters as the JSON string has them; a code point outside the BMP is invalid anyway.
        int length = text.codePointCount(0, text.length());
        int position = 0;
        for (int offset = 0; offset < text.length(); ) {
            int codePoint = text.codePointAt(offset);
            position++;
            if (!isAllowed(codePoint)) {
                return Optional.of(describe(codePoint) + " at position " + position
                        + " is not allowed. CodePipeline accepts only letters without accents, digits, spaces and ! @ ( ) . * ? -");
            }
            offset += Character.charCount(codePoint);
        }
        if (length > MAX_LENGTH) {
            return Optional.of("The reason is " + length + " characters long; CodePipeline accepts at most "
                    + MAX_LENGTH + ".");
        }
        return Optional.empty();
    }

    static boolean isAllowed(int codePoint) {
        return (codePoint >= 'a' && codePoint <= 'z')
                || (codePoint >= 'A' && codePoint <= 'Z')
                || (codePoint >= '0' && codePoint <= '9')
                || (codePoint < 128 && ALLOWED_PUNCTUATION.indexOf(codePoint) >= 0);
    }

    /** Names the character so that an invisible one (tab, line break) can be found too. */
    private static String describe(int codePoint) {
        return switch (codePoint) {
            case '\t' -> "A tab";
            case '\n', '\r' -> "A line break";
            case '\u00a0' -> "A non-breaking space";
            default -> Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                    || Character.getType(codePoint) == Character.FORMAT
                    ? "The invisible character U+" + String.format(Locale.ROOT, "%04X", codePoint)
                    : "\u201c" + new String(Character.toChars(codePoint)) + "\u201d";
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
