package dev.tollgate.ui.signin;

import dev.tollgate.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The banner under the header while a connection's sign-in has expired, with a one-click way back. It
 * covers nothing: the board, the open review and its draft stay as they were. With several connections,
 * each has its own, which names it.
 */
public final class ExpiryBanner extends HBox {

    /**
     * @param retry what to do when the credentials cannot be renewed from the app (renewed outside, then retry)
     * @param named whether to say which connection the banner is about (when there are several)
     */
    public ExpiryBanner(ConnectionViewModel model, ConnectionActions actions, Runnable retry,
            ObservableBooleanValue named) {
        setId("expiryBanner");
        getStyleClass().add("expiry-banner");
        setSpacing(12);
        setPadding(new Insets(8, 12, 8, 12));
        setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("expiryMessage");
        message.setWrapText(true);
        message.setGraphic(new FontIcon(Feather.CLOCK));
        message.textProperty().bind(Bindings.createStringBinding(
                () -> model.expiryMessageProperty().get() == null || !named.get() ? model.expiryMessageProperty().get()
                        : model.labelProperty().get() + ": " + model.expiryMessageProperty().get(),
                model.expiryMessageProperty(), model.labelProperty(), named));
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        Button action = model.canSignInAgain()
                ? new Button(Texts.get("signin.again"), new FontIcon(Feather.LOG_IN))
                : new Button(Texts.get("signin.retry"), new FontIcon(Feather.REFRESH_CW));
        action.setId("signInAgainButton");
        action.setOnAction(event -> {
            if (model.canSignInAgain()) {
                actions.signInAgain(model.connection());
            } else {
                retry.run();
            }
        });
        getChildren().addAll(message, action);
        visibleProperty().bind(model.expiredProperty());
        managedProperty().bind(visibleProperty());
    }
}
