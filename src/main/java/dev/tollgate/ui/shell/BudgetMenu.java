package dev.tollgate.ui.shell;

import dev.tollgate.ui.common.Texts;
import java.util.function.DoubleConsumer;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The request budget: how many CodePipeline calls per second Tollgate may make per connection. The account's
 * quotas are shared with CI jobs, the console and the CLI, so the approver picks from a few sane values rather
 * than typing any number.
 */
public final class BudgetMenu extends MenuButton {

    /** The choices, calls per second; the watcher's default is among them. */
    static final double[] CHOICES = {1, 2, 5, 10, 20};

    public BudgetMenu(double current, DoubleConsumer onChange) {
        setGraphic(new FontIcon(Feather.SLIDERS));
        setId("budgetMenu");
        setTooltip(new Tooltip(Texts.get("shell.budget.tooltip")));
        Label explanation = new Label(Texts.get("shell.budget.explanation"));
        explanation.setWrapText(true);
        explanation.setMaxWidth(320);
        explanation.getStyleClass().add("muted");
        getItems().addAll(new CustomMenuItem(explanation, false), new SeparatorMenuItem());
        ToggleGroup group = new ToggleGroup();
        for (double choice : CHOICES) {
            RadioMenuItem item = new RadioMenuItem(Texts.get("shell.budget.choice", Texts.number((long) choice)));
            item.setId("budget-" + (long) choice);
            item.setToggleGroup(group);
            item.setSelected(Math.abs(choice - current) < 1e-9);
            item.setOnAction(event -> {
                item.setSelected(true);
                onChange.accept(choice);
            });
            getItems().add(item);
        }
    }
}
