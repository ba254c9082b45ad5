package dev.tollgate.ui.history;

import dev.tollgate.history.ExecutionImageCache;
import dev.tollgate.history.HistoryExport;
import dev.tollgate.history.HistoryReader;
import dev.tollgate.pipeline.ExecutionHistory;
import dev.tollgate.pipeline.ExecutionSummary;
import dev.tollgate.pipeline.HistoryFilter;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.release.ExecutionImages;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.ui.common.DialogService;
import dev.tollgate.ui.common.Texts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
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
import javafx.collections.transformation.SortedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execution history of the selected pipeline: a list that loads page after page as the approver scrolls,
 * filters that re-read it from the newest execution, the images of the rows on screen, and an audit export.
 * Opening one execution or comparing two hands over to {@link ExecutionDetailViewModel} and
 * {@link ComparisonViewModel}.
 *
 * <p>Every read runs in the background; a newer read (another pipeline, another filter) makes the answers of
 * older ones stale, and they are dropped when they arrive.
 */
public final class HistoryViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryViewModel.class);
    /** A page fills a tall window twice, and costs one ListPipelineExecutions and two or three ListActionExecutions. */
    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    /** Which part of the history tab shows. */
    public enum Page { LIST, DETAIL, COMPARE }

    /** A sentence about the last export, and how it went. */
    public record Notice(Kind kind, String message) {
        public enum Kind { DONE, NOTICE, FAILED }
    }

    /** One read of the list: its reader and whether it was called off. */
    private static final class Load {
        final HistoryReader reader;
        final AtomicBoolean cancelled = new AtomicBoolean();
        final long startedNanos = System.nanoTime();
        boolean firstPageShown;

        Load(HistoryReader reader) {
            this.reader = reader;
        }
    }

    private final ExecutionHistory history;
    private final ExecutionImageCache images;
    private final HistoryExport exporter;
    private final BackgroundTasks tasks;
    private final BackgroundTasks lookups;
    private final Executor uiThread;
    private final DialogService dialogs;
    private final Clock clock;
    private final ZoneId zone;
    private final ExecutionDetailViewModel detail;
    private final ComparisonViewModel comparison;

    private final ReadOnlyStringWrapper pipeline = new ReadOnlyStringWrapper(this, "pipeline");
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(this, "page", Page.LIST);
    private final ObjectProperty<StatusChoice> status = new SimpleObjectProperty<>(this, "status", StatusChoice.ANY);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> until = new SimpleObjectProperty<>(this, "until");
    private final BooleanProperty decidedOnly = new SimpleBooleanProperty(this, "decidedOnly");
    private final StringProperty approver = new SimpleStringProperty(this, "approver", "");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<HistorySort> sort = new SimpleObjectProperty<>(this, "sort", HistorySort.NEWEST);
    private final ReadOnlyStringWrapper filterProblem = new ReadOnlyStringWrapper(this, "filterProblem");

    private final ObservableList<HistoryRow> loaded = FXCollections.observableArrayList();
    private final SortedList<HistoryRow> rows = new SortedList<>(loaded);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper exhausted = new ReadOnlyBooleanWrapper(this, "exhausted");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyLongWrapper firstPageMillis = new ReadOnlyLongWrapper(this, "firstPageMillis", -1);
    private final StringBinding summaryLine;

    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private final ReadOnlyDoubleWrapper exportProgress = new ReadOnlyDoubleWrapper(this, "exportProgress");
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper(this, "exportMessage");
    private final ReadOnlyObjectWrapper<Notice> exportOutcome = new ReadOnlyObjectWrapper<>(this, "exportOutcome");

    private boolean active;
    private boolean refreshingHead;
    private String lastSeen;
    private boolean loadAll;
    private Load current;
    private HistoryFilter applied = HistoryFilter.ALL;
    private AtomicBoolean exportCancel;

    /**
     * @param tasks   reads of the list, details, comparisons and exports
     * @param lookups image lookups for rows on screen, kept apart so a fast scroll cannot hold up the next page
     */
    public HistoryViewModel(ExecutionHistory history, ExecutionImageCache images, BackgroundTasks tasks,
            BackgroundTasks lookups, Executor uiThread, DialogService dialogs, Clock clock) {
        this.history = Objects.requireNonNull(history);
        this.images = Objects.requireNonNull(images);
        this.tasks = Objects.requireNonNull(tasks);
        this.lookups = Objects.requireNonNull(lookups);
        this.uiThread = Objects.requireNonNull(uiThread);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.clock = Objects.requireNonNull(clock);
        this.zone = clock.getZone();
        this.exporter = new HistoryExport(history, images, clock);
        this.detail = new ExecutionDetailViewModel(history, images, tasks, clock);
        this.comparison = new ComparisonViewModel(history, images, tasks, clock);
        rows.comparatorProperty().bind(Bindings.createObjectBinding(() -> sort.get().comparator(clock.instant()), sort));
        for (Observable criterion : List.of(status, from, until, decidedOnly, approver, text)) {
            criterion.addListener(obs -> applyFilter());
        }
        summaryLine = Bindings.createStringBinding(this::describeList, loaded, loading, exhausted, sort, problem);
    }

    /**
     * Follows the selected pipeline as the poller sees it. When its newest execution or a stage's latest run
     * changes, the top of the list is read again and merged in, so a new execution appears without losing the
     * approver's place further down.
     */
    public void show(PipelineSnapshot snapshot) {
        String name = snapshot == null ? null : snapshot.name();
        String mark = snapshot == null ? null : fingerprint(snapshot);
        if (!Objects.equals(name, pipeline.get())) {
            lastSeen = mark;
            show(name);
            return;
        }
        if (!Objects.equals(mark, lastSeen)) {
            lastSeen = mark;
            refreshHead();
        }
    }

    /** Follows the pipeline selected in the window; the list is read when the history tab shows. */
    public void show(String pipelineName) {
        if (Objects.equals(pipelineName, pipeline.get())) {
            return;
        }
        pipeline.set(pipelineName);
        page.set(Page.LIST);
        clear();
        if (active) {
            reload();
        }
    }

    /** The history tab was shown (true) or hidden: nothing is read for a tab nobody looks at. */
    public void setActive(boolean shown) {
        active = shown;
        if (shown && current == null && pipeline.get() != null) {
            reload();
        }
    }

    /** Reads the list again from the newest execution, with the current filter. */
    public void reload() {
        cancelLoad();
        loaded.clear();
        problem.set(null);
        exhausted.set(false);
        loadAll = false;
        if (pipeline.get() == null || filterProblem.get() != null) {
            return;
        }
        current = new Load(new HistoryReader(history, pipeline.get(), applied, PAGE_SIZE));
        loadMore();
    }

    /** Reads the next page, unless one is being read or there is none. The view calls it near the bottom. */
    public void loadMore() {
        Load load = current;
        if (load == null || loading.get() || load.reader.isExhausted()) {
            return;
        }
        loading.set(true);
        tasks.submit(() -> load.reader.next(PAGE_SIZE, load.cancelled::get))
                .onSuccess(batch -> {
                    if (load != current) {
                        return;
                    }
                    loading.set(false);
                    Set<String> shown = new HashSet<>();
                    loaded.forEach(row -> shown.add(row.summary().executionId()));
                    loaded.addAll(batch.matches().stream().filter(s -> !shown.contains(s.executionId()))
                            .map(HistoryRow::new).toList());
                    exhausted.set(batch.exhausted());
                    if (!load.firstPageShown) {
                        load.firstPageShown = true;
                        firstPageMillis.set((System.nanoTime() - load.startedNanos) / 1_000_000);
                        LOG.info("History of {}: first {} executions in {} ms ({} scanned)", load.reader.pipelineName(),
                                batch.matches().size(), firstPageMillis.get(), batch.scanned());
                    }
                    if (loadAll) {
                        loadMore();
                    }
                })
                .onFailure(error -> {
                    if (load != current) {
                        return;
                    }
                    loading.set(false);
                    loadAll = false;
                    if (!(error instanceof CancellationException)) {
                        problem.set(messageOf(error));
                    }
                });
    }

    /** Reads the newest page again and merges it: new executions on top, changed ones updated in place. */
    void refreshHead() {
        Load load = current;
        if (!active || load == null || loading.get() || refreshingHead || loaded.isEmpty()) {
            return;
        }
        refreshingHead = true;
        HistoryReader head = new HistoryReader(history, load.reader.pipelineName(), applied, PAGE_SIZE);
        tasks.submit(() -> head.next(PAGE_SIZE, load.cancelled::get))
                .onSuccess(batch -> {
                    refreshingHead = false;
                    if (load == current && !loading.get()) {
                        merge(batch);
                    }
                })
                .onFailure(error -> refreshingHead = false);
    }

    private void merge(HistoryReader.Batch head) {
        Map<String, ExecutionSummary> fresh = new LinkedHashMap<>();
        head.matches().forEach(summary -> fresh.put(summary.executionId(), summary));
        Instant headEnd = head.exhausted() || head.matches().isEmpty() ? null
                : head.matches().get(head.matches().size() - 1).startTime();
        Instant loadedEnd = loaded.get(loaded.size() - 1).summary().startTime();
        Set<String> present = new HashSet<>();
        for (int i = loaded.size() - 1; i >= 0; i--) {
            HistoryRow row = loaded.get(i);
            ExecutionSummary now = fresh.get(row.summary().executionId());
            Instant started = row.summary().startTime();
            boolean inHead = headEnd == null || started == null || !started.isBefore(headEnd);
            if (now == null && inHead) {
                loaded.remove(i); // it no longer matches the filter
            } else if (now != null && !now.equals(row.summary())) {
                loaded.set(i, new HistoryRow(now));
            }
            if (now != null) {
                present.add(now.executionId());
            }
        }
        for (ExecutionSummary summary : head.matches()) {
            boolean withinLoaded = exhausted.get() || loadedEnd == null || summary.startTime() == null
                    || !summary.startTime().isBefore(loadedEnd);
            if (!present.contains(summary.executionId()) && withinLoaded) {
                int at = 0;
                while (at < loaded.size() && summary.startTime() != null && loaded.get(at).summary().startTime() != null
                        && loaded.get(at).summary().startTime().isAfter(summary.startTime())) {
                    at++;
                }
                loaded.add(at, new HistoryRow(summary));
            }
        }
    }

    /** What changes when an execution starts, moves on or ends. */
    private static String fingerprint(PipelineSnapshot snapshot) {
        StringBuilder mark = new StringBuilder();
        for (Stage stage : snapshot.stages()) {
            mark.append(stage.name()).append('=')
                    .append(stage.latest().map(run -> run.pipelineExecutionId() + ":" + run.status().wireValue()).orElse(""))
                    .append('/').append(stage.heldExecutionId().orElse("")).append(';');
        }
        return mark.toString();
    }

    /** Reads on to the end: for an oldest-first or by-duration order over the whole history. */
    public void loadAll() {
        loadAll = true;
        loadMore();
    }

    /** Looks up the images of a row that came into view, once. */
    public void requestImages(HistoryRow row) {
        if (!row.requestImages()) {
            return;
        }
        ExecutionSummary summary = row.summary();
        Optional<ExecutionImages> known = images.cached(summary.execution().pipelineName(), summary.executionId());
        if (known.isPresent()) {
            row.setImages(known.get());
            return;
        }
        lookups.submit(() -> images.imagesOf(summary.execution()))
                .onSuccess(row::setImages)
                .onFailure(error -> row.setImages(ExecutionImages.failed(summary.execution().pipelineName(),
                        summary.executionId(), Optional.empty(), messageOf(error))));
    }

    public void open(HistoryRow row) {
        if (row == null) {
            return;
        }
        detail.open(row.summary());
        page.set(Page.DETAIL);
    }

    /** Compares two executions; needs exactly two. */
    public void compare(List<HistoryRow> selected) {
        if (selected.size() != 2) {
            return;
        }
        comparison.compare(selected.get(0).summary(), selected.get(1).summary());
        page.set(Page.COMPARE);
    }

    /** Back from a detail or comparison to the list, which kept its rows and scroll position. */
    public void back() {
        page.set(Page.LIST);
    }

    /** Clears every criterion; the list is read once, not once per criterion. */
    public void clearFilter() {
        HistoryFilter before = applied;
        applied = null;
        status.set(StatusChoice.ANY);
        from.set(null);
        until.set(null);
        decidedOnly.set(false);
        approver.set("");
        text.set("");
        applied = before;
        applyFilter();
    }

    /** Asks where to save, then exports the filtered history there. */
    public void export() {
        if (pipeline.get() == null || exporting.get()) {
            return;
        }
        String suggested = pipeline.get() + "-history-" + FILE_DATE.format(clock.instant().atZone(zone)) + ".csv";
        List<DialogService.FileType> types = List.of(
                new DialogService.FileType(Texts.get("history.export.csv"), "csv"),
                new DialogService.FileType(Texts.get("history.export.json"), "json"));
        dialogs.chooseSaveFile(Texts.get("history.export.title", pipeline.get()), suggested, types)
                .ifPresent(this::exportTo);
    }

    /** Exports the filtered history with approvals and images to the file (CSV, or JSON by its extension). */
    public void exportTo(Path file) {
        String pipelineName = pipeline.get();
        if (pipelineName == null || exporting.get() || filterProblem.get() != null) {
            return;
        }
        AtomicBoolean cancel = new AtomicBoolean();
        exportCancel = cancel;
        exporting.set(true);
        exportProgress.set(-1);
        exportMessage.set(Texts.get("history.export.starting"));
        exportOutcome.set(null);
        HistoryFilter filter = applied;
        tasks.submit(() -> exporter.export(pipelineName, filter, file,
                        (step, fraction) -> uiThread.execute(() -> {
                            if (cancel == exportCancel && exporting.get()) {
                                exportMessage.set(describe(step));
                                exportProgress.set(fraction);
                            }
                        }),
                        cancel::get))
                .onSuccess(result -> {
                    exporting.set(false);
                    exportOutcome.set(new Notice(Notice.Kind.DONE, Texts.get(result.executions() == 1
                            ? "history.export.done.one" : "history.export.done.many", count(result.executions()),
                            file.toAbsolutePath())));
                    LOG.info("Exported the history of {} ({}) to {}", pipelineName, filter.describe(), file);
                })
                .onFailure(error -> {
                    exporting.set(false);
                    exportOutcome.set(error instanceof CancellationException
                            ? new Notice(Notice.Kind.NOTICE, Texts.get("history.export.cancelled"))
                            : new Notice(Notice.Kind.FAILED, Texts.get("history.export.failed", messageOf(error))));
                });
    }

    /** Stops the export at the next execution; nothing is written. */
    public void cancelExport() {
        AtomicBoolean cancel = exportCancel;
        if (cancel != null && exporting.get()) {
            cancel.set(true);
            exportMessage.set(Texts.get("history.export.cancelling"));
        }
    }

    private void applyFilter() {
        if (applied == null) {
            return; // clearFilter is resetting several criteria
        }
        Optional<Instant> start = Optional.ofNullable(from.get()).map(day -> day.atStartOfDay(zone).toInstant());
        // "Until" names the last day shown, so the range ends when the next day begins.
        Optional<Instant> end = Optional.ofNullable(until.get()).map(day -> day.plusDays(1).atStartOfDay(zone).toInstant());
        if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
            filterProblem.set(Texts.get("history.rangeBackwards"));
            cancelLoad();
            loaded.clear();
            return;
        }
        filterProblem.set(null);
        HistoryFilter next = new HistoryFilter(status.get().kinds(), start, end, decidedOnly.get(), approver.get(), text.get());
        if (next.equals(applied) && current != null) {
            return;
        }
        applied = next;
        if (active || current != null) {
            reload();
        }
    }

    private void clear() {
        cancelLoad();
        loaded.clear();
        problem.set(null);
        exhausted.set(false);
    }

    private void cancelLoad() {
        if (current != null) {
            current.cancelled.set(true);
        }
        current = null;
        loading.set(false);
    }

    private String describeList() {
        if (problem.get() != null) {
            return problem.get();
        }
        int count = loaded.size();
        boolean filtered = applied.isActive();
        if (loading.get() && count == 0) {
            return Texts.get(filtered ? "history.summary.searching" : "history.summary.loading");
        }
        String matching = filtered ? "Matching" : "";
        String plural = count == 1 ? ".one" : ".many";
        if (exhausted.get()) {
            return count == 0 ? Texts.get(filtered ? "history.summary.noMatch" : "history.summary.neverRan")
                    : Texts.get("history.summary.all" + matching + plural, count(count));
        }
        String shown = Texts.get("history.summary.some" + matching + plural, count(count));
        if (loading.get()) {
            return Texts.get("history.summary.loadingOlder", shown);
        }
        return Texts.get(sort.get() == HistorySort.NEWEST ? "history.summary.scroll" : "history.summary.sortedLoaded", shown);
    }

    private static String count(int n) {
        return Texts.number(n);
    }

    /** The export's progress line in the user's words. */
    private static String describe(HistoryExport.Step step) {
        return switch (step.kind()) {
            case FINDING -> Texts.get("history.export.finding", count(step.done()));
            case READING_IMAGES -> Texts.get("history.export.readingImages", count(step.done()), count(step.total()));
            case WRITING -> Texts.get("history.export.writing", step.fileName());
        };
    }

    static String messageOf(Throwable error) {
        return Texts.problemOf(error);
    }

    public ExecutionDetailViewModel detail() {
        return detail;
    }

    public ComparisonViewModel comparison() {
        return comparison;
    }

    public ReadOnlyStringProperty pipelineProperty() {
        return pipeline.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    /** The rows in the chosen order; read-only. */
    public ObservableList<HistoryRow> rows() {
        return rows;
    }

    public ObjectProperty<StatusChoice> statusProperty() {
        return status;
    }

    /** First day shown (inclusive), in the window's time zone. */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** Last day shown (inclusive), in the window's time zone. */
    public ObjectProperty<LocalDate> untilProperty() {
        return until;
    }

    public BooleanProperty decidedOnlyProperty() {
        return decidedOnly;
    }

    public StringProperty approverProperty() {
        return approver;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<HistorySort> sortProperty() {
        return sort;
    }

    /** Why the filter cannot be applied, or null. */
    public ReadOnlyStringProperty filterProblemProperty() {
        return filterProblem.getReadOnlyProperty();
    }

    /** The filter the list shows. */
    public HistoryFilter appliedFilter() {
        return applied;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exhaustedProperty() {
        return exhausted.getReadOnlyProperty();
    }

    /** Why the list could not be read, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** How long the last reload took to show its first page, in ms; -1 before any. */
    public ReadOnlyLongProperty firstPageMillisProperty() {
        return firstPageMillis.getReadOnlyProperty();
    }

    /** "50 executions · scroll for older ones". */
    public StringBinding summaryLineProperty() {
        return summaryLine;
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** 0..1, negative while the total is unknown. */
    public ReadOnlyDoubleProperty exportProgressProperty() {
        return exportProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportMessageProperty() {
        return exportMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> exportOutcomeProperty() {
        return exportOutcome.getReadOnlyProperty();
    }
}
