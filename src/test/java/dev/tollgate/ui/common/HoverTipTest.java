package dev.tollgate.ui.common;

import static dev.tollgate.testing.TollgateWindow.onFx;
import static dev.tollgate.testing.TollgateWindow.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Tooltips made when the pointer comes, saying what the node shows then. */
@ExtendWith(ApplicationExtension.class)
class HoverTipTest {

    private final AtomicReference<String> text = new AtomicReference<>("Build: In progress");
    private Label row;
    private Label fixed;
    private Label away;

    @Start
    void start(Stage stage) {
        row = new Label("payments-api");
        fixed = new Label("Retry");
        away = new Label("elsewhere");
        HoverTip.install(row, text::get);
        HoverTip.install(fixed, "Runs the failed actions again");
        stage.setScene(new Scene(new HBox(40, row, fixed, away), 600, 100));
        stage.show();
    }

    @Test
    void aTooltipIsMadeWhenThePointerComesAndSaysWhatTheNodeShowsThen(FxRobot robot) throws Exception {
        assertThat(row.getTooltip()).as("none before a pointer came").isNull();

        robot.moveTo(row);
        waitUntil(() -> row.getTooltip() != null);
        assertThat(onFx(() -> row.getTooltip().getText())).isEqualTo("Build: In progress");

        text.set("Build: Succeeded");
        robot.moveTo(away).moveTo(row);
        waitUntil(() -> "Build: Succeeded".equals(row.getTooltip().getText()));

        text.set(null);
        robot.moveTo(away).moveTo(row);
        waitUntil(() -> row.getTooltip() == null);
    }

    @Test
    void aFixedTextIsTheNodesAccessibleHelpBeforeAnyPointerCame(FxRobot robot) throws Exception {
        assertThat(fixed.getAccessibleHelp()).isEqualTo("Runs the failed actions again");
        assertThat(fixed.getTooltip()).isNull();

        robot.moveTo(fixed);
        waitUntil(() -> fixed.getTooltip() != null);
        assertThat(onFx(() -> fixed.getTooltip().getText())).isEqualTo("Runs the failed actions again");
    }
}
