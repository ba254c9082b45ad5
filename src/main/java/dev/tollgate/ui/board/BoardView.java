package dev.tollgate.ui.board;

import dev.tollgate.ui.common.Texts;
import java.util.Objects;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The left side of the window: search (Ctrl+F), filter and order above the pipeline list, and the change
 * freeze for the pipelines chosen in it below. Escape in the search field clears it.
 */
public final class BoardView extends VBox {

    static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final TextField search = new TextField();
    private final PipelineListView list;

    public BoardView(BoardViewModel board, BoardActions actions) {
        Objects.requireNonNull(board);
        Objects.requireNonNull(actions);
        getStyleClass().add("board");
        setId("board");
        list = new PipelineListView(board, actions);
        VBox.setVgrow(list, Priority.ALWAYS);

        search.setId("pipelineSearch");
        search.setPromptText(Texts.get("board.search.prompt"));
        search.setTooltip(new Tooltip(Texts.get("board.search.tooltip")));
        search.textProperty().bindBidirectional(board.searchProperty());
        search.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                list.requestFocus();
                event.consume();
            } else if (event.getCode() == KeyCode.DOWN) {
                list.requestFocus();
            }
        });
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox tools = new HBox(6, search, filterMenu(board), sortMenu(board));
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.getStyleClass().add("board-tools");

        Label count = new Label();
        count.setId("boardSummary");
        count.getStyleClass().add("muted");
        count.textProperty().bind(board.summaryProperty());
        Hyperlink clear = new Hyperlink(Texts.get("board.clearFilters"));
        clear.setId("clearFilters");
        clear.visibleProperty().bind(board.filtersActiveProperty());
        clear.setOnAction(event -> board.clearFilters());
        Region countSpacer = new Region();
        HBox.setHgrow(countSpacer, Priority.ALWAYS);
        HBox counts = new HBox(6, count, countSpacer, clear);
        counts.setAlignment(Pos.CENTER_LEFT);
        counts.getStyleClass().add("board-counts");

        Button freezeButton = new Button(null, new FontIcon(Feather.LOCK));
        freezeButton.setId("freezeButton");
        freezeButton.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(freezeButton, Priority.ALWAYS);
        freezeButton.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = board.chosen().size();
            return n > 1 ? Texts.get("board.openFreeze.many", n) : Texts.get("board.openFreeze");
        }, board.chosen()));
        freezeButton.setTooltip(new Tooltip(Texts.get("board.openFreeze.tooltip")));
        freezeButton.setOnAction(event -> actions.openChangeFreeze());
        HBox footer = new HBox(freezeButton);
        footer.getStyleClass().add("board-footer");

        getChildren().addAll(tools, counts, list, footer);

        // Ctrl+F works wherever the focus is in the window.
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(FIND, () -> {
                    search.requestFocus();
                    search.selectAll();
                });
            }
        });

        // Ages and staleness move with time, not only with polls.
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), event -> board.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    public PipelineListView list() {
        return list;
    }

    private static MenuButton filterMenu(BoardViewModel board) {
        MenuButton menu = new MenuButton(null, new FontIcon(Feather.FILTER));
        menu.setId("filterButton");
        menu.setTooltip(new Tooltip(Texts.get("board.filter")));
        ToggleGroup statuses = new ToggleGroup();
        for (BoardViewModel.StatusFilter filter : BoardViewModel.StatusFilter.values()) {
            RadioMenuItem item = new RadioMenuItem(filter.label());
            item.setId("filter-" + filter.name());
            item.setToggleGroup(statuses);
            item.setSelected(board.statusFilterProperty().get() == filter);
            item.setOnAction(event -> board.statusFilterProperty().set(filter));
            board.statusFilterProperty().addListener((obs, old, now) -> item.setSelected(now == filter));
            menu.getItems().add(item);
        }
        CheckMenuItem approvals = new CheckMenuItem(Texts.get("board.filter.approvals"));
        approvals.setId("filter-approvals");
        approvals.selectedProperty().bindBidirectional(board.onlyWithApprovalsProperty());
        CheckMenuItem disabled = new CheckMenuItem(Texts.get("board.filter.disabled"));
        disabled.setId("filter-disabled");
        disabled.selectedProperty().bindBidirectional(board.onlyWithDisabledTransitionsProperty());
        menu.getItems().addAll(new SeparatorMenuItem(), approvals, disabled);
        // The button itself says when a filter hides pipelines.
        board.filtersActiveProperty().addListener((obs, old, active) -> {
            if (active) {
                menu.getStyleClass().add("filter-active");
            } else {
                menu.getStyleClass().remove("filter-active");
            }
        });
        return menu;
    }

    private static MenuButton sortMenu(BoardViewModel board) {
        MenuButton menu = new MenuButton(null, new FontIcon(Feather.BAR_CHART_2));
        menu.setId("sortButton");
        menu.setTooltip(new Tooltip(Texts.get("board.order", board.sortProperty().get().label())));
        ToggleGroup orders = new ToggleGroup();
        for (BoardViewModel.Sort sort : BoardViewModel.Sort.values()) {
            RadioMenuItem item = new RadioMenuItem(sort.label());
            item.setId("sort-" + sort.name());
            item.setToggleGroup(orders);
            item.setSelected(board.sortProperty().get() == sort);
            item.setOnAction(event -> {
                board.sortProperty().set(sort);
                menu.setTooltip(new Tooltip(Texts.get("board.order", sort.label())));
            });
            menu.getItems().add(item);
        }
        return menu;
    }
}
