package dev.tollgate.ui.review;

import dev.tollgate.identity.ConnectionId;
import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.PipelineSummary;
import dev.tollgate.release.DefinitionsFile;
import dev.tollgate.release.ExecutionImages;
import dev.tollgate.release.ReleaseFinder;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.watch.WatchListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every approval waiting across the watched pipelines of every watched connection, in one list, each with its
 * connection. Announces an approval that appears while Tollgate runs exactly once; approvals already waiting
 * at start-up (or when a connection is added) are listed, not announced.
 */
public final class InboxViewModel {

    /** How the inbox is ordered. */
    public enum Order {
        NEWEST_FIRST(Comparator.comparing((InboxItem item) -> orEpoch(item.request().waitingSince())).reversed()),
        EXPIRING_FIRST(Comparator.comparing((InboxItem item) -> orEpoch(item.request().expiresAt())));

        private final Comparator<InboxItem> comparator;

        Order(Comparator<InboxItem> comparator) {
            this.comparator = comparator;
        }

        private static Instant orEpoch(Instant instant) {
            return instant == null ? Instant.EPOCH : instant;
        }
    }

    private final Executor uiThread;
    private final ReadOnlyObjectWrapper<InboxItem> arrival = new ReadOnlyObjectWrapper<>(this, "arrival");
    private final Map<ConnectionId, Source> sources = new LinkedHashMap<>();
    private final Map<String, String> tagsByKey = new HashMap<>();
    private final Set<String> announced = new HashSet<>();
    private final ObservableList<InboxItem> items = FXCollections.observableArrayList();
    private final ObservableList<InboxItem> readOnlyItems = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");
    private final ReadOnlyBooleanWrapper severalConnections = new ReadOnlyBooleanWrapper(this, "severalConnections");
    private final ObjectProperty<Order> order = new SimpleObjectProperty<>(this, "order", Order.NEWEST_FIRST);

    public InboxViewModel(Executor uiThread) {
        this.uiThread = Objects.requireNonNull(uiThread);
        order.addListener((obs, old, now) -> rebuild());
    }

    /**
     * Takes a connection's approvals into the inbox and returns what its watcher reports to; any thread.
     *
     * @param tasks    runs the connection's image tag look-ups
     * @param releases reads a waiting execution's image tag with the connection's credentials
     */
    public WatchListener watch(ConnectionId connection, BackgroundTasks tasks, ReleaseFinder releases) {
        Source source = new Source(Objects.requireNonNull(connection), Objects.requireNonNull(tasks),
                Objects.requireNonNull(releases));
        uiThread.execute(() -> {
            sources.put(connection, source);
            severalConnections.set(sources.size() > 1);
        });
        return source;
    }

    /** Drops a connection's approvals: it is no longer watched. Any thread. */
    public void forget(ConnectionId connection) {
        uiThread.execute(() -> {
            if (sources.remove(connection) != null) {
                severalConnections.set(sources.size() > 1);
                rebuild();
            }
        });
    }

    /** One connection's waiting approvals, as its watcher reports them. */
    private final class Source implements WatchListener {
        private final ConnectionId connection;
        private final BackgroundTasks tasks;
        private final ReleaseFinder releases;
        private final Map<String, List<ApprovalRequest>> waitingByPipeline = new HashMap<>();
        private final Set<String> seenPipelines = new HashSet<>();

        Source(ConnectionId connection, BackgroundTasks tasks, ReleaseFinder releases) {
            this.connection = connection;
            this.tasks = tasks;
            this.releases = releases;
        }

        private boolean current() {
            return sources.get(connection) == this;
        }

        @Override
        public void pipelinesListed(List<PipelineSummary> pipelines) {
            uiThread.execute(() -> {
                Set<String> names = new HashSet<>();
                pipelines.forEach(p -> names.add(p.name()));
                if (current() && waitingByPipeline.keySet().retainAll(names)) {
                    rebuild();
                }
            });
        }

        @Override
        public void snapshotTaken(PipelineSnapshot snapshot) {
            uiThread.execute(() -> {
                if (current()) {
                    apply(snapshot);
                }
            });
        }

        @Override
        public void pollFailed(String pipelineName, GatewayException error) {
            // A failed poll changes nothing about what waits; the board shows the failure.
        }

        private void apply(PipelineSnapshot snapshot) {
            List<ApprovalRequest> waiting = snapshot.pendingApprovals();
            boolean firstLook = seenPipelines.add(snapshot.name());
            for (ApprovalRequest request : waiting) {
                InboxItem item = new InboxItem(connection, request, Optional.empty());
                String key = item.key();
                if (announced.add(key) && !firstLook) {
                    arrival.set(item);
                }
                if (!tagsByKey.containsKey(key)) {
                    tagsByKey.put(key, null);
                    lookUpTag(request, key);
                }
            }
            List<ApprovalRequest> before = waitingByPipeline.put(snapshot.name(), waiting);
            if (!waiting.equals(before)) {
                rebuild();
            }
        }

        /** The tag shown in the inbox comes from the build artifact (ECR is not asked); a failure leaves it blank. */
        private void lookUpTag(ApprovalRequest request, String key) {
            tasks.submit(() -> releases.imagesInArtifact(request.pipelineName(), request.pipelineExecutionId(), DefinitionsFile.standard()))
                    .onSuccess(images -> {
                        tagsByKey.put(key, tagOf(images));
                        rebuild();
                    });
        }
    }

    private static String tagOf(ExecutionImages images) {
        return images.images().stream()
                .map(lookup -> lookup.image().image().effectiveTag().orElse("digest"))
                .distinct()
                .reduce((a, b) -> a + ", " + b)
                .orElse(null);
    }

    private void rebuild() {
        List<InboxItem> all = new ArrayList<>();
        sources.values().forEach(source -> source.waitingByPipeline.values().forEach(requests -> requests.forEach(request -> {
            String key = new InboxItem(source.connection, request, Optional.empty()).key();
            all.add(new InboxItem(source.connection, request, Optional.ofNullable(tagsByKey.get(key))));
        })));
        all.sort(order.get().comparator);
        if (!all.equals(items)) {
            items.setAll(all);
        }
        count.set(all.size());
    }

    public ObservableList<InboxItem> items() {
        return readOnlyItems;
    }

    /** The approval that appeared most recently while Tollgate ran; each one is set once, for a notification. */
    public ReadOnlyObjectProperty<InboxItem> arrivalProperty() {
        return arrival.getReadOnlyProperty();
    }

    /** Whether approvals may come from more than one connection, so that each item says which. */
    public ReadOnlyBooleanProperty severalConnectionsProperty() {
        return severalConnections.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ObjectProperty<Order> orderProperty() {
        return order;
    }
}
