package dev.tollgate.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class BudgetMenuTest {

    @Test
    void showsTheCurrentBudgetAndReportsTheOneChosen(FxRobot robot) {
        List<Double> chosen = new ArrayList<>();
        AtomicReference<BudgetMenu> menu = new AtomicReference<>();
        robot.interact(() -> menu.set(new BudgetMenu(5, chosen::add)));

        assertThat(radio(menu.get(), "budget-5").isSelected()).isTrue();
        assertThat(radio(menu.get(), "budget-10").isSelected()).isFalse();
        assertThat(radio(menu.get(), "budget-10").getText()).isEqualTo("10 calls per second");

        robot.interact(() -> radio(menu.get(), "budget-10").fire());

        assertThat(chosen).containsExactly(10.0);
        assertThat(radio(menu.get(), "budget-10").isSelected()).isTrue();
        assertThat(radio(menu.get(), "budget-5").isSelected()).isFalse();
    }

    private static RadioMenuItem radio(BudgetMenu menu, String id) {
        MenuItem item = menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
        return (RadioMenuItem) item;
    }
}
