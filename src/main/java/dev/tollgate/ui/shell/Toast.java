package dev.tollgate.ui.shell;

import dev.tollgate.ui.common.Texts;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** An in-window notification with one action; it hides itself after a while or when dismissed. */
final class Toast extends HBox {

    private final Label message = new Label();
    private final Button action = new Button(Texts.get("shell.toastReview"));
    private final PauseTransition timeout = new PauseTransition(Duration.seconds(15));
    private Runnable onAction = () -> { };

    Toast() {
        setId("toast");
        getStyleClass().add("toast");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        message.setGraphic(new FontIcon(Feather.BELL));
        message.setWrapText(true);
        message.setMaxWidth(360);
        action.setId("toastAction");
        action.getStyleClass().add("accent");
        action.setOnAction(event -> {
            hide();
            onAction.run();
        });
        Button close = new Button(null, new FontIcon(Feather.X));
        close.getStyleClass().add("flat");
        close.setOnAction(event -> hide());
        getChildren().addAll(message, action, close);
        setVisible(false);
        timeout.setOnFinished(event -> hide());
    }

    void show(String text, Runnable actionToRun) {
        message.setText(text);
        onAction = actionToRun;
        setVisible(true);
        timeout.playFromStart();
    }

    private void hide() {
        timeout.stop();
        setVisible(false);
    }
}
