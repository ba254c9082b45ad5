package dev.tollgate.ui.board;

import dev.tollgate.identity.ConnectionId;
import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One connection's part of the board: its pipelines, and its own health, shown in its header row. A
 * connection that cannot list, whose every pipeline fails, or whose credentials expired is failing on its
 * own: the other groups go on as before. Touched only on the UI thread.
 */
public final class ConnectionGroup implements BoardItem, ChosenPipelines {

    /** How the connection is doing, worst last. */
    public enum Health {
        /** Not listed yet. */
        LOADING,
        FINE,
        /** Nothing new for longer than the staleness limit (e.g. throttled for long). */
        STALE,
        /** AWS cannot be reached: two calls in a row failed so, and nothing answered since. */
        UNREACHABLE,
        /** Listing fails, or every pipeline does: the reason is in {@link #problemProperty()}. */
        FAILING,
        /** Expired or missing credentials: nothing works until the approver signs in again. */
        SIGNED_OUT
    }

    private final ConnectionId connection;
    private int order;
    private final boolean canSignInAgain;
    private final Observable boardEntries;
    final Map<String, PipelineEntry> byName = new HashMap<>();
    final Map<String, PipelineSnapshot> snapshots = new HashMap<>();
    final ObservableList<String> chosen = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyChosen = FXCollections.unmodifiableObservableList(chosen);
    private final ReadOnlyObjectWrapper<Health> health = new ReadOnlyObjectWrapper<>(this, "health", Health.LOADING);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyStringWrapper identity = new ReadOnlyStringWrapper(this, "identity", "");
    private boolean listed;
    private String listingProblem;
    private String credentialsProblem;
    private int failingRows;
    private int unreachableInARow;
    private String unreachable;
    private String lastRowProblem;
    private Instant lastUpdate;
    private boolean stale;
    private boolean pushMode;

    ConnectionGroup(ConnectionId connection, boolean canSignInAgain, Observable boardEntries) {
        this.connection = Objects.requireNonNull(connection);
        this.canSignInAgain = canSignInAgain;
        this.boardEntries = Objects.requireNonNull(boardEntries);
    }

    // ------------------------------------------------------------------ what the board tells it

    void listed() {
        listed = true;
        listingProblem = null;
        answered();
        recompute();
    }

    void listingFailed(GatewayException error) {
        if (needsSignIn(error)) {
            credentialsProblem = error.getMessage();
        } else if (error.problem() == GatewayException.Problem.UNREACHABLE) {
            // Listing is the connection's own call: unreachable there is unreachable for all.
            unreachable = error.getMessage();
        } else {
            listingProblem = error.getMessage();
        }
        failed(error);
        recompute();
    }

    /** @param hadProblem whether the pipeline's row showed a problem before this snapshot */
    void snapshotTaken(Instant fetchedAt, boolean hadProblem) {
        lastUpdate = fetchedAt;
        answered();
        if (hadProblem) {
            failingRows--;
        }
        recompute();
    }

    /** @param hadProblem whether the pipeline's row already showed a problem */
    void pollFailed(GatewayException error, boolean hadProblem) {
        if (needsSignIn(error)) {
            credentialsProblem = error.getMessage();
        }
        failed(error);
        if (!hadProblem) {
            failingRows++;
        }
        lastRowProblem = error.getMessage();
        recompute();
    }

    private void answered() {
        credentialsProblem = null;
        unreachableInARow = 0;
        unreachable = null;
    }

    /**
     * A lost network is the connection's trouble, not a pipeline's: it shows at once rather than when every
     * pipeline's next poll has failed, which for pipelines polled every half minute takes that long. One
     * failure may be a blip, so it takes two in a row.
     */
    private void failed(GatewayException error) {
        if (error.problem() == GatewayException.Problem.UNREACHABLE) {
            unreachableInARow++;
            if (unreachableInARow >= 2) {
                unreachable = error.getMessage();
            }
        }
    }

    /** A pipeline left the board (deleted, or no longer listed). */
    void removed(PipelineEntry entry) {
        if (entry.row().problem() != null) {
            failingRows--;
        }
    }

    void tick(Instant now, Duration staleAfter) {
        boolean nowStale = lastUpdate != null && Duration.between(lastUpdate, now).compareTo(staleAfter) > 0;
        if (nowStale != stale) {
            stale = nowStale;
            recompute();
        }
    }

    void pushMode(boolean listening) {
        pushMode = listening;
    }

    /** Whether push mode hears this connection's events. */
    boolean pushMode() {
        return pushMode;
    }

    void describe(String who) {
        identity.set(who == null ? "" : who);
    }

    private void recompute() {
        if (credentialsProblem != null) {
            set(Health.SIGNED_OUT, credentialsProblem);
        } else if (listingProblem != null) {
            set(Health.FAILING, listingProblem);
        } else if (unreachable != null) {
            set(Health.UNREACHABLE, unreachable);
        } else if (failingRows > 0 && failingRows >= byName.size()) {
            // Every pipeline failing is the connection failing (AWS unreachable), not a pipeline's trouble.
            set(Health.FAILING, lastRowProblem);
        } else if (!listed) {
            set(Health.LOADING, null);
        } else {
            set(stale ? Health.STALE : Health.FINE, null);
        }
    }

    private void set(Health next, String why) {
        problem.set(why);
        health.set(next);
    }

    private static boolean needsSignIn(GatewayException error) {
        return error.problem() == GatewayException.Problem.EXPIRED_CREDENTIALS
                || error.problem() == GatewayException.Problem.NO_CREDENTIALS;
    }

    // ------------------------------------------------------------------ reading

    @Override
    public ConnectionGroup group() {
        return this;
    }

    @Override
    public ConnectionId connection() {
        return connection;
    }

    /** Where the group comes in the list: connections in the order they were added. */
    int order() {
        return order;
    }

    void order(int position) {
        order = position;
    }

    /** Whether the app can sign this connection in again (IAM Identity Center); otherwise it is renewed outside. */
    public boolean canSignInAgain() {
        return canSignInAgain;
    }

    public int pipelineCount() {
        return byName.size();
    }

    /** When the last snapshot of any of its pipelines arrived; null before the first. */
    public Instant lastUpdate() {
        return lastUpdate;
    }

    public ReadOnlyObjectProperty<Health> healthProperty() {
        return health.getReadOnlyProperty();
    }

    /** Why the connection is failing or signed out, as a sentence; null otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Who the approver is on this connection, e.g. "alice · Approver · 123456789012"; empty until known. */
    public ReadOnlyStringProperty identityProperty() {
        return identity.getReadOnlyProperty();
    }

    @Override
    public ObservableList<String> chosenNames() {
        return readOnlyChosen;
    }

    @Override
    public Observable entries() {
        return boardEntries;
    }

    @Override
    public Optional<PipelineSnapshot> snapshotOf(String pipelineName) {
        return Optional.ofNullable(snapshots.get(pipelineName));
    }

    @Override
    public String toString() {
        return connection.label();
    }
}
