package dev.tollgate.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
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
        Button confirmButton = (Button) alert.getDialogPane().lookupButton(confirm);
        Button cancelButton = (Button) alert.getDialogPane().lookupButton(cancel);
        confirmButton.setDefaultButton(false);
        confirmButton.setId("dialogConfirm");
        cancelButton.setDefaultButton(true);
        cancelButton.setId("dialogCancel");
        return alert.showAndWait().filter(confirm::equals).isPresent();
    }

    @Override
    public Optional<String> askText(TextQuestion question) {
        ButtonType confirm = new ButtonType(question.confirmLabel(), ButtonBar.ButtonData.OK_DONE);
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle(question.title());
        dialog.setHeaderText(question.title());
        dialog.initOwner(owner.get());
        ButtonType cancel = new ButtonType(Texts.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(confirm, cancel);
        dialog.getDialogPane().getStyleClass().add("text-question");

        // Wrapped labels get a fixed width and their full height, or the dialog cuts them to "…".
        Label message = new Label(question.message());
        message.setWrapText(true);
        message.setPrefWidth(460);
        message.setMinHeight(Region.USE_PREF_SIZE);
        TextField field = new TextField(question.initialText());
        field.setId("dialogTextField");
        field.setPrefColumnCount(40);
        Label fieldLabel = new Label(question.fieldLabel());
        fieldLabel.setLabelFor(field);
        Label problem = new Label();
        problem.setId("dialogProblem");
        problem.setWrapText(true);
        problem.setPrefWidth(390);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        Label counter = new Label();
        counter.getStyleClass().add("muted");
        counter.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox under = new HBox(8, problem, spacer, counter);

        ObjectBinding<Optional<String>> check = Bindings.createObjectBinding(
                () -> question.problemWith().apply(field.getText()), field.textProperty());
        problem.textProperty().bind(Bindings.createStringBinding(() -> check.get().orElse(""), check));
        counter.textProperty().bind(Bindings.createStringBinding(() -> question.maxLength() <= 0 ? ""
                : field.getText().codePointCount(0, field.getText().length()) + " / " + question.maxLength(),
                field.textProperty()));
        // Before anything is typed the requirement is a hint, not an error.
        field.textProperty().addListener((obs, old, text) -> problem.getStyleClass()
                .setAll("label", text.isEmpty() ? "muted" : "field-problem"));
        problem.getStyleClass().setAll("label", field.getText().isEmpty() ? "muted" : "field-problem");
        // A longer message needs more lines: the dialog grows with it instead of pushing its buttons out.
        problem.textProperty().addListener((obs, old, text) -> Platform.runLater(() -> {
            if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        }));

        VBox content = new VBox(8, message, fieldLabel, field, under);
        content.setPrefWidth(480);
        dialog.getDialogPane().setContent(content);

        Button confirmButton = (Button) dialog.getDialogPane().lookupButton(confirm);
        confirmButton.setId("dialogConfirm");
        confirmButton.disableProperty().bind(Bindings.createBooleanBinding(() -> check.get().isPresent(), check));
        Button cancelButton = (Button) dialog.getDialogPane().lookupButton(cancel);
        cancelButton.setId("dialogCancel");
        if (question.destructive()) {
            confirmButton.getStyleClass().add("danger");
            confirmButton.setDefaultButton(false);
            cancelButton.setDefaultButton(true);
        }
        dialog.setResultConverter(button -> button == confirm ? field.getText() : null);
        Platform.runLater(() -> {
            field.requestFocus();
            field.end();
        });
        return dialog.showAndWait();
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
