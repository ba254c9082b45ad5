package dev.tollgate.ui.common;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A question answered with one line of text, e.g. the reason for disabling a transition. The view model
 * supplies the check, so the dialog can show the problem and block the confirm button as the user types.
 *
 * @param message      what happens when the user confirms, in one or two sentences
 * @param fieldLabel   the label above the text field
 * @param maxLength    shown as a counter ("12 / 300"); the check enforces it
 * @param destructive  Cancel is the default button, so Enter does not confirm by accident
 * @param problemWith  what is wrong with the text, or empty when it can be sent
 */
public record TextQuestion(
        String title,
        String message,
        String fieldLabel,
        String initialText,
        int maxLength,
        String confirmLabel,
        boolean destructive,
        Function<String, Optional<String>> problemWith) {

    public TextQuestion {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(confirmLabel, "confirmLabel");
        Objects.requireNonNull(problemWith, "problemWith");
        initialText = initialText == null ? "" : initialText;
    }
}
