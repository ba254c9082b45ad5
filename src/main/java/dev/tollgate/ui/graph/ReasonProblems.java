package dev.tollgate.ui.graph;

import dev.tollgate.pipeline.StopReason;
import dev.tollgate.pipeline.TransitionReason;
import dev.tollgate.ui.common.Texts;
import java.util.Locale;
import java.util.Optional;

/**
 * What is wrong with a draft reason, in the user's language. The rules stay those of {@link TransitionReason} and
 * {@link StopReason} (a reason is accepted exactly when they accept it); only the sentence is said here, so that
 * a French approver who types an accent is told so in French. Used by the stage graph and the change freeze.
 */
public final class ReasonProblems {

    private ReasonProblems() {
    }

    /** Why CodePipeline would refuse this transition reason; empty when it would accept it. */
    public static Optional<String> transition(String text) {
        if (TransitionReason.problemWith(text).isEmpty()) {
            return Optional.empty();
        }
        if (text == null || text.isEmpty()) {
            return Optional.of(Texts.get("graph.reason.empty", TransitionReason.MAX_LENGTH));
        }
        int position = 0;
        for (int offset = 0; offset < text.length(); ) {
            int codePoint = text.codePointAt(offset);
            position++;
            // One character alone is refused only for being a character the API does not allow.
            if (TransitionReason.problemWith(new String(Character.toChars(codePoint))).isPresent()) {
                return Optional.of(Texts.get("graph.reason.character", describe(codePoint), position));
            }
            offset += Character.charCount(codePoint);
        }
        return Optional.of(tooLong(text, TransitionReason.MAX_LENGTH));
    }

    /** Why CodePipeline would refuse this stop reason; empty when it would accept it. */
    public static Optional<String> stop(String text) {
        return StopReason.problemWith(text).isEmpty() ? Optional.empty()
                : Optional.of(tooLong(text, StopReason.MAX_LENGTH));
    }

    private static String tooLong(String text, int max) {
        return Texts.get("graph.reason.tooLong", text.codePointCount(0, text.length()), max);
    }

    /** Names the character so that an invisible one (tab, line break) can be found too. */
    private static String describe(int codePoint) {
        return switch (codePoint) {
            case '\t' -> Texts.get("graph.reason.tab");
            case '\n', '\r' -> Texts.get("graph.reason.lineBreak");
            case '\u00a0' -> Texts.get("graph.reason.nonBreakingSpace");
            default -> Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                    || Character.getType(codePoint) == Character.FORMAT
                    ? Texts.get("graph.reason.invisible", String.format(Locale.ROOT, "%04X", codePoint))
                    : Texts.get("graph.reason.quoted", new String(Character.toChars(codePoint)));
        };
    }
}
