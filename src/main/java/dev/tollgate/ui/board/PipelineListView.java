package dev.tollgate.ui.board;

import dev.tollgate.pipeline.Status;
import dev.tollgate.ui.common.StatusLook;
import dev.tollgate.ui.common.Texts;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The pipelines, each with its latest status, a strip with one mark per stage, when it last changed, and
 * badges for waiting approvals, disabled transitions and failed polls. Several can be chosen at once
 * (Ctrl+click, Shift+click, Shift+arrows) for a change freeze; the one chosen last is shown on the right.
 * Ctrl+D pins or unpins the chosen pipelines.
 */
public final class PipelineListView extends ListView<PipelineEntry> {

    private static final List<String> WHEN_CLASSES = List.of("label", "row-when", "muted");
    private static final List<String> STALE_CLASSES = List.of("label", "row-when", "row-stale");

    static final KeyCombination PIN = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);

    private final BoardViewModel viewModel;

    public PipelineListView(BoardViewModel viewModel) {
        super(viewModel.visibleEntries());
        this.viewModel = viewModel;
        setId("pipelineList");
        getStyleClass().add("pipeline-list");
        // Every row has the same height: the list measures one cell instead of all of them.
        setFixedCellSize(58);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setCellFactory(list -> new RowCell(viewModel));
        getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> {
            if (entry != null) {
                viewModel.selectedNameProperty().set(entry.name());
            }
        });
        getSelectionModel().getSelectedItems().addListener((ListChangeListener<PipelineEntry>) change ->
                viewModel.choose(getSelectionModel().getSelectedItems().stream()
                        .filter(java.util.Objects::nonNull).map(PipelineEntry::name).toList()));
        viewModel.selectedNameProperty().addListener((obs, old, name) -> selectByName(name));
        // The first listing arrives after the view exists; an entry filtered back in may be the shown one.
        getItems().addListener((ListChangeListener<PipelineEntry>) change -> {
            if (getSelectionModel().isEmpty()) {
                selectByName(viewModel.selectedNameProperty().get());
            }
        });
        selectByName(viewModel.selectedNameProperty().get());
        setContextMenu(contextMenu());
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (PIN.match(event)) {
                togglePinOfChosen();
                event.consume();
            }
        });
    }

    private ContextMenu contextMenu() {
        MenuItem pin = new MenuItem(Texts.get("board.pin"), new FontIcon(Feather.STAR));
        pin.setId("pinMenuItem");
        pin.setAccelerator(PIN);
        pin.setOnAction(event -> togglePinOfChosen());
        MenuItem copy = new MenuItem(Texts.get("board.copyName"), new FontIcon(Feather.COPY));
        copy.setOnAction(event -> {
            PipelineEntry entry = getSelectionModel().getSelectedItem();
            if (entry != null) {
                javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
                content.putString(entry.name());
                javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            }
        });
        ContextMenu menu = new ContextMenu(pin, new SeparatorMenuItem(), copy);
        menu.setOnShowing(event -> {
            PipelineEntry entry = getSelectionModel().getSelectedItem();
            pin.setText(Texts.get(entry != null && entry.isPinned() ? "board.unpin" : "board.pin"));
            pin.setDisable(entry == null);
        });
        return menu;
    }

    /** Pins all chosen when the focused one is not pinned, unpins all otherwise: one gesture, one outcome. */
    private void togglePinOfChosen() {
        PipelineEntry focused = getSelectionModel().getSelectedItem();
        if (focused == null) {
            return;
        }
        boolean pin = !focused.isPinned();
        List<PipelineEntry> chosen = List.copyOf(getSelectionModel().getSelectedItems());
        for (PipelineEntry entry : chosen) {
            if (entry != null && entry.isPinned() != pin) {
                viewModel.togglePinned(entry.name());
            }
        }
    }

    private void selectByName(String name) {
        if (name == null) {
            return;
        }
        PipelineEntry current = getSelectionModel().getSelectedItem();
        if (current != null && current.name().equals(name)) {
            return;
        }
        for (int i = 0; i < getItems().size(); i++) {
            if (getItems().get(i).name().equals(name)) {
                getSelectionModel().clearAndSelect(i);
                return;
            }
        }
    }

    /**
     * Builds its nodes once and only updates them. It follows its entry's row itself, because the list
     * reports a changed row as an update of the same entry, which does not re-render a cell.
     */
    private static final class RowCell extends ListCell<PipelineEntry> {
        private final BoardViewModel viewModel;
        private final FontIcon pinIcon = new FontIcon(Feather.STAR);
        private final Label name = new Label();
        private final Label status = new Label();
        private final HBox strip = new HBox(2);
        private final Label when = new Label();
        private final Label approvals = new Label("", new FontIcon(Feather.USER_CHECK));
        private final Label locked = new Label("", new FontIcon(Feather.LOCK));
        private final Label warning = new Label("", new FontIcon(Feather.ALERT_TRIANGLE));
        private final Tooltip approvalsTip = new Tooltip();
        private final Tooltip lockedTip = new Tooltip();
        private final Tooltip stripTip = new Tooltip();
        private final Tooltip rowTip = new Tooltip();
        private final HBox line;
        private final InvalidationListener rerender = obs -> render();
        private final InvalidationListener ageing = obs -> renderAge();
        private final FontIcon statusIcon = new FontIcon();
        private final FontIcon staleIcon = new FontIcon(Feather.CLOCK);
        private Status shownStatus;
        private PipelineEntry shown;

        RowCell(BoardViewModel viewModel) {
            this.viewModel = viewModel;
            pinIcon.getStyleClass().add("pin-icon");
            name.getStyleClass().add("pipeline-name");
            name.setGraphic(pinIcon);
            name.setMinWidth(0);
            status.getStyleClass().add("status-badge");
            status.setGraphic(statusIcon);
            status.setMinWidth(Region.USE_PREF_SIZE);
            strip.getStyleClass().add("stage-strip");
            strip.setAlignment(Pos.CENTER_LEFT);
            Tooltip.install(strip, stripTip);
            when.getStyleClass().addAll("muted", "row-when");
            when.setMinWidth(Region.USE_PREF_SIZE);
            approvals.getStyleClass().add("approval-badge");
            approvals.setTooltip(approvalsTip);
            locked.getStyleClass().add("locked-badge");
            locked.setTooltip(lockedTip);
            warning.getStyleClass().add("problem-badge");
            for (Label badge : new Label[] {approvals, locked, warning}) {
                badge.managedProperty().bind(badge.visibleProperty());
                badge.setMinWidth(Region.USE_PREF_SIZE);
            }
            Region topSpacer = new Region();
            HBox.setHgrow(topSpacer, Priority.ALWAYS);
            HBox top = new HBox(6, name, topSpacer, approvals, locked, warning);
            top.setAlignment(Pos.CENTER_LEFT);
            Region bottomSpacer = new Region();
            HBox.setHgrow(bottomSpacer, Priority.ALWAYS);
            HBox bottom = new HBox(8, status, strip, bottomSpacer, when);
            bottom.setAlignment(Pos.CENTER_LEFT);
            VBox both = new VBox(3, top, bottom);
            HBox.setHgrow(both, Priority.ALWAYS);
            line = new HBox(both);
            line.setAlignment(Pos.CENTER_LEFT);
            viewModel.nowProperty().addListener(new WeakInvalidationListener(ageing));
        }

        @Override
        protected void updateItem(PipelineEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (shown != entry) {
                if (shown != null) {
                    shown.rowProperty().removeListener(rerender);
                    shown.pinnedProperty().removeListener(rerender);
                }
                shown = empty ? null : entry;
                if (shown != null) {
                    shown.rowProperty().addListener(rerender);
                    shown.pinnedProperty().addListener(rerender);
                }
            }
            setText(null);
            render();
        }

        private void render() {
            if (shown == null) {
                setGraphic(null);
                setTooltip(null);
                setId(null);
                return;
            }
            PipelineRow row = shown.row();
            String id = "pipeline-" + row.name();
            if (!id.equals(getId())) {
                setId(id);
            }
            name.setText(row.name());
            pinIcon.setVisible(shown.isPinned());
            pinIcon.setManaged(shown.isPinned());
            renderStatus(row.isKnown() ? row.headline() : Status.NOT_RUN, row.isKnown() ? null : Texts.get("board.loading"));
            renderStrip(row);
            approvals.setVisible(row.pendingApprovals() > 0);
            approvals.setText(String.valueOf(row.pendingApprovals()));
            approvalsTip.setText(Texts.get(row.pendingApprovals() == 1 ? "board.approvals.one" : "board.approvals.many",
                    row.pendingApprovals()));
            locked.setVisible(row.disabledTransitions() > 0);
            lockedTip.setText(Texts.get(row.disabledTransitions() == 1 ? "board.disabledTransitions.one"
                    : "board.disabledTransitions.many", row.disabledTransitions()));
            warning.setVisible(row.problem() != null);
            renderAge();
            setTooltip(rowTip);
            setGraphic(line);
        }

        /**
         * Scrolling re-renders every visible cell, so nothing here creates nodes or touches style classes that
         * stay the same: each such change costs a CSS pass over the cell on the next pulse.
         */
        private void renderStatus(Status headline, String text) {
            if (!headline.equals(shownStatus)) {
                shownStatus = headline;
                statusIcon.setIconCode(StatusLook.icon(headline));
                setClasses(status, List.of("label", "status-badge", StatusLook.styleClass(headline)));
            }
            status.setText(text == null ? StatusLook.label(headline) : text);
        }

        private static void setClasses(javafx.scene.Node node, List<String> classes) {
            if (!node.getStyleClass().equals(classes)) {
                node.getStyleClass().setAll(classes);
            }
        }

        /** One mark per stage in its status colour, a red bar where its inbound transition is disabled. */
        private void renderStrip(PipelineRow row) {
            List<PipelineRow.StageMark> marks = row.stages();
            while (strip.getChildren().size() < marks.size()) {
                strip.getChildren().add(new Region());
            }
            strip.getChildren().remove(marks.size(), strip.getChildren().size());
            StringBuilder tip = new StringBuilder();
            for (int i = 0; i < marks.size(); i++) {
                PipelineRow.StageMark mark = marks.get(i);
                Region cell = (Region) strip.getChildren().get(i);
                List<String> classes = mark.gateClosed()
                        ? List.of("strip-mark", StatusLook.styleClass(mark.status()), "gate-closed")
                        : List.of("strip-mark", StatusLook.styleClass(mark.status()));
                setClasses(cell, classes);
                tip.append(i == 0 ? "" : mark.gateClosed() ? "  ⛔ " : "  → ")
                        .append(Texts.get(mark.holdsExecution() ? "board.strip.held" : "board.strip.stage",
                                mark.name(), StatusLook.label(mark.status())));
            }
            stripTip.setText(tip.toString());
        }

        private void renderAge() {
            if (shown == null) {
                return;
            }
            boolean stale = viewModel.isStale(shown);
            String freshness = viewModel.freshness(shown);
            when.setText(stale ? Texts.get("board.stale") : viewModel.lastChange(shown));
            staleIcon.setVisible(stale);
            when.setGraphic(stale ? staleIcon : null);
            setClasses(when, stale ? STALE_CLASSES : WHEN_CLASSES);
            PipelineRow row = shown.row();
            rowTip.setText(row.name() + "\n" + freshness
                    + (row.lastChange() == null ? "" : "\n" + Texts.get("board.lastChange", viewModel.lastChange(shown))));
        }
    }
}
