package dev.tollgate.ui.board;

import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.PipelineSummary;
import dev.tollgate.pipeline.Status;
import dev.tollgate.storage.FavouritesStore;
import dev.tollgate.ui.common.Durations;
import dev.tollgate.ui.common.Texts;
import dev.tollgate.watch.WatchListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * Every pipeline of the connection, searchable, filterable, sortable, with pinned ones on top, and the
 * snapshot of the selected one. Fed by the poller; every update is applied on the UI thread to the
 * pipeline's own entry, so the list keeps its selection and scroll position. A pipeline whose polls fail,
 * or that has not been heard of for a while, is marked stale rather than shown as if current.
 */
public final class BoardViewModel implements WatchListener {

    /** The status filter's choices, in the words of the menu. */
    public enum StatusFilter {
        ANY, FAILED, IN_PROGRESS, SUCCEEDED, STOPPED;

        /** The menu's words in the user's language, e.g. "Stopped or cancelled". */
        public String label() {
            return Texts.get("board.filter." + name());
        }

        boolean accepts(Status status) {
            return switch (this) {
                case ANY -> true;
                case FAILED -> status.is(Status.Kind.FAILED);
                case IN_PROGRESS -> status.is(Status.Kind.IN_PROGRESS) || status.is(Status.Kind.STOPPING);
                case SUCCEEDED -> status.is(Status.Kind.SUCCEEDED);
                case STOPPED -> status.is(Status.Kind.STOPPED) || status.is(Status.Kind.CANCELLED)
                        || status.is(Status.Kind.ABANDONED);
            };
        }
    }

    /** The orders the list offers; pinned pipelines come first in every one. */
    public enum Sort {
        NAME, ATTENTION, LAST_CHANGE;

        /** The menu's words in the user's language, e.g. "Needs attention first". */
        public String label() {
            return Texts.get("board.sort." + name());
        }
    }

    /** How long without news before a pipeline's row says it may be out of date, unless told otherwise. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(60);

    private final Executor uiThread;
    private final Clock clock;
    private final Duration staleAfter;
    private final FavouritesStore favourites;
    private final String connection;

    private final Map<String, PipelineEntry> byName = new HashMap<>();
    private final Map<String, PipelineSnapshot> snapshots = new HashMap<>();
    // The extractor turns a changed row or pin into an "updated" change: filter and order follow it in place.
    private final ObservableList<PipelineEntry> entries = FXCollections.observableArrayList(
            entry -> new Observable[] {entry.rowProperty(), entry.pinnedProperty()});
    private final FilteredList<PipelineEntry> filtered = new FilteredList<>(entries);
    private final SortedList<PipelineEntry> sorted = new SortedList<>(filtered);
    private final ObservableList<String> chosen = FXCollections.observableArrayList();
    // Made once: an unmodifiable view listens to its source weakly, so a view made per call can stop updating.
    private final ObservableList<PipelineEntry> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);
    private final ObservableList<String> readOnlyChosen = FXCollections.unmodifiableObservableList(chosen);

    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<StatusFilter> statusFilter = new SimpleObjectProperty<>(this, "statusFilter", StatusFilter.ANY);
    private final BooleanProperty onlyWithApprovals = new SimpleBooleanProperty(this, "onlyWithApprovals");
    private final BooleanProperty onlyWithDisabledTransitions = new SimpleBooleanProperty(this, "onlyWithDisabledTransitions");
    private final ObjectProperty<Sort> sort = new SimpleObjectProperty<>(this, "sort", Sort.NAME);

    private final ObjectProperty<String> selectedName = new SimpleObjectProperty<>(this, "selectedName");
    private final ReadOnlyObjectWrapper<PipelineSnapshot> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyObjectWrapper<Instant> lastUpdate = new ReadOnlyObjectWrapper<>(this, "lastUpdate");
    private final ReadOnlyBooleanWrapper pushMode = new ReadOnlyBooleanWrapper(this, "pushMode");
    private final ReadOnlyObjectWrapper<Instant> now;
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final IntegerBinding waitingApprovals = Bindings.createIntegerBinding(
            () -> entries.stream().mapToInt(entry -> entry.row().pendingApprovals()).sum(), entries);
    private final BooleanBinding filtersActive = search.isNotEmpty().or(statusFilter.isNotEqualTo(StatusFilter.ANY))
            .or(onlyWithApprovals).or(onlyWithDisabledTransitions);
    private final StringBinding summary = Bindings.createStringBinding(this::describeCount, sorted, entries);

    /** A board with the system clock, nothing pinned beyond this run, and the default staleness. */
    public BoardViewModel(Executor uiThread) {
        this(uiThread, Clock.systemUTC(), DEFAULT_STALE_AFTER, FavouritesStore.inMemory(), "");
    }

