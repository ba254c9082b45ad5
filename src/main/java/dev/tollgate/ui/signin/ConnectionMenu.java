package dev.tollgate.ui.signin;

import dev.tollgate.identity.CallerIdentity;
import dev.tollgate.identity.ProfileSummary;
import dev.tollgate.ui.common.Texts;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The header's connection: its name and who the approver is there, and a menu to sign in with IAM Identity
 * Center, switch to another profile of the config files, or go back to the sandbox.
 */
public final class ConnectionMenu extends MenuButton {

    public ConnectionMenu(ConnectionViewModel model, List<ProfileSummary> profiles, ConnectionActions actions) {
        setId("connectionMenu");
        getStyleClass().addAll("connection-label", "connection-menu");
        setGraphic(new FontIcon(Feather.CLOUD));
        textProperty().bind(Bindings.createStringBinding(() -> {
            CallerIdentity me = model.identityProperty().get();
            return model.labelProperty().get() + (me == null ? "" : " — " + me.displayName());
        }, model.labelProperty(), model.identityProperty()));
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(model.identityTextProperty());
        setTooltip(tooltip);

        Label who = new Label();
        who.setId("identityLine");
        who.setWrapText(true);
        who.setMaxWidth(420);
        who.textProperty().bind(model.identityTextProperty());
        who.getStyleClass().add("identity-line");
        CustomMenuItem identity = new CustomMenuItem(new VBox(who), false);
        identity.getStyleClass().add("identity-item");

        MenuItem signIn = new MenuItem(Texts.get("signin.menu.signIn"), new FontIcon(Feather.LOG_IN));
        signIn.setId("signInItem");
        signIn.setOnAction(event -> actions.signIn());
        getItems().addAll(identity, new SeparatorMenuItem(), signIn);
        if (model.canSignInAgain()) {
            MenuItem again = new MenuItem(Texts.get("signin.again"), new FontIcon(Feather.REFRESH_CW));
            again.setOnAction(event -> actions.signInAgain());
            getItems().add(again);
        }
        if (!profiles.isEmpty()) {
            Menu profileMenu = new Menu(Texts.get("signin.menu.profiles"), new FontIcon(Feather.USERS));
            for (ProfileSummary profile : profiles) {
                MenuItem item = new MenuItem(profile.label());
                item.setOnAction(event -> actions.useProfile(profile.name()));
                profileMenu.getItems().add(item);
            }
            getItems().add(profileMenu);
        }
        MenuItem sandbox = new MenuItem(Texts.get("signin.menu.sandbox"), new FontIcon(Feather.BOX));
        sandbox.setId("useSandboxItem");
        sandbox.setOnAction(event -> actions.useSandbox());
        getItems().add(sandbox);
    }
}
