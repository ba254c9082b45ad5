package dev.tollgate.testing;

import dev.tollgate.identity.ConnectionId;
import dev.tollgate.ui.signin.ConnectionActions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The connection requests of a window under test, written down instead of opening dialogs. */
public final class RecordedActions implements ConnectionActions {

    private final List<String> requests = new CopyOnWriteArrayList<>();

    /** e.g. "signInAgain Sandbox", "stopWatching Sandbox", "addProfile ops", in the order asked. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void signIn() {
        requests.add("signIn");
    }

    @Override
    public void signInAgain(ConnectionId connection) {
        requests.add("signInAgain " + connection.label());
    }

    @Override
    public void addProfile(String name) {
        requests.add("addProfile " + name);
    }

    @Override
    public void addSandbox() {
        requests.add("addSandbox");
    }

    @Override
    public void stopWatching(ConnectionId connection) {
        requests.add("stopWatching " + connection.label());
    }
}
