package dev.tollgate.ui.signin;

import dev.tollgate.identity.CallerIdentity;
import dev.tollgate.identity.ConnectionId;
import dev.tollgate.identity.IdentityGateway;
import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.PipelineSummary;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.ui.common.Texts;
import dev.tollgate.watch.WatchListener;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One watched connection as the connections menu and its expiry banner show it: its name, who the approver is there (from
 * {@code sts:GetCallerIdentity}), and whether its sign-in has expired. Fed by the watcher: a poll that fails
 * with expired or missing credentials raises the expiry banner, the next good poll lowers it.
 *
 * <p>{@link #identityProperty()} is what other screens use to say "approved by you" or to warn before an
 * approver decides on their own change.
 */
public final class ConnectionViewModel implements WatchListener {

    private final ConnectionId connection;
    private final IdentityGateway identityGateway;
    private final BackgroundTasks tasks;
    private final Executor uiThread;
    private final boolean canSignInAgain;
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper(this, "label");
    private final ReadOnlyObjectWrapper<CallerIdentity> identity = new ReadOnlyObjectWrapper<>(this, "identity");
    private final ReadOnlyStringWrapper identityText = new ReadOnlyStringWrapper(this, "identityText",
            Texts.get("signin.identity.finding"));
    private final ReadOnlyBooleanWrapper expired = new ReadOnlyBooleanWrapper(this, "expired");
    private final ReadOnlyStringWrapper expiryMessage = new ReadOnlyStringWrapper(this, "expiryMessage");

    /**
     * @param canSignInAgain whether the app can sign this connection in again (Identity Center); otherwise
     *                       the banner tells the approver to renew the credentials outside and retry
     */
    public ConnectionViewModel(ConnectionId connection, IdentityGateway identityGateway, BackgroundTasks tasks,
            Executor uiThread, boolean canSignInAgain) {
        this.connection = Objects.requireNonNull(connection);
        this.identityGateway = Objects.requireNonNull(identityGateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.uiThread = Objects.requireNonNull(uiThread);
        this.canSignInAgain = canSignInAgain;
        this.label.set(connection.label());
    }

    /** Asks AWS who the credentials belong to; call on the UI thread. */
    public void refreshIdentity() {
        tasks.submit(identityGateway::whoAmI)
                .onSuccess(me -> {
                    identity.set(me);
                    identityText.set(Texts.get("signin.identity.signedInAs", me.arn()));
                })
                .onFailure(error -> {
                    identityText.set(error instanceof GatewayException g ? g.getMessage() : Texts.get("signin.identity.unknown"));
                    if (error instanceof GatewayException g && needsSignIn(g)) {
                        markExpired(g);
                    }
                });
    }

    /** After a new sign-in: lower the banner and ask again who the approver is. Call on the UI thread. */
    public void signedInAgain() {
        expired.set(false);
        expiryMessage.set(null);
        refreshIdentity();
    }

    @Override
    public void pipelinesListed(List<PipelineSummary> pipelines) {
        uiThread.execute(this::workingAgain);
    }

    @Override
    public void snapshotTaken(PipelineSnapshot snapshot) {
        uiThread.execute(this::workingAgain);
    }

    @Override
    public void pollFailed(String pipelineName, GatewayException error) {
        if (needsSignIn(error)) {
            uiThread.execute(() -> markExpired(error));
        }
    }

    private void workingAgain() {
        if (expired.get()) {
            expired.set(false);
            expiryMessage.set(null);
            refreshIdentity();
        }
    }

    private void markExpired(GatewayException error) {
        expired.set(true);
        expiryMessage.set(Texts.get(canSignInAgain ? "signin.expired.signInAgain" : "signin.expired.renewOutside"));
    }

    private static boolean needsSignIn(GatewayException error) {
        return error.problem() == GatewayException.Problem.EXPIRED_CREDENTIALS
                || error.problem() == GatewayException.Problem.NO_CREDENTIALS;
    }

    public ConnectionId connection() {
        return connection;
    }

    public boolean canSignInAgain() {
        return canSignInAgain;
    }

    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    /** Who the approver is on this connection; null until known. */
    public ReadOnlyObjectProperty<CallerIdentity> identityProperty() {
        return identity.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty identityTextProperty() {
        return identityText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty expiredProperty() {
        return expired.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty expiryMessageProperty() {
        return expiryMessage.getReadOnlyProperty();
    }
}
