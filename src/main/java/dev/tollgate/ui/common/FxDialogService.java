package dev.tollgate.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX alerts owned by the main window. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;
    /** Where the last file was saved: the next save dialog opens there, not in the process's working directory. */
    private File lastSaveDirectory;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(String title, String question, String confirmLabel) {
        ButtonType confirm = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Texts.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, confirm, cancel);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.initOwner(owner.get());
        // Enter must not confirm a destructive choice by accident: Cancel is the default button.
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(confirm)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        return alert.showAndWait().filter(confirm::equals).isPresent();
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, List<FileType> types) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        File directory = lastSaveDirectory != null ? lastSaveDirectory : new File(System.getProperty("user.home"));
        if (directory.isDirectory()) {
            chooser.setInitialDirectory(directory);
        }
        for (FileType type : types) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    type.description() + " (*." + type.extension() + ")", "*." + type.extension()));
        }
        if (!chooser.getExtensionFilters().isEmpty()) {
            chooser.setSelectedExtensionFilter(chooser.getExtensionFilters().get(0));
        }
        File chosen = chooser.showSaveDialog(owner.get());
        if (chosen == null) {
            return Optional.empty();
        }
        // GTK's dialog does not add the extension of the chosen filter; the format is read from it.
        String name = chosen.getName();
        FileChooser.ExtensionFilter selected = chooser.getSelectedExtensionFilter();
        if (selected != null && name.indexOf('.') < 0) {
            chosen = new File(chosen.getParentFile(), name + selected.getExtensions().get(0).substring(1));
        }
        lastSaveDirectory = chosen.getParentFile();
        return Optional.of(chosen.toPath());
    }
}
