package dev.tollgate.ui.history;

import dev.tollgate.pipeline.ApprovalOutcome;
import dev.tollgate.pipeline.ExecutionSummary;
import dev.tollgate.release.ReleaseImage;
import dev.tollgate.ui.common.StatusLook;
import dev.tollgate.ui.common.Texts;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The History tab: filters above a table of executions that loads older pages as the approver scrolls, with
 * the approval and image of each; a row opens the execution's detail, two rows compare, and the filtered
 * history exports as an audit trail. Binds to {@link HistoryViewModel}; holds no logic.
 */
public final class HistoryView extends StackPane {

    /** Rows from the end at which the next page is asked for, so scrolling rarely waits. */
    private static final int PREFETCH_ROWS = 15;
    // Widths that fit a 1280-pixel window beside the pipeline list without a horizontal scroll bar.
    private static final double STATUS_WIDTH = 110;
    private static final double STARTED_WIDTH = 106;
    private static final double DURATION_WIDTH = 88;
    private static final double APPROVAL_WIDTH = 140;
    private static final double IMAGE_WIDTH = 74;
    // Wide enough for "Déclencheur" as well as "Trigger"; the commit column gives way.
    private static final double TRIGGER_WIDTH = 104;
    private static final double ID_WIDTH = 84;

    private final HistoryViewModel viewModel;
    private final HistoryFormat format;
    private final TableView<HistoryRow> table = new TableView<>();

