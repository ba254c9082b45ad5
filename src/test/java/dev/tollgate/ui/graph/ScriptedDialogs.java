package dev.tollgate.ui.graph;

import dev.tollgate.ui.common.DialogService;
import dev.tollgate.ui.common.TextQuestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers dialogs as a test scripts them, and remembers what was asked. */
public final class ScriptedDialogs implements DialogService {

    public boolean confirmAnswer = true;
    /** The text typed into the next text question; null cancels it. */
    public String textAnswer;
    public final List<String> confirmations = new ArrayList<>();
    public final List<TextQuestion> textQuestions = new ArrayList<>();

    @Override
    public boolean confirm(String title, String question, String confirmLabel) {
        confirmations.add(title + " | " + question);
        return confirmAnswer;
    }

    @Override
    public Optional<String> askText(TextQuestion question) {
        textQuestions.add(question);
        if (textAnswer != null && question.problemWith().apply(textAnswer).isPresent()) {
            // The real dialog keeps its confirm button disabled: an invalid answer can only be cancelled.
            return Optional.empty();
        }
        return Optional.ofNullable(textAnswer);
    }
}