    /**
     * @param staleAfter  how long without a successful poll before a pipeline is marked stale
     * @param connection  the connection's name, under which its pinned pipelines are kept
     */
    public BoardViewModel(Executor uiThread, Clock clock, Duration staleAfter, FavouritesStore favourites, String connection) {
        this.uiThread = Objects.requireNonNull(uiThread);
        this.clock = Objects.requireNonNull(clock);
        this.staleAfter = Objects.requireNonNull(staleAfter);
        this.favourites = Objects.requireNonNull(favourites);
        this.connection = Objects.requireNonNull(connection);
        this.now = new ReadOnlyObjectWrapper<>(this, "now", clock.instant());
        selectedName.addListener((obs, old, name) -> selected.set(name == null ? null : snapshots.get(name)));
        filtered.predicateProperty().bind(Bindings.createObjectBinding(this::predicate,
                search, statusFilter, onlyWithApprovals, onlyWithDisabledTransitions));
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(this::comparator, sort));
    }

    // ------------------------------------------------------------------ what the poller reports

    @Override
    public void pipelinesListed(List<PipelineSummary> pipelines) {
        uiThread.execute(() -> applyListing(pipelines));
    }

    @Override
    public void snapshotTaken(PipelineSnapshot snapshot) {
        uiThread.execute(() -> applySnapshot(snapshot));
    }

    @Override
    public void pollFailed(String pipelineName, GatewayException error) {
        uiThread.execute(() -> applyFailure(pipelineName, error));
    }

    @Override
    public void pushModeChanged(boolean listening) {
        uiThread.execute(() -> pushMode.set(listening));
    }

    private void applyListing(List<PipelineSummary> pipelines) {
        Set<String> listed = new HashSet<>();
        Set<String> pinned = favourites.pinned(connection);
        for (PipelineSummary pipeline : pipelines) {
            listed.add(pipeline.name());
            if (!byName.containsKey(pipeline.name())) {
                PipelineEntry entry = new PipelineEntry(PipelineRow.unknown(pipeline.name()), pinned.contains(pipeline.name()));
                byName.put(entry.name(), entry);
                entries.add(entry);
            }
        }
        if (byName.size() > listed.size()) {
            entries.removeIf(entry -> !listed.contains(entry.name()));
            byName.keySet().retainAll(listed);
            snapshots.keySet().retainAll(listed);
            chosen.retainAll(listed);
        }
        if (problem.get() != null && problem.get().startsWith("Could not list")) {
            problem.set(null);
        }
        if (selectedName.get() == null && !sorted.isEmpty()) {
            selectedName.set(sorted.get(0).name());
        }
    }

    private void applySnapshot(PipelineSnapshot snapshot) {
        snapshots.put(snapshot.name(), snapshot);
        PipelineEntry entry = byName.get(snapshot.name());
        if (entry == null) {
            // A refresh after a command can overtake the listing that would have added the pipeline.
            entry = new PipelineEntry(PipelineRow.of(snapshot), favourites.pinned(connection).contains(snapshot.name()));
            byName.put(entry.name(), entry);
            entries.add(entry);
        } else {
            entry.update(PipelineRow.of(snapshot));
        }
        entry.fetched(snapshot.fetchedAt());
        if (snapshot.name().equals(selectedName.get())) {
            selected.set(snapshot);
            problem.set(null);
        }
        lastUpdate.set(snapshot.fetchedAt());
    }

    private void applyFailure(String pipelineName, GatewayException error) {
        if (pipelineName == null) {
            problem.set(error.getMessage());
            return;
        }
        PipelineEntry entry = byName.get(pipelineName);
        if (entry != null) {
            entry.update(entry.row().failing(error.getMessage()));
        }
        if (pipelineName.equals(selectedName.get())) {
            problem.set(error.getMessage());
        }
    }

    // ------------------------------------------------------------------ what the approver does

    /** Pins or unpins: pinned pipelines stay on top in every order, and across restarts. */
    public void togglePinned(String pipelineName) {
        PipelineEntry entry = byName.get(pipelineName);
        if (entry == null) {
            return;
        }
        boolean pin = !entry.isPinned();
        entry.pin(pin);
        favourites.setPinned(connection, pipelineName, pin);
    }

    public void clearFilters() {
        search.set("");
        statusFilter.set(StatusFilter.ANY);
        onlyWithApprovals.set(false);
        onlyWithDisabledTransitions.set(false);
    }

    /** The pipelines chosen together in the list (for a change freeze); the view keeps it in step. */
    public void choose(List<String> pipelineNames) {
        List<String> known = pipelineNames.stream().filter(byName::containsKey).distinct().toList();
        if (!known.equals(chosen)) {
            chosen.setAll(known);
        }
    }

    /** Ages the "updated … ago" texts and re-checks staleness; the view calls it every second. */
    public void tick() {
        Instant at = clock.instant();
        now.set(at);
        Instant last = lastUpdate.get();
        stale.set(last != null && Duration.between(last, at).compareTo(staleAfter) > 0);
    }

    // ------------------------------------------------------------------ reading

    /** Whether the row may be out of date: its last poll failed, or none succeeded for a while. */
    public boolean isStale(PipelineEntry entry) {
        if (entry.row().problem() != null) {
            return true;
        }
        Instant fetched = entry.fetchedAt();
        return fetched != null && Duration.between(fetched, now.get()).compareTo(staleAfter) > 0;
    }

    /** "Updated 4 s ago", or why the row may be out of date. */
    public String freshness(PipelineEntry entry) {
        Instant fetched = entry.fetchedAt();
        if (fetched == null) {
            return entry.row().problem() != null ? Texts.get("board.neverLoaded", entry.row().problem())
                    : Texts.get("board.loading");
        }
        String age = Durations.between(fetched, now.get());
        if (entry.row().problem() != null) {
            return Texts.get("board.notUpdatedBecause", age, entry.row().problem());
        }
        return isStale(entry) ? Texts.get("board.notUpdated", age) : Texts.get("board.updated", age);
    }

    /** The last thing that happened in the pipeline, as "5 min ago"; empty before it is known. */
    public String lastChange(PipelineEntry entry) {
        Instant at = entry.row().lastChange();
        return at == null ? "" : Texts.get("board.ago", Durations.between(at, now.get()));
    }

    public Optional<PipelineSnapshot> snapshotOf(String pipelineName) {
        return Optional.ofNullable(snapshots.get(pipelineName));
    }

    private Predicate<PipelineEntry> predicate() {
        String[] words = search.get() == null || search.get().isBlank() ? new String[0]
                : search.get().strip().toLowerCase(Locale.ROOT).split("\\s+");
        StatusFilter status = statusFilter.get();
        boolean approvals = onlyWithApprovals.get();
        boolean disabled = onlyWithDisabledTransitions.get();
        return entry -> {
            PipelineRow row = entry.row();
            String name = row.name().toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (!name.contains(word)) {
                    return false;
                }
            }
            return status.accepts(row.headline())
                    && (!approvals || row.pendingApprovals() > 0)
                    && (!disabled || row.disabledTransitions() > 0);
        };
    }

    private Comparator<PipelineEntry> comparator() {
        Comparator<PipelineEntry> pinnedFirst = Comparator.comparing(entry -> !entry.isPinned());
        Comparator<PipelineEntry> byName = Comparator.comparing(PipelineEntry::name, String.CASE_INSENSITIVE_ORDER);
        Comparator<PipelineEntry> order = switch (sort.get()) {
            case NAME -> byName;
            case ATTENTION -> Comparator.comparingInt((PipelineEntry entry) -> attention(entry.row())).thenComparing(byName);
            case LAST_CHANGE -> Comparator.comparing((PipelineEntry entry) -> entry.row().lastChange(),
                    Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(byName);
        };
        return pinnedFirst.thenComparing(order);
    }

    /** Lower comes first: broken, then waiting for a person, then held or stopped, then running, then fine. */
    private static int attention(PipelineRow row) {
        if (row.headline().is(Status.Kind.FAILED) || row.problem() != null) {
            return 0;
        }
        if (row.pendingApprovals() > 0) {
            return 1;
        }
        if (row.disabledTransitions() > 0 || row.headline().is(Status.Kind.STOPPED)) {
            return 2;
        }
        return row.headline().is(Status.Kind.IN_PROGRESS) ? 3 : 4;
    }

    private String describeCount() {
        int total = entries.size();
        int shown = sorted.size();
        String plural = total == 1 ? ".one" : ".many";
        return shown == total ? Texts.get("board.count" + plural, number(total))
                : Texts.get("board.countOf" + plural, number(shown), number(total));
    }

    /** "1,000" in English, "1 000" in French. */
    private static String number(int n) {
        return Texts.number(n);
    }

    // ------------------------------------------------------------------ properties

    /** The entries to show, filtered and in order. */
    public ObservableList<PipelineEntry> visibleEntries() {
        return sorted;
    }

    /** Every entry, unfiltered, in the order the pipelines were listed. */
    public ObservableList<PipelineEntry> entries() {
        return readOnlyEntries;
    }

    /** The pipelines chosen together in the list, in the order they were chosen. */
    public ObservableList<String> chosenNames() {
        return readOnlyChosen;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<StatusFilter> statusFilterProperty() {
        return statusFilter;
    }

    public BooleanProperty onlyWithApprovalsProperty() {
        return onlyWithApprovals;
    }

    public BooleanProperty onlyWithDisabledTransitionsProperty() {
        return onlyWithDisabledTransitions;
    }

    public ObjectProperty<Sort> sortProperty() {
        return sort;
    }

    public BooleanBinding filtersActiveProperty() {
        return filtersActive;
    }

    /** "1,000 pipelines" or "12 of 1,000 pipelines". */
    public StringBinding summaryProperty() {
        return summary;
    }

    /** The name of the pipeline the user looks at; the view binds its selection to it. */
    public ObjectProperty<String> selectedNameProperty() {
        return selectedName;
    }

    public ReadOnlyObjectProperty<PipelineSnapshot> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The last failure that concerns what the user looks at, as a sentence; null when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Approvals waiting across all pipelines: shown in the window title. */
    public IntegerBinding waitingApprovalsProperty() {
        return waitingApprovals;
    }

    public ReadOnlyObjectProperty<Instant> lastUpdateProperty() {
        return lastUpdate.getReadOnlyProperty();
    }

    /** Whether push mode hears CodePipeline's events, so that changes show at once rather than at the next poll. */
    public ReadOnlyBooleanProperty pushModeProperty() {
        return pushMode.getReadOnlyProperty();
    }

    /** The board's clock, advanced by {@link #tick()}; rows re-read their ages when it moves. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** True when no pipeline has been heard of for longer than the staleness limit. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }
}