    public HistoryView(HistoryViewModel viewModel, ZoneId zone, Consumer<String> openLink) {
        this.viewModel = viewModel;
        this.format = new HistoryFormat(zone);
        setId("historyView");
        getStyleClass().add("history-view");

        VBox list = listPage();
        ExecutionDetailView detail = new ExecutionDetailView(viewModel.detail(), format, viewModel::back, openLink);
        ComparisonView comparison = new ComparisonView(viewModel.comparison(), format, viewModel::back);
        list.visibleProperty().bind(viewModel.pageProperty().isEqualTo(HistoryViewModel.Page.LIST));
        detail.visibleProperty().bind(viewModel.pageProperty().isEqualTo(HistoryViewModel.Page.DETAIL));
        comparison.visibleProperty().bind(viewModel.pageProperty().isEqualTo(HistoryViewModel.Page.COMPARE));
        getChildren().addAll(list, detail, comparison);
        // Escape leaves a detail or comparison the way the back button does.
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && viewModel.pageProperty().get() != HistoryViewModel.Page.LIST) {
                viewModel.back();
                event.consume();
            }
        });
    }

    private VBox listPage() {
        Label problem = new Label();
        problem.setId("historyFilterProblem");
        problem.getStyleClass().add("field-problem");
        problem.textProperty().bind(viewModel.filterProblemProperty());
        problem.visibleProperty().bind(viewModel.filterProblemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox page = new VBox(8, filterBar(), actionBar(), problem, exportBar(), table);
        page.setPadding(new Insets(10, 12, 10, 12));
        page.getStyleClass().add("history-list");
        return page;
    }

    private HBox filterBar() {
        ComboBox<StatusChoice> status = new ComboBox<>();
        status.setId("historyStatus");
        status.getItems().setAll(StatusChoice.values());
        status.valueProperty().bindBidirectional(viewModel.statusProperty());
        // As wide as its longest choice, in whichever language: never "Tous les s…".
        status.setMinWidth(Region.USE_PREF_SIZE);

        DatePicker from = new DatePicker();
        from.setId("historyFrom");
        from.setPromptText(Texts.get("history.from"));
        from.setPrefWidth(128);
        from.valueProperty().bindBidirectional(viewModel.fromProperty());
        DatePicker until = new DatePicker();
        until.setId("historyUntil");
        until.setPromptText(Texts.get("history.until"));
        until.setPrefWidth(128);
        until.valueProperty().bindBidirectional(viewModel.untilProperty());

        TextField approver = debounced(new TextField(), viewModel.approverProperty());
        approver.setId("historyApprover");
        approver.setPromptText(Texts.get("history.approver"));
        approver.setPrefWidth(120);
        TextField text = debounced(new TextField(), viewModel.textProperty());
        text.setId("historyText");
        text.setPromptText(Texts.get("history.search"));
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(140);

        CheckBox decided = new CheckBox(Texts.get("history.decided"));
        decided.setId("historyDecidedOnly");
        decided.setTooltip(new Tooltip(Texts.get("history.decided.tooltip")));
        decided.selectedProperty().bindBidirectional(viewModel.decidedOnlyProperty());
        decided.setMinWidth(Region.USE_PREF_SIZE); // the search field gives way first

        Button clear = new Button(null, new FontIcon(Feather.X));
        clear.setId("historyClearFilter");
        clear.getStyleClass().add("flat");
        clear.setTooltip(new Tooltip(Texts.get("history.clearFilters")));
        clear.setOnAction(event -> {
            approver.clear();
            text.clear();
            viewModel.clearFilter();
        });

        HBox bar = new HBox(8, new FontIcon(Feather.FILTER), status, from, until, approver, text, decided, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("history-filters");
        return bar;
    }

    /** Typing shows at once in the field but reaches the view model after a pause, so AWS is asked once per word. */
    private static TextField debounced(TextField field, StringProperty target) {
        field.setText(target.get());
        PauseTransition pause = new PauseTransition(Duration.millis(350));
        pause.setOnFinished(event -> target.set(field.getText()));
        field.textProperty().addListener((obs, old, text) -> pause.playFromStart());
        field.setOnAction(event -> {
            pause.stop();
            target.set(field.getText());
        });
        target.addListener((obs, old, value) -> {
            if (!value.equals(field.getText())) {
                field.setText(value);
            }
        });
        return field;
    }

    private HBox actionBar() {
        Label pipeline = new Label();
        pipeline.setId("historyPipeline");
        pipeline.getStyleClass().add("history-pipeline");
        pipeline.textProperty().bind(viewModel.pipelineProperty());
        Label summary = new Label();
        summary.setId("historySummary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(viewModel.summaryLineProperty());
        summary.setMinWidth(0);
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(16, 16);
        loading.visibleProperty().bind(viewModel.loadingProperty());
        Hyperlink loadAll = new Hyperlink(Texts.get("history.loadAll"));
        loadAll.setId("historyLoadAll");
        loadAll.visibleProperty().bind(viewModel.exhaustedProperty().not().and(viewModel.loadingProperty().not())
                .and(viewModel.sortProperty().isNotEqualTo(HistorySort.NEWEST)));
        loadAll.managedProperty().bind(loadAll.visibleProperty());
        loadAll.setOnAction(event -> viewModel.loadAll());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ComboBox<HistorySort> sort = new ComboBox<>();
        sort.setId("historySort");
        sort.getItems().setAll(HistorySort.values());
        sort.valueProperty().bindBidirectional(viewModel.sortProperty());

        Button open = new Button(Texts.get("history.open"), new FontIcon(Feather.MAXIMIZE_2));
        open.setId("historyOpenButton");
        open.disableProperty().bind(Bindings.size(table.getSelectionModel().getSelectedItems()).isNotEqualTo(1));
        open.setOnAction(event -> viewModel.open(table.getSelectionModel().getSelectedItem()));
        Button compare = new Button(Texts.get("history.compare"), new FontIcon(Feather.COLUMNS));
        compare.setId("historyCompareButton");
        compare.setTooltip(new Tooltip(Texts.get("history.compare.tooltip")));
        compare.disableProperty().bind(Bindings.size(table.getSelectionModel().getSelectedItems()).isNotEqualTo(2));
        compare.setOnAction(event -> viewModel.compare(List.copyOf(table.getSelectionModel().getSelectedItems())));
        Button export = new Button(Texts.get("history.export"), new FontIcon(Feather.DOWNLOAD));
        export.setId("historyExportButton");
        export.setTooltip(new Tooltip(Texts.get("history.export.tooltip")));
        export.disableProperty().bind(viewModel.exportingProperty().or(viewModel.pipelineProperty().isNull()));
        export.setOnAction(event -> viewModel.export());
        Button reload = new Button(null, new FontIcon(Feather.REFRESH_CW));
        reload.setId("historyReload");
        reload.setTooltip(new Tooltip(Texts.get("history.reload")));
        reload.setOnAction(event -> viewModel.reload());

        HBox bar = new HBox(8, pipeline, summary, loading, loadAll, spacer, sort, open, compare, export, reload);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private HBox exportBar() {
        ProgressBar progress = new ProgressBar();
        progress.setId("exportProgress");
        progress.setPrefWidth(180);
        progress.progressProperty().bind(viewModel.exportProgressProperty());
        Label message = new Label();
        message.setId("exportMessage");
        message.textProperty().bind(viewModel.exportMessageProperty());
        Button cancel = new Button(Texts.get("common.cancel"));
        cancel.setId("exportCancel");
        cancel.setOnAction(event -> viewModel.cancelExport());
        HBox running = new HBox(10, new FontIcon(Feather.DOWNLOAD), progress, message, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(viewModel.exportingProperty());
        running.managedProperty().bind(running.visibleProperty());

        Label outcome = new Label();
        outcome.setId("exportOutcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(Bindings.createStringBinding(() -> viewModel.exportOutcomeProperty().get() == null
                ? "" : viewModel.exportOutcomeProperty().get().message(), viewModel.exportOutcomeProperty()));
        viewModel.exportOutcomeProperty().addListener((obs, old, notice) -> {
            outcome.getStyleClass().removeAll("outcome-done", "outcome-notice", "outcome-failed");
            if (notice != null) {
                outcome.getStyleClass().add("outcome-" + notice.kind().name().toLowerCase());
            }
        });
        outcome.visibleProperty().bind(viewModel.exportOutcomeProperty().isNotNull().and(viewModel.exportingProperty().not()));
        outcome.managedProperty().bind(outcome.visibleProperty());

        HBox bar = new HBox(10, running, outcome);
        bar.getStyleClass().add("export-bar");
        bar.managedProperty().bind(running.visibleProperty().or(outcome.visibleProperty()));
        bar.visibleProperty().bind(bar.managedProperty());
        return bar;
    }

    private void buildTable() {
        table.setId("historyTable");
        table.getStyleClass().addAll("history-table", "striped");
        table.setItems(viewModel.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // Rows of one height spare the table measuring every cell of every row: the first page lays out faster.
        table.setFixedCellSize(30);
        Label placeholder = new Label();
        placeholder.getStyleClass().add("muted");
        placeholder.textProperty().bind(viewModel.summaryLineProperty());
        table.setPlaceholder(placeholder);

        TableColumn<HistoryRow, HistoryRow> status = column(Texts.get("history.column.status"), STATUS_WIDTH, (cell, row) -> {
            ExecutionSummary summary = row.summary();
            cell.icon(StatusLook.icon(summary.status()), StatusLook.styleClass(summary.status()));
            cell.setText(summary.execution().isRollback() ? Texts.get("history.rollback") : StatusLook.label(summary.status()));
            cell.style(StatusLook.styleClass(summary.status()));
            cell.tip(summary.execution().statusSummary());
        });
        TableColumn<HistoryRow, HistoryRow> started = column(Texts.get("history.column.started"), STARTED_WIDTH, (cell, row) -> {
            cell.setText(format.day(row.summary().startTime()));
            cell.tip(format.full(row.summary().startTime()));
        });
        TableColumn<HistoryRow, HistoryRow> duration = column(Texts.get("history.column.duration"), DURATION_WIDTH, (cell, row) -> {
            // The status column already says it runs; the number is what this column is for.
            cell.setText(row.summary().duration(viewModel.detail().now()).map(HistoryFormat::duration).orElse("—"));
            cell.tip(row.summary().endTime().isEmpty() ? Texts.get("history.stillRunning") : null);
        });
        TableColumn<HistoryRow, HistoryRow> commit = column(Texts.get("history.column.commit"), 240, (cell, row) -> {
            cell.secondary(HistoryFormat.firstRevision(row.summary().execution()));
            cell.setText(HistoryFormat.firstLine(row.summary().commitMessage()));
            cell.tip(row.summary().execution().revisions().stream()
                    .map(HistoryFormat::revisionLine).reduce((a, b) -> a + "\n" + b).orElseGet(() -> Texts.get("history.noRevision")));
        });
        TableColumn<HistoryRow, HistoryRow> approval = column(Texts.get("history.column.approval"), APPROVAL_WIDTH,
                (cell, row) -> showApproval(cell, row.summary()));
        TableColumn<HistoryRow, HistoryRow> image = column(Texts.get("history.column.image"), IMAGE_WIDTH, (cell, row) -> showImages(cell, row));
        TableColumn<HistoryRow, HistoryRow> trigger = column(Texts.get("history.column.trigger"), TRIGGER_WIDTH, (cell, row) -> {
            cell.setText(HistoryFormat.trigger(row.summary().execution()));
            cell.style("muted");
            cell.tip(row.summary().execution().triggerDetail());
        });
        TableColumn<HistoryRow, HistoryRow> id = column(Texts.get("history.column.execution"), ID_WIDTH, (cell, row) -> {
            cell.setText(HistoryFormat.shortId(row.summary().executionId()));
            cell.style("mono");
            cell.tip(row.summary().executionId());
        });
        table.getColumns().setAll(List.of(status, started, duration, commit, approval, image, trigger, id));
        // The commit message takes whatever width the other columns leave.
        double fixed = STATUS_WIDTH + STARTED_WIDTH + DURATION_WIDTH + APPROVAL_WIDTH + IMAGE_WIDTH + TRIGGER_WIDTH + ID_WIDTH;
        commit.prefWidthProperty().bind(table.widthProperty().subtract(fixed + 18).map(
                width -> Math.max(200, width.doubleValue())));

        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(HistoryRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    return;
                }
                setId("history-row-" + HistoryFormat.shortId(row.summary().executionId()));
                // Rows are built only when they come into view: the cheapest signal of what is on screen.
                viewModel.requestImages(row);
                if (getIndex() >= getTableView().getItems().size() - PREFETCH_ROWS) {
                    viewModel.loadMore();
                }
            }
        });
        table.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                viewModel.open(table.getSelectionModel().getSelectedItem());
            }
        });
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                viewModel.open(table.getSelectionModel().getSelectedItem());
            }
        });
        viewModel.rows().addListener((ListChangeListener<HistoryRow>) change -> {
            // A new filter starts from the top; appended pages keep the scroll position.
            while (change.next()) {
                if (change.wasRemoved() && viewModel.rows().isEmpty()) {
                    table.scrollTo(0);
                }
            }
        });
    }

    private void showApproval(RowCell cell, ExecutionSummary summary) {
        ApprovalOutcome approval = summary.headlineApproval().orElse(null);
        if (approval == null) {
            cell.setText("—");
            cell.style("muted");
            return;
        }
        cell.icon(HistoryFormat.icon(approval.verdict()), HistoryFormat.styleClass(approval.verdict()));
        String who = approval.approver() == null ? HistoryFormat.verdict(approval.verdict()) : approval.approverName();
        cell.setText(approval.comment() == null ? who : who + " \u00b7 " + Texts.get("history.quoted", approval.comment()));
        cell.tip(HistoryFormat.verdictLine(approval) + " · " + approval.location() + "\n"
                + format.full(approval.at()) + (approval.comment() == null ? "" : "\n" + Texts.get("history.quoted", approval.comment()))
                + (summary.approvals().size() > 1 ? "\n" + Texts.get("history.moreApprovals", summary.approvals().size()) : ""));
    }

    /** The images arrive after the row: the cell follows the row's images property while it shows that row. */
    private static void showImages(RowCell cell, HistoryRow row) {
        cell.follow(row.imagesProperty(), images -> {
            if (images == null) {
                cell.setText("…");
                cell.style("muted");
                return;
            }
            List<ReleaseImage> carried = images.releaseImages();
            if (carried.isEmpty()) {
                cell.setText("—");
                cell.style("muted");
                cell.tip(images.problem().orElseGet(() -> Texts.get("history.noImage")));
                return;
            }
            ReleaseImage first = carried.get(0);
            cell.setText(first.image().tag().orElseGet(() -> Texts.get("history.byDigest")) + (carried.size() > 1 ? " +" + (carried.size() - 1) : ""));
            cell.style("mono");
            cell.tip(carried.stream().map(i -> i.image().toString() + i.effectiveDigest().map(d -> "\n  " + d).orElse(""))
                    .reduce((a, b) -> a + "\n" + b).orElse(""));
        });
    }

    private static TableColumn<HistoryRow, HistoryRow> column(String title, double width, BiConsumer<RowCell, HistoryRow> fill) {
        TableColumn<HistoryRow, HistoryRow> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        // The order is the view model's (Sort box): the list is paged newest first, a header click would mislead.
        column.setSortable(false);
        column.setReorderable(false);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        column.setCellFactory(c -> new RowCell(fill));
        return column;
    }

    /**
     * A table cell restyled from scratch for each row it is reused for. It keeps its icon, second label and
     * tooltip between rows: creating those per row and scroll step costs more than the rows themselves, and the
     * first page has to appear quickly.
     */
    private static final class RowCell extends TableCell<HistoryRow, HistoryRow> {
        private final BiConsumer<RowCell, HistoryRow> fill;
        private final List<String> added = new ArrayList<>();
        private FontIcon icon;
        private Label secondary;
        private Tooltip tooltip;
        private Runnable unfollow;

        RowCell(BiConsumer<RowCell, HistoryRow> fill) {
            this.fill = fill;
            setTextOverrun(OverrunStyle.ELLIPSIS);
            setGraphicTextGap(6);
        }

        @Override
        protected void updateItem(HistoryRow row, boolean empty) {
            super.updateItem(row, empty);
            if (unfollow != null) {
                unfollow.run();
                unfollow = null;
            }
            reset();
            if (!empty && row != null) {
                fill.accept(this, row);
            }
        }

        private void reset() {
            setText(null);
            setGraphic(null);
            setTooltip(null);
            getStyleClass().removeAll(added);
            added.clear();
        }

        void style(String styleClass) {
            getStyleClass().add(styleClass);
            added.add(styleClass);
        }

        void icon(org.kordamp.ikonli.Ikon code, String styleClass) {
            if (icon == null) {
                icon = new FontIcon();
            }
            icon.setIconCode(code);
            icon.getStyleClass().setAll("ikonli-font-icon", styleClass);
            setGraphic(icon);
        }

        void secondary(String text) {
            if (secondary == null) {
                secondary = new Label();
                secondary.getStyleClass().add("mono");
            }
            secondary.setText(text);
            setGraphic(secondary);
        }

        void tip(String text) {
            if (text == null || text.isBlank()) {
                return;
            }
            if (tooltip == null) {
                tooltip = new Tooltip();
            }
            tooltip.setText(text);
            setTooltip(tooltip);
        }

        /** Shows a value that may change while this cell shows the row, until the cell moves to another row. */
        <T> void follow(ObservableValue<T> value, Consumer<T> show) {
            ChangeListener<T> listener = (obs, old, now) -> {
                reset();
                show.accept(now);
            };
            value.addListener(listener);
            unfollow = () -> value.removeListener(listener);
            show.accept(value.getValue());
        }
    }
}
