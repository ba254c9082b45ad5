package dev.tollgate.ui.common;

/**
 * The one way view models ask the user something. The JavaFX implementation owns its dialogs to the main
 * window; view-model tests answer with a fixed reply.
 */
public interface DialogService {

    /** Asks a yes/no question; true when the user confirms. Called on the UI thread. */
    boolean confirm(String title, String question, String confirmLabel);
}
