package dev.tollgate.ui.board;

import dev.tollgate.ui.common.Durations;
import dev.tollgate.ui.common.HoverTip;
import dev.tollgate.ui.common.Texts;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
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
 * Ctrl+D pins or unpins the chosen pipelines. With several connections, each one's pipelines come under a
 * header with who the approver is there and how the connection is doing, and a way to fix it when it fails.
 */
public final class PipelineListView extends ListView<BoardItem> {

    private static final List<String> GROUP_FINE_CLASSES = List.of("label", "group-status", "muted");
    private static final List<String> GROUP_STALE_CLASSES = List.of("label", "group-status", "row-stale");
    private static final List<String> GROUP_FAILING_CLASSES = List.of("label", "group-status", "group-failing");

    static final KeyCombination PIN = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);

    private final BoardViewModel viewModel;

    public PipelineListView(BoardViewModel viewModel, BoardActions actions) {
        super(viewModel.visibleItems());
        this.viewModel = viewModel;
        setId("pipelineList");
        getStyleClass().add("pipeline-list");
        // Every row has the same height: the list measures one cell instead of all of them.
        setFixedCellSize(58);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setCellFactory(list -> new RowCell(viewModel, actions));
        getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            // A header is not a pipeline: choosing it leaves the right side as it is.
            if (item instanceof PipelineEntry entry) {
                viewModel.selectedKeyProperty().set(entry.key());
            }
        });
        getSelectionModel().getSelectedItems().addListener((ListChangeListener<BoardItem>) change ->
                viewModel.choose(chosenEntries().stream().map(PipelineEntry::key).toList()));
        viewModel.selectedKeyProperty().addListener((obs, old, key) -> selectByKey(key));
        // The first listing arrives after the view exists; an entry filtered back in may be the shown one.
        getItems().addListener((ListChangeListener<BoardItem>) change -> {
            if (getSelectionModel().isEmpty()) {
                selectByKey(viewModel.selectedKeyProperty().get());
            }
        });
        selectByKey(viewModel.selectedKeyProperty().get());
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
            if (getSelectionModel().getSelectedItem() instanceof PipelineEntry entry) {
                javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
                content.putString(entry.name());
                javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            }
        });
        ContextMenu menu = new ContextMenu(pin, new SeparatorMenuItem(), copy);
        menu.setOnShowing(event -> {
            PipelineEntry entry = getSelectionModel().getSelectedItem() instanceof PipelineEntry e ? e : null;
            pin.setText(Texts.get(entry != null && entry.isPinned() ? "board.unpin" : "board.pin"));
            pin.setDisable(entry == null);
        });
        return menu;
    }

    private List<PipelineEntry> chosenEntries() {
        return getSelectionModel().getSelectedItems().stream()
                .filter(PipelineEntry.class::isInstance).map(PipelineEntry.class::cast).toList();
    }

    /** Pins all chosen when the focused one is not pinned, unpins all otherwise: one gesture, one outcome. */
    private void togglePinOfChosen() {
        if (!(getSelectionModel().getSelectedItem() instanceof PipelineEntry focused)) {
            return;
        }
        boolean pin = !focused.isPinned();
        for (PipelineEntry entry : chosenEntries()) {
            if (entry.isPinned() != pin) {
                viewModel.togglePinned(entry.key());
            }
        }
    }

    private void selectByKey(PipelineKey key) {
        if (key == null) {
            return;
        }
        if (getSelectionModel().getSelectedItem() instanceof PipelineEntry current && current.key().equals(key)) {
            return;
        }
        for (int i = 0; i < getItems().size(); i++) {
            if (getItems().get(i) instanceof PipelineEntry entry && entry.key().equals(key)) {
                getSelectionModel().clearAndSelect(i);
                return;
            }
        }
    }

    /**
     * Builds its nodes once and only updates them. It follows its entry's row itself, because the list
     * reports a changed row as an update of the same entry, which does not re-render a cell.
     */
    private static final class RowCell extends ListCell<BoardItem> {
        private final BoardViewModel viewModel;
        private final BoardActions actions;
        private final PipelineRowView line = new PipelineRowView();
        private final InvalidationListener rerender = obs -> render();
        private final InvalidationListener ageing = obs -> renderAge();
        private PipelineEntry shown;
        private ConnectionGroup shownGroup;
        private GroupHeader header;

        RowCell(BoardViewModel viewModel, BoardActions actions) {
            this.viewModel = viewModel;
            this.actions = actions;
            HoverTip.install(this, this::tipText);
            viewModel.nowProperty().addListener(new WeakInvalidationListener(ageing));
        }

        @Override
        protected void updateItem(BoardItem item, boolean empty) {
            super.updateItem(item, empty);
            PipelineEntry entry = !empty && item instanceof PipelineEntry e ? e : null;
            ConnectionGroup group = !empty && item instanceof ConnectionGroup g ? g : null;
            if (shown != entry) {
                if (shown != null) {
                    shown.rowProperty().removeListener(rerender);
                    shown.pinnedProperty().removeListener(rerender);
                }
                shown = entry;
                if (shown != null) {
                    shown.rowProperty().addListener(rerender);
                    shown.pinnedProperty().addListener(rerender);
                }
            }
            if (shownGroup != group) {
                if (shownGroup != null) {
                    shownGroup.healthProperty().removeListener(rerender);
                    shownGroup.problemProperty().removeListener(rerender);
                    shownGroup.identityProperty().removeListener(rerender);
                }
                shownGroup = group;
                if (shownGroup != null) {
                    shownGroup.healthProperty().addListener(rerender);
                    shownGroup.problemProperty().addListener(rerender);
                    shownGroup.identityProperty().addListener(rerender);
                }
            }
            setText(null);
            render();
        }

        private void render() {
            if (shownGroup != null) {
                if (header == null) {
                    // Built on the first header this cell shows; reused for every header after.
                    header = new GroupHeader(actions);
                }
                header.render(shownGroup, viewModel.nowProperty().get());
                markHeader(true);
                setId(header.id());
                setContextMenu(header.menu());
                setGraphic(header.node());
                setAccessibleText(header.tooltipText());
                return;
            }
            setContextMenu(null);
            markHeader(false);
            if (shown == null) {
                setGraphic(null);
                setId(null);
                setAccessibleText(null);
                return;
            }
            String id = "pipeline-" + shown.name();
            if (!id.equals(getId())) {
                setId(id);
            }
            line.show(shown.row(), shown.isPinned());
            renderAge();
            setGraphic(line);
        }

        private void markHeader(boolean header) {
            if (header != getStyleClass().contains("group-header")) {
                if (header) {
                    getStyleClass().add("group-header");
                } else {
                    getStyleClass().remove("group-header");
                }
            }
        }

        /** The pipeline's name, how fresh its state is and when it last changed; a header's own for a header. */
        private String tipText() {
            if (shownGroup != null) {
                return header == null ? null : header.tooltipText();
            }
            if (shown == null) {
                return null;
            }
            PipelineRow row = shown.row();
            return row.name() + "\n" + viewModel.freshness(shown)
                    + (row.lastChange() == null ? "" : "\n" + Texts.get("board.lastChange", viewModel.lastChange(shown)));
        }

        private void renderAge() {
            if (shownGroup != null && header != null) {
                header.render(shownGroup, viewModel.nowProperty().get());
                return;
            }
            if (shown == null) {
                return;
            }
            boolean stale = viewModel.isStale(shown);
            line.showAge(stale ? Texts.get("board.stale") : viewModel.lastChange(shown), stale);
            setAccessibleText(line.describe());
        }
    }

    /**
     * A connection's header line: its name and who the approver is there, then how it is doing. Failing, it
     * names the reason and offers the fix (sign in again, or retry once renewed outside) on the line itself.
     */
    private static final class GroupHeader {
        private final BoardActions actions;
        private final Label title = new Label("", new FontIcon(Feather.CLOUD));
        private final Label identity = new Label();
        private final Label status = new Label();
        private final FontIcon statusIcon = new FontIcon();
        private final Hyperlink fix = new Hyperlink();
        private String tooltipText;
        private final MenuItem refresh = new MenuItem(Texts.get("board.group.refresh"), new FontIcon(Feather.REFRESH_CW));
        private final MenuItem signInAgain = new MenuItem(Texts.get("signin.again"), new FontIcon(Feather.LOG_IN));
        private final MenuItem stop = new MenuItem(Texts.get("board.group.stopWatching"), new FontIcon(Feather.X_CIRCLE));
        private final ContextMenu menu = new ContextMenu(refresh, signInAgain, new SeparatorMenuItem(), stop);
        private final VBox node;
        private ConnectionGroup group;
        private String id;

        GroupHeader(BoardActions actions) {
            this.actions = actions;
            title.getStyleClass().add("group-title");
            title.setMinWidth(0);
            identity.getStyleClass().addAll("muted", "group-identity");
            status.setGraphic(statusIcon);
            // Long reasons and identities are cut short (the tooltip has them whole): a line that asked for its
            // full width would widen every row of the list past the sidebar.
            for (Label label : new Label[] {identity, status}) {
                label.setMinWidth(0);
                label.setPrefWidth(1);
                label.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(label, Priority.ALWAYS);
            }
            fix.getStyleClass().add("group-fix");
            fix.setMinWidth(Region.USE_PREF_SIZE);
            fix.managedProperty().bind(fix.visibleProperty());
            fix.setOnAction(event -> {
                if (group.healthProperty().get() == ConnectionGroup.Health.SIGNED_OUT && group.canSignInAgain()) {
                    actions.signInAgain(group.connection());
                } else {
                    actions.refresh(group.connection());
                }
            });
            refresh.setOnAction(event -> actions.refresh(group.connection()));
            signInAgain.setOnAction(event -> actions.signInAgain(group.connection()));
            stop.setId("stopWatchingItem");
            stop.setOnAction(event -> actions.stopWatching(group.connection()));
            HBox top = new HBox(8, title, identity);
            top.setAlignment(Pos.CENTER_LEFT);
            HBox bottom = new HBox(8, status, fix);
            bottom.setAlignment(Pos.CENTER_LEFT);
            node = new VBox(3, top, bottom);
        }

        void render(ConnectionGroup shown, Instant now) {
            if (shown != group) {
                // Keys hold ':', '@' and '/', which a CSS id (and so a lookup by #id) cannot.
                id = "connection-" + shown.connection().key().replaceAll("[^A-Za-z0-9_-]", "_");
                group = shown;
            }
            title.setText(shown.connection().label());
            identity.setText(shown.identityProperty().get());
            ConnectionGroup.Health health = shown.healthProperty().get();
            String count = shown.pipelineCount() == 1 ? Texts.get("board.group.count.one")
                    : Texts.get("board.group.count.many", Texts.number(shown.pipelineCount()));
            Instant last = shown.lastUpdate();
            String age = last == null ? null : Durations.between(last, now);
            String problem = Objects.toString(shown.problemProperty().get(), "");
            switch (health) {
                case LOADING -> show(Feather.LOADER, GROUP_FINE_CLASSES, Texts.get("board.group.loading"), null);
                case FINE -> show(Feather.CHECK_CIRCLE, GROUP_FINE_CLASSES,
                        age == null ? count : Texts.get("board.group.fine", count, age), null);
                case STALE -> show(Feather.CLOCK, GROUP_STALE_CLASSES, Texts.get("board.group.stale", count, age), null);
                case UNREACHABLE -> show(Feather.WIFI_OFF, GROUP_FAILING_CLASSES, Texts.get("board.group.unreachable"),
                        Texts.get("signin.retry"));
                case FAILING -> show(Feather.ALERT_TRIANGLE, GROUP_FAILING_CLASSES, problem, Texts.get("signin.retry"));
                case SIGNED_OUT -> show(Feather.LOCK, GROUP_FAILING_CLASSES, Texts.get("board.group.signedOut"),
                        Texts.get(shown.canSignInAgain() ? "signin.again" : "signin.retry"));
            }
            tooltipText = shown.connection().label()
                    + (shown.identityProperty().get().isEmpty() ? "" : "\n" + shown.identityProperty().get())
                    + (problem.isEmpty() ? "" : "\n" + problem);
            signInAgain.setVisible(shown.canSignInAgain());
        }

        private void show(Feather icon, List<String> classes, String text, String fixText) {
            if (statusIcon.getIconCode() != icon) {
                statusIcon.setIconCode(icon);
            }
            PipelineRowView.setClasses(status, classes);
            status.setText(text);
            fix.setVisible(fixText != null);
            fix.setText(fixText == null ? "" : fixText);
        }

        String id() {
            return id;
        }

        String tooltipText() {
            return tooltipText;
        }

        ContextMenu menu() {
            return menu;
        }

        VBox node() {
            return node;
        }
    }
}
