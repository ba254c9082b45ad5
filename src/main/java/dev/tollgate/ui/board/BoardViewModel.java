package dev.tollgate.ui.board;

import dev.tollgate.identity.ConnectionId;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
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
 * Every pipeline of every watched connection, searchable, filterable, sortable, with pinned ones on top, and
 * the snapshot of the selected one. Each connection's watcher feeds its own group ({@link #watch}); every
 * update is applied on the UI thread to the pipeline's own entry, so the list keeps its selection and scroll
 * position. A pipeline whose polls fail, or that has not been heard of for a while, is marked stale rather
 * than shown as if current; a connection that fails as a whole says so in its group's header, and only there.
 * With one connection the list has no headers, as before there could be several.
 */
public final class BoardViewModel {

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

    private static final Observable[] NOTHING_TO_OBSERVE = new Observable[0];

    private final Executor uiThread;
    private final Clock clock;
    /** How long a row may go without a successful poll, by how many pipelines its connection has. */
    private final IntFunction<Duration> staleAfter;
    private final FavouritesStore favourites;

    private final Map<ConnectionId, ConnectionGroup> groupsById = new LinkedHashMap<>();
    private final ObservableList<ConnectionGroup> groups = FXCollections.observableArrayList();
    private int groupsEverAdded;
    // The extractor turns a changed row or pin into an "updated" change: filter and order follow it in place.
    private final ObservableList<BoardItem> items = FXCollections.observableArrayList(
            item -> item instanceof PipelineEntry entry
                    ? new Observable[] {entry.rowProperty(), entry.pinnedProperty()} : NOTHING_TO_OBSERVE);
    private final ObservableList<PipelineEntry> entries = FXCollections.observableArrayList(
            entry -> new Observable[] {entry.rowProperty(), entry.pinnedProperty()});
    private final FilteredList<BoardItem> filtered = new FilteredList<>(items);
    private final SortedList<BoardItem> sorted = new SortedList<>(filtered);
    private final ObservableList<PipelineEntry> sortedEntries = onlyEntries(sorted);
    private final ObservableList<PipelineKey> chosen = FXCollections.observableArrayList();
    // Made once: an unmodifiable view listens to its source weakly, so a view made per call can stop updating.
    private final ObservableList<PipelineEntry> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);
    private final ObservableList<PipelineKey> readOnlyChosen = FXCollections.unmodifiableObservableList(chosen);
    private final ObservableList<ConnectionGroup> readOnlyGroups = FXCollections.unmodifiableObservableList(groups);

    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<StatusFilter> statusFilter = new SimpleObjectProperty<>(this, "statusFilter", StatusFilter.ANY);
    private final BooleanProperty onlyWithApprovals = new SimpleBooleanProperty(this, "onlyWithApprovals");
    private final BooleanProperty onlyWithDisabledTransitions = new SimpleBooleanProperty(this, "onlyWithDisabledTransitions");
    private final ObjectProperty<Sort> sort = new SimpleObjectProperty<>(this, "sort", Sort.NAME);

    private final ObjectProperty<PipelineKey> selectedKey = new SimpleObjectProperty<>(this, "selectedKey");
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
    // On the entries without headers: the list of all lines tells its listeners before that one has caught up.
    private final StringBinding summary = Bindings.createStringBinding(this::describeCount, sortedEntries, entries);

    /** A board with the system clock, nothing pinned beyond this run, and the default staleness. */
    public BoardViewModel(Executor uiThread) {
        this(uiThread, Clock.systemUTC(), DEFAULT_STALE_AFTER, FavouritesStore.inMemory());
    }

    /**
     * @param staleAfter how long without a successful poll before a pipeline is marked stale
     * @param favourites the pinned pipelines, kept per connection key
     */
    public BoardViewModel(Executor uiThread, Clock clock, Duration staleAfter, FavouritesStore favourites) {
        this(uiThread, clock, sameForAnySize(staleAfter), favourites);
    }

    private static IntFunction<Duration> sameForAnySize(Duration staleAfter) {
        Objects.requireNonNull(staleAfter);
        return pipelines -> staleAfter;
    }

    /**
     * @param staleAfter how long without a successful poll before a pipeline is marked stale, for a connection
     *                   of so many pipelines (with that one's budget, the watcher asks a large account's idle
     *                   pipelines less often); with none, how long before the whole board is
     * @param favourites the pinned pipelines, kept per connection key
     */
    public BoardViewModel(Executor uiThread, Clock clock, IntFunction<Duration> staleAfter, FavouritesStore favourites) {
        this.uiThread = Objects.requireNonNull(uiThread);
        this.clock = Objects.requireNonNull(clock);
        this.staleAfter = Objects.requireNonNull(staleAfter);
        this.favourites = Objects.requireNonNull(favourites);
        this.now = new ReadOnlyObjectWrapper<>(this, "now", clock.instant());
        selectedKey.addListener((obs, old, key) -> {
            selected.set(key == null ? null : snapshotOf(key).orElse(null));
            refreshProblem();
        });
        filtered.predicateProperty().bind(Bindings.createObjectBinding(this::predicate,
                search, statusFilter, onlyWithApprovals, onlyWithDisabledTransitions, groups));
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(this::comparator, sort));
    }

    // ------------------------------------------------------------------ connections

    /**
     * Adds a connection's group and returns what its watcher reports to; callable from any thread. Reports of
     * a connection that was {@linkplain #forget forgotten} since are dropped.
     *
     * @param canSignInAgain whether the app can sign the connection in again when its credentials expire
     */
    public ConnectionFeed watch(ConnectionId connection, boolean canSignInAgain) {
        Objects.requireNonNull(connection);
        ConnectionFeed feed = new ConnectionFeed(connection, canSignInAgain);
        uiThread.execute(feed::join);
        return feed;
    }

    /** Takes a connection's group and pipelines off the board (it is no longer watched); any thread. */
    public void forget(ConnectionId connection) {
        uiThread.execute(() -> {
            ConnectionGroup group = groupsById.remove(connection);
            if (group == null) {
                return;
            }
            items.removeIf(item -> item.group() == group);
            entries.removeIf(entry -> entry.group() == group);
            chosen.removeIf(key -> key.connection().equals(connection));
            groups.remove(group);
            PipelineKey shown = selectedKey.get();
            if (shown != null && shown.connection().equals(connection)) {
                selectedKey.set(sortedEntries.isEmpty() ? null : sortedEntries.get(0).key());
            }
            lastUpdate.set(groups.stream().map(ConnectionGroup::lastUpdate).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null));
            refreshPushMode();
            refreshProblem();
        });
    }

    /** Who the approver is on a connection, for its header: "alice · Approver · 123456789012". UI thread. */
    public void describe(ConnectionId connection, String identity) {
        ConnectionGroup group = groupsById.get(connection);
        if (group != null) {
            group.describe(identity);
        }
    }

    /** What one connection's watcher reports, tagged with its group and handed over to the UI thread. */
    public final class ConnectionFeed implements WatchListener {
        private final ConnectionGroup group;

        private ConnectionFeed(ConnectionId connection, boolean canSignInAgain) {
            this.group = new ConnectionGroup(connection, canSignInAgain, entries);
        }

        /** The connection's pipelines chosen on the board, for its change freeze. */
        public ChosenPipelines chosen() {
            return group;
        }

        void join() {
            ConnectionGroup existing = groupsById.get(group.connection());
            if (existing != null) {
                throw new IllegalStateException(group.connection() + " is already on the board");
            }
            groupsById.put(group.connection(), group);
            group.order(groupsEverAdded++);
            groups.add(group);
            items.add(group);
        }

        private boolean current() {
            return groupsById.get(group.connection()) == group;
        }

        @Override
        public void pipelinesListed(List<PipelineSummary> pipelines) {
            uiThread.execute(() -> {
                if (current()) {
                    applyListing(group, pipelines);
                }
            });
        }

        @Override
        public void snapshotTaken(PipelineSnapshot snapshot) {
            uiThread.execute(() -> {
                if (current()) {
                    applySnapshot(group, snapshot);
                }
            });
        }

        @Override
        public void pollFailed(String pipelineName, GatewayException error) {
            uiThread.execute(() -> {
                if (current()) {
                    applyFailure(group, pipelineName, error);
                }
            });
        }

        @Override
        public void pushModeChanged(boolean listening) {
            uiThread.execute(() -> {
                if (current()) {
                    group.pushMode(listening);
                    refreshPushMode();
                }
            });
        }
    }

    /** Push mode is said for the board as a whole: while any connection hears events, changes arrive live. */
    private void refreshPushMode() {
        pushMode.set(groups.stream().anyMatch(ConnectionGroup::pushMode));
    }

    private void applyListing(ConnectionGroup group, List<PipelineSummary> pipelines) {
        Set<String> listed = new HashSet<>();
        Set<String> pinned = favourites.pinned(group.connection().key());
        List<PipelineEntry> added = new ArrayList<>();
        for (PipelineSummary pipeline : pipelines) {
            listed.add(pipeline.name());
            if (!group.byName.containsKey(pipeline.name())) {
                PipelineEntry entry = new PipelineEntry(group, PipelineRow.unknown(pipeline.name()),
                        pinned.contains(pipeline.name()));
                group.byName.put(entry.name(), entry);
                added.add(entry);
            }
        }
        // One change for all new pipelines: the sorted list places them in one pass, not one pass each.
        items.addAll(added);
        entries.addAll(added);
        if (group.byName.size() > listed.size()) {
            group.byName.values().stream().filter(entry -> !listed.contains(entry.name())).forEach(group::removed);
            items.removeIf(item -> item instanceof PipelineEntry entry && entry.group() == group && !listed.contains(entry.name()));
            entries.removeIf(entry -> entry.group() == group && !listed.contains(entry.name()));
            group.byName.keySet().retainAll(listed);
            group.snapshots.keySet().retainAll(listed);
            group.chosen.retainAll(listed);
            chosen.removeIf(key -> key.connection().equals(group.connection()) && !listed.contains(key.name()));
        }
        group.listed();
        if (selectedKey.get() == null && !sortedEntries.isEmpty()) {
            selectedKey.set(sortedEntries.get(0).key());
        }
        refreshProblem();
    }

    private void applySnapshot(ConnectionGroup group, PipelineSnapshot snapshot) {
        group.snapshots.put(snapshot.name(), snapshot);
        PipelineEntry entry = group.byName.get(snapshot.name());
        boolean hadProblem = entry != null && entry.row().problem() != null;
        if (entry == null) {
            // A refresh after a command can overtake the listing that would have added the pipeline.
            entry = new PipelineEntry(group, PipelineRow.of(snapshot),
                    favourites.pinned(group.connection().key()).contains(snapshot.name()));
            group.byName.put(entry.name(), entry);
            items.add(entry);
            entries.add(entry);
        } else {
            entry.update(PipelineRow.of(snapshot));
        }
        entry.fetched(snapshot.fetchedAt());
        group.snapshotTaken(snapshot.fetchedAt(), hadProblem);
        if (entry.key().equals(selectedKey.get())) {
            selected.set(snapshot);
        }
        lastUpdate.set(snapshot.fetchedAt());
        refreshProblem();
    }

    private void applyFailure(ConnectionGroup group, String pipelineName, GatewayException error) {
        if (pipelineName == null) {
            group.listingFailed(error);
            refreshProblem();
            return;
        }
        PipelineEntry entry = group.byName.get(pipelineName);
        if (entry != null) {
            boolean hadProblem = entry.row().problem() != null;
            entry.update(entry.row().failing(error.getMessage()));
            group.pollFailed(error, hadProblem);
        }
        refreshProblem();
    }

    /**
     * The status line speaks of what the approver looks at: the selected pipeline's failure, else its
     * connection's. With one connection and nothing selected, that connection's. Other connections' trouble
     * stays in their own headers.
     */
    private void refreshProblem() {
        PipelineKey key = selectedKey.get();
        ConnectionGroup group = key != null ? groupsById.get(key.connection()) : groups.size() == 1 ? groups.get(0) : null;
        String text = null;
        if (key != null && group != null) {
            PipelineEntry entry = group.byName.get(key.name());
            text = entry == null ? null : entry.row().problem();
        }
        if (text == null && group != null) {
            text = group.problemProperty().get();
        }
        problem.set(text);
    }

    // ------------------------------------------------------------------ what the approver does

    /** Pins or unpins: pinned pipelines stay on top of their group in every order, and across restarts. */
    public void togglePinned(PipelineKey key) {
        ConnectionGroup group = groupsById.get(key.connection());
        PipelineEntry entry = group == null ? null : group.byName.get(key.name());
        if (entry == null) {
            return;
        }
        boolean pin = !entry.isPinned();
        entry.pin(pin);
        favourites.setPinned(key.connection().key(), key.name(), pin);
    }

    public void clearFilters() {
        search.set("");
        statusFilter.set(StatusFilter.ANY);
        onlyWithApprovals.set(false);
        onlyWithDisabledTransitions.set(false);
    }

    /** The pipelines chosen together in the list (for a change freeze); the view keeps it in step. */
    public void choose(List<PipelineKey> pipelines) {
        List<PipelineKey> known = pipelines.stream().filter(key -> entryOf(key).isPresent()).distinct().toList();
        if (!known.equals(chosen)) {
            chosen.setAll(known);
        }
        for (ConnectionGroup group : groups) {
            List<String> names = known.stream().filter(key -> key.connection().equals(group.connection()))
                    .map(PipelineKey::name).toList();
            if (!names.equals(group.chosen)) {
                group.chosen.setAll(names);
            }
        }
    }

    /** Ages the "updated … ago" texts and re-checks staleness; the view calls it every second. */
    public void tick() {
        Instant at = clock.instant();
        now.set(at);
        Instant last = lastUpdate.get();
        // No snapshot at all from any pipeline for that long: the threshold of an account of any size.
        Duration nothingFor = staleAfter.apply(0);
        stale.set(last != null && Duration.between(last, at).compareTo(nothingFor) > 0);
        for (ConnectionGroup group : groups) {
            group.tick(at, nothingFor);
        }
    }

    // ------------------------------------------------------------------ reading

    /** Whether the row may be out of date: its last poll failed, or none succeeded for a while. */
    public boolean isStale(PipelineEntry entry) {
        if (entry.row().problem() != null) {
            return true;
        }
        Instant fetched = entry.fetchedAt();
        return fetched != null
                && Duration.between(fetched, now.get()).compareTo(staleAfter.apply(entry.group().pipelineCount())) > 0;
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

    public Optional<PipelineSnapshot> snapshotOf(PipelineKey key) {
        return Optional.ofNullable(groupsById.get(key.connection())).flatMap(group -> group.snapshotOf(key.name()));
    }

    public Optional<PipelineEntry> entryOf(PipelineKey key) {
        return Optional.ofNullable(groupsById.get(key.connection())).map(group -> group.byName.get(key.name()));
    }

    /** One connection's group: its pipelines chosen for a change freeze, its health; empty when not watched. */
    public Optional<ConnectionGroup> group(ConnectionId connection) {
        return Optional.ofNullable(groupsById.get(connection));
    }

    private Predicate<BoardItem> predicate() {
        Predicate<PipelineEntry> entries = entryPredicate();
        // A header is worth its line only when there is more than one connection to tell apart.
        boolean headers = groups.size() > 1;
        return item -> item instanceof PipelineEntry entry ? entries.test(entry) : headers;
    }

    private Predicate<PipelineEntry> entryPredicate() {
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

    private Comparator<BoardItem> comparator() {
        Comparator<PipelineEntry> pinnedFirst = Comparator.comparing(entry -> !entry.isPinned());
        Comparator<PipelineEntry> byName = Comparator.comparing(PipelineEntry::name, String.CASE_INSENSITIVE_ORDER);
        Comparator<PipelineEntry> order = switch (sort.get()) {
            case NAME -> byName;
            case ATTENTION -> Comparator.comparingInt((PipelineEntry entry) -> attention(entry.row())).thenComparing(byName);
            case LAST_CHANGE -> Comparator.comparing((PipelineEntry entry) -> entry.row().lastChange(),
                    Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(byName);
        };
        Comparator<PipelineEntry> within = pinnedFirst.thenComparing(order);
        // Connections in the order they were added, each header above its own pipelines.
        return (a, b) -> {
            int byGroup = Integer.compare(a.group().order(), b.group().order());
            if (byGroup != 0) {
                return byGroup;
            }
            if (a instanceof PipelineEntry x && b instanceof PipelineEntry y) {
                return within.compare(x, y);
            }
            return Boolean.compare(a instanceof PipelineEntry, b instanceof PipelineEntry);
        };
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
        int shown = sortedEntries.size();
        String plural = total == 1 ? ".one" : ".many";
        return shown == total ? Texts.get("board.count" + plural, number(total))
                : Texts.get("board.countOf" + plural, number(shown), number(total));
    }

    /** "1,000" in English, "1 000" in French. */
    private static String number(int n) {
        return Texts.number(n);
    }

    // ------------------------------------------------------------------ properties

    /** The lines to show, filtered and in order: with several connections, each group under its header. */
    public ObservableList<BoardItem> visibleItems() {
        return sorted;
    }

    /** The pipelines to show, filtered and in order, without the headers. */
    public ObservableList<PipelineEntry> visibleEntries() {
        return sortedEntries;
    }

    /** The watched connections' groups, in the order they were added. */
    public ObservableList<ConnectionGroup> groups() {
        return readOnlyGroups;
    }

    /** Every entry, unfiltered, in the order the pipelines were listed. */
    public ObservableList<PipelineEntry> entries() {
        return readOnlyEntries;
    }

    /** The pipelines chosen together in the list, in the order they were chosen. */
    public ObservableList<PipelineKey> chosen() {
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

    /** The pipeline the user looks at; the view binds its selection to it. */
    public ObjectProperty<PipelineKey> selectedKeyProperty() {
        return selectedKey;
    }

    /** Shows a pipeline: {@code select(connection, name)} is {@code selectedKeyProperty().set(...)}. */
    public void select(ConnectionId connection, String pipelineName) {
        selectedKey.set(new PipelineKey(connection, pipelineName));
    }

    public ReadOnlyObjectProperty<PipelineSnapshot> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The last failure that concerns what the user looks at, as a sentence; null when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Approvals waiting across all pipelines of every connection: shown in the window title. */
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

    /**
     * The entries of a list of items, as a list of entries. The filter lets only entries through, so the
     * unchecked view is safe; it saves copying a thousand entries on every change.
     */
    @SuppressWarnings("unchecked")
    private static ObservableList<PipelineEntry> onlyEntries(ObservableList<BoardItem> items) {
        ObservableList<? extends BoardItem> only = new FilteredList<>(items, item -> item instanceof PipelineEntry);
        return (ObservableList<PipelineEntry>) only;
    }
}
