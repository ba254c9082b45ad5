package dev.tollgate.ui.signin;

import dev.tollgate.identity.CallerIdentity;
import dev.tollgate.identity.ProfileSummary;
import dev.tollgate.ui.common.Texts;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
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
import dev.tollgate.identity.WatchedConnection;

/**
 * The header's connections: with one, its name and who the approver is there; with several, how many. The
 * menu has a submenu per watched connection (who you are, sign in again, stop watching) and adds more: an
 * IAM Identity Center account and role, a profile of the config files, or the sandbox. Adding never stops
 * the connections already watched.
 */
public final class ConnectionMenu extends MenuButton {

    private final ObservableList<ConnectionViewModel> connections;
    private final List<ProfileSummary> profiles;
    private final ConnectionActions actions;

    public ConnectionMenu(ObservableList<ConnectionViewModel> connections, List<ProfileSummary> profiles,
            ConnectionActions actions) {
        this.connections = connections;
        this.profiles = List.copyOf(profiles);
        this.actions = actions;
        setId("connectionMenu");
        getStyleClass().addAll("connection-label", "connection-menu");
        setGraphic(new FontIcon(Feather.CLOUD));
        Tooltip tooltip = new Tooltip();
        setTooltip(tooltip);
        connections.addListener((ListChangeListener<ConnectionViewModel>) change -> rebuild(tooltip));
        rebuild(tooltip);
    }

    private void rebuild(Tooltip tooltip) {
        textProperty().unbind();
        tooltip.textProperty().unbind();
        if (connections.size() == 1) {
            ConnectionViewModel only = connections.get(0);
            textProperty().bind(Bindings.createStringBinding(() -> describe(only), only.labelProperty(), only.identityProperty()));
            tooltip.textProperty().bind(only.identityTextProperty());
        } else {
            Observable[] identities = connections.stream().map(ConnectionViewModel::identityProperty).toArray(Observable[]::new);
            setText(Texts.get("signin.menu.connections", connections.size()));
            tooltip.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n",
                    connections.stream().map(ConnectionMenu::describe).toList()), identities));
        }
        getItems().clear();
        for (ConnectionViewModel model : connections) {
            getItems().add(connectionMenu(model));
        }
        MenuItem signIn = new MenuItem(Texts.get("signin.menu.add"), new FontIcon(Feather.LOG_IN));
        signIn.setId("signInItem");
        signIn.setOnAction(event -> actions.signIn());
        getItems().addAll(new SeparatorMenuItem(), signIn);
        if (!profiles.isEmpty()) {
            Menu profileMenu = new Menu(Texts.get("signin.menu.addProfile"), new FontIcon(Feather.USERS));
            profileMenu.setId("addProfileMenu");
            for (ProfileSummary profile : profiles) {
                MenuItem item = new MenuItem(profile.label());
                item.setOnAction(event -> actions.addProfile(profile.name()));
                // A connection is watched once; a choice that would add nothing is shown as such.
                item.setDisable(isWatched("profile:" + profile.name() + "@"));
                profileMenu.getItems().add(item);
            }
            getItems().add(profileMenu);
        }
        MenuItem sandbox = new MenuItem(Texts.get("signin.menu.addSandbox"), new FontIcon(Feather.BOX));
        sandbox.setId("useSandboxItem");
        sandbox.setOnAction(event -> actions.addSandbox());
        sandbox.setDisable(isWatched(WatchedConnection.Sandbox.KEY));
        getItems().add(sandbox);
    }

    private boolean isWatched(String keyPrefix) {
        return connections.stream().anyMatch(model -> model.connection().key().startsWith(keyPrefix));
    }

    /** One watched connection: who the approver is there, and what can be done with it. */
    private Menu connectionMenu(ConnectionViewModel model) {
        String key = model.connection().key().replaceAll("[^A-Za-z0-9_-]", "_");
        Menu menu = new Menu();
        menu.setId("connectionItem-" + key);
        menu.textProperty().bind(Bindings.createStringBinding(() -> describe(model), model.labelProperty(),
                model.identityProperty()));
        menu.setGraphic(new FontIcon(Feather.CLOUD));
        Label who = new Label();
        who.setId("identityLine");
        who.setWrapText(true);
        who.setMaxWidth(420);
        who.textProperty().bind(model.identityTextProperty());
        who.getStyleClass().add("identity-line");
        CustomMenuItem identity = new CustomMenuItem(new VBox(who), false);
        identity.getStyleClass().add("identity-item");
        menu.getItems().add(identity);
        if (model.canSignInAgain()) {
            MenuItem again = new MenuItem(Texts.get("signin.again"), new FontIcon(Feather.REFRESH_CW));
            again.setOnAction(event -> actions.signInAgain(model.connection()));
            menu.getItems().add(again);
        }
        MenuItem stop = new MenuItem(Texts.get("signin.menu.stopWatching"), new FontIcon(Feather.X_CIRCLE));
        stop.setId("stopWatching-" + key);
        // The last connection stays: a window watching nothing has nothing to show.
        stop.setDisable(connections.size() < 2);
        stop.setOnAction(event -> actions.stopWatching(model.connection()));
        menu.getItems().addAll(new SeparatorMenuItem(), stop);
        return menu;
    }

    private static String describe(ConnectionViewModel model) {
        CallerIdentity me = model.identityProperty().get();
        return model.labelProperty().get() + (me == null ? "" : " — " + me.displayName());
    }
}
