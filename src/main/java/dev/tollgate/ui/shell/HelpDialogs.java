package dev.tollgate.ui.shell;

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

    public static final List<Shortcut> SHORTCUTS = List.of(
            new Shortcut("Ctrl+Enter", "Approve the release under review (in the comment field)"),
            new Shortcut("Ctrl+Shift+Enter", "Reject the release under review (asks first)"),
            new Shortcut("F5", "Refresh every pipeline now"),
            new Shortcut("Ctrl+O", "Inspect an imagedefinitions.json or imageDetail.json file"),
            new Shortcut("Ctrl+Shift+D", "Switch between light and dark"),
            new Shortcut("F1", "This list"));

    private HelpDialogs() {
    }

    public static void showShortcuts(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(6);
        int row = 0;
        for (Shortcut shortcut : SHORTCUTS) {
            Label keys = new Label(shortcut.keys());
            keys.getStyleClass().add("chip");
            grid.addRow(row++, keys, new Label(shortcut.action()));
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(grid);
        alert.show();
    }

    public static void showAbout(Window owner, String version, Consumer<String> openLink) {
        Hyperlink codePipeline = new Hyperlink("AWS CodePipeline manual approvals");
        codePipeline.setOnAction(event -> openLink.accept("https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals.html"));
        Label text = new Label("Tollgate " + version + "\nA desktop console for the people who approve releases in "
                + "AWS CodePipeline: see exactly which image a release deploys, then approve or reject it.");
        text.setWrapText(true);
        text.setMaxWidth(420);
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("About Tollgate");
        alert.setHeaderText("Tollgate " + version);
        alert.getDialogPane().setContent(new VBox(10, text, codePipeline));
        alert.show();
    }
}
