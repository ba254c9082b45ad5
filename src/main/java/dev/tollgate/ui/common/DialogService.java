package dev.tollgate.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one way view models ask the user something. The JavaFX implementation owns its dialogs to the main
 * window; view-model tests answer with a fixed reply.
 */
public interface DialogService {

    /** Asks a yes/no question; true when the user confirms. Called on the UI thread. */
    boolean confirm(String title, String question, String confirmLabel);

    /**
     * Asks for a line of text, checked as it is typed; empty when the user cancels. Called on the UI thread.
     * A default so that a yes/no-only service stays a lambda; it refuses loudly rather than answering "cancel".
     */
    default Optional<String> askText(TextQuestion question) {
        throw new UnsupportedOperationException("This dialog service cannot ask for text: " + question.title());
    }

    /** A kind of file a save dialog offers, e.g. ("CSV for spreadsheets", "csv"). */
    record FileType(String description, String extension) {
    }

    /**
     * Asks where to save a file, offering the given types (the first is preselected); empty when the user
     * cancels. Called on the UI thread. The default answers "cancelled", so services that never save files
     * (and test doubles written as lambdas) need not implement it.
     */
    default Optional<Path> chooseSaveFile(String title, String suggestedName, List<FileType> types) {
        return Optional.empty();
    }
}
