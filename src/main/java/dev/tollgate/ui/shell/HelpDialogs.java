package dev.tollgate.ui.shell;

import dev.tollgate.ui.common.Texts;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help → Keyboard shortcuts and Help → About. */
public final class HelpDialogs {

    /** A shortcut as it is listed: keys and what they do. */
    public record Shortcut(String keys, String action) {
    }

    /** Every shortcut of the app, in the user's language. */
    public static List<Shortcut> shortcuts() {
        return List.of(
                new Shortcut("Ctrl+Enter", Texts.get("help.shortcut.approve")),
                new Shortcut("Ctrl+Shift+Enter", Texts.get("help.shortcut.reject")),
                new Shortcut("F5", Texts.get("help.shortcut.refresh")),
                new Shortcut("Ctrl+O", Texts.get("help.shortcut.open")),
                new Shortcut("Ctrl+Shift+D", Texts.get("help.shortcut.theme")),
                new Shortcut("F1", Texts.get("help.shortcut.help")));
    }

    private HelpDialogs() {
    }

    public static void showShortcuts(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(6);
        int row = 0;
        for (Shortcut shortcut : shortcuts()) {
            Label keys = new Label(shortcut.keys());
            keys.getStyleClass().add("chip");
            grid.addRow(row++, keys, new Label(shortcut.action()));
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle(Texts.get("help.shortcuts.title"));
        alert.setHeaderText(Texts.get("help.shortcuts.title"));
        alert.getDialogPane().setContent(grid);
        alert.show();
    }

    public static void showAbout(Window owner, String version, Consumer<String> openLink) {
        Hyperlink codePipeline = new Hyperlink(Texts.get("help.about.link"));
        codePipeline.setOnAction(event -> openLink.accept("https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals.html"));
        Label text = new Label("Tollgate " + version + "\n" + Texts.get("help.about.text"));
        text.setWrapText(true);
        text.setMaxWidth(420);
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle(Texts.get("shell.help.about"));
        alert.setHeaderText("Tollgate " + version);
        alert.getDialogPane().setContent(new VBox(10, text, codePipeline));
        alert.show();
    }
}
