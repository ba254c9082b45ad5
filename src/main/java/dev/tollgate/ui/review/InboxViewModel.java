package dev.tollgate.ui.review;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every approval waiting across the watched pipelines, in one list. Announces an approval that appears while
 * Tollgate runs exactly once; approvals already waiting at start-up are listed, not announced.
 */
public final class InboxViewModel implements WatchListener {

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
    private final BackgroundTasks tasks;
    private final ReleaseFinder releases;
    private final ReadOnlyObjectWrapper<ApprovalRequest> arrival = new ReadOnlyObjectWrapper<>(this, "arrival");
    private final Map<String, List<ApprovalRequest>> waitingByPipeline = new HashMap<>();
    private final Map<String, String> tagsByKey = new HashMap<>();
    private final Set<String> seenPipelines = new HashSet<>();
    private final Set<String> announced = new HashSet<>();
    private final ObservableList<InboxItem> items = FXCollections.observableArrayList();
    private final ObservableList<InboxItem> readOnlyItems = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");
    private final ObjectProperty<Order> order = new SimpleObjectProperty<>(this, "order", Order.NEWEST_FIRST);

    public InboxViewModel(Executor uiThread, BackgroundTasks tasks, ReleaseFinder releases) {
        this.uiThread = uiThread;
        this.tasks = tasks;
        this.releases = releases;
        order.addListener((obs, old, now) -> rebuild());
    }

    @Override
    public void pipelinesListed(List<PipelineSummary> pipelines) {
        uiThread.execute(() -> {
            Set<String> names = new HashSet<>();
            pipelines.forEach(p -> names.add(p.name()));
            if (waitingByPipeline.keySet().retainAll(names)) {
                rebuild();
            }
        });
    }

    @Override
    public void snapshotTaken(PipelineSnapshot snapshot) {
        uiThread.execute(() -> apply(snapshot));
    }

    @Override
    public void pollFailed(String pipelineName, GatewayException error) {
        // A failed poll changes nothing about what waits; the board shows the failure.
    }

    private void apply(PipelineSnapshot snapshot) {
        List<ApprovalRequest> waiting = snapshot.pendingApprovals();
        boolean firstLook = seenPipelines.add(snapshot.name());
        for (ApprovalRequest request : waiting) {
            String key = new InboxItem(request, Optional.empty()).key();
            if (announced.add(key) && !firstLook) {
                arrival.set(request);
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

    /** The tag shown in the inbox comes from the build artifact; a failure just leaves it blank. */
    private void lookUpTag(ApprovalRequest request, String key) {
        tasks.submit(() -> releases.imagesOf(request.pipelineName(), request.pipelineExecutionId(), DefinitionsFile.standard()))
                .onSuccess(images -> {
                    tagsByKey.put(key, tagOf(images));
                    rebuild();
                });
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
        waitingByPipeline.values().forEach(requests -> requests.forEach(request -> {
            String key = new InboxItem(request, Optional.empty()).key();
            all.add(new InboxItem(request, Optional.ofNullable(tagsByKey.get(key))));
        }));
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
    public ReadOnlyObjectProperty<ApprovalRequest> arrivalProperty() {
        return arrival.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ObjectProperty<Order> orderProperty() {
        return order;
    }
}
