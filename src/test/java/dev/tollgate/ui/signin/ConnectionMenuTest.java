package dev.tollgate.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.identity.CallerIdentity;
import dev.tollgate.identity.ConnectionId;
import dev.tollgate.identity.ProfileSummary;
import dev.tollgate.identity.WatchedConnection;
import dev.tollgate.ui.common.BackgroundTasks;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.collections.FXCollections;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class ConnectionMenuTest {

    private static final CallerIdentity ME = new CallerIdentity("arn:aws:sts::123456789012:assumed-role/Approver/alice",
            "123456789012", "AROAEXAMPLE:alice");

    @Test
    void offersOnlyConnectionsThatAreNotWatchedYet(FxRobot robot) {
        AtomicReference<ConnectionMenu> menu = new AtomicReference<>();
        robot.interact(() -> menu.set(new ConnectionMenu(FXCollections.observableArrayList(
                        watching(new WatchedConnection.Sandbox().id()),
                        watching(new WatchedConnection.Profile("prod", "eu-west-1").id())),
                List.of(profile("prod"), profile("staging")), new RecordingActions())));

        assertThat(item(menu.get(), "useSandboxItem").isDisable()).isTrue();
        assertThat(profileItem(menu.get(), "prod").isDisable()).isTrue();
        assertThat(profileItem(menu.get(), "staging").isDisable()).isFalse();
    }

    @Test
    void offersTheSandboxWhileItIsNotWatched(FxRobot robot) {
        AtomicReference<ConnectionMenu> menu = new AtomicReference<>();
        robot.interact(() -> menu.set(new ConnectionMenu(FXCollections.observableArrayList(
                        watching(new WatchedConnection.Profile("prod", "eu-west-1").id())),
                List.of(profile("prod")), new RecordingActions())));

        assertThat(item(menu.get(), "useSandboxItem").isDisable()).isFalse();
    }

    private static ConnectionViewModel watching(ConnectionId id) {
        return new ConnectionViewModel(id, () -> ME, new BackgroundTasks(Runnable::run, Runnable::run), Runnable::run, true);
    }

    private static ProfileSummary profile(String name) {
        return new ProfileSummary(name, Optional.of("eu-west-1"), ProfileSummary.Kind.KEYS, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private static MenuItem item(ConnectionMenu menu, String id) {
        return menu.getItems().stream().filter(item -> id.equals(item.getId())).findFirst().orElseThrow();
    }

    private static MenuItem profileItem(ConnectionMenu menu, String name) {
        return ((Menu) item(menu, "addProfileMenu")).getItems().stream()
                .filter(item -> item.getText().startsWith(name + " ")).findFirst().orElseThrow();
    }

    private static final class RecordingActions implements ConnectionActions {
        @Override public void signIn() { }
        @Override public void signInAgain(ConnectionId connection) { }
        @Override public void addProfile(String name) { }
        @Override public void addSandbox() { }
        @Override public void stopWatching(ConnectionId connection) { }
    }
}
