package dev.tollgate.ui.board;

import static dev.tollgate.testing.TollgateWindow.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.Status;
import dev.tollgate.ui.shell.Theme;
import java.time.Instant;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** One row of the pipeline list, laid out by hand: what it shows, and that it fits the width it is given. */
@ExtendWith(ApplicationExtension.class)
class PipelineRowViewTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final Status SUCCEEDED = Status.fromWire("Succeeded");
    private static final Status FAILED = Status.fromWire("Failed");
    private static final Status IN_PROGRESS = Status.fromWire("InProgress");

    private PipelineRowView row;
    private StackPane holder;

    @Start
    void start(Stage stage) {
        row = new PipelineRowView();
        holder = new StackPane(row);
        holder.setMaxWidth(360);
        // A wide window, with the row's width set by its holder's: widening that takes effect in the next layout.
        Scene scene = new Scene(new StackPane(holder), 1400, 80);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aRowNotYetPolledSaysItIsLoadingAndMakesNoIconsItDoesNotShow() throws Exception {
        show(PipelineRow.unknown("billing-api"), false, "", false);

        assertThat(onFx(() -> text(".pipeline-name"))).isEqualTo("billing-api");
        assertThat(onFx(() -> text(".status-badge"))).isEqualTo("Loading…");
        assertThat(onFx(() -> row.lookup(".status-badge").getStyleClass())).contains("status-not-run");
        // The icons and the badges cost a CSS pass each: made only once a row needs them.
        assertThat(onFx(() -> row.lookupAll(".pin-icon"))).isEmpty();
        assertThat(onFx(() -> row.lookupAll(".row-status-icon"))).isEmpty();
        assertThat(onFx(() -> row.lookupAll(".row-stale-icon"))).isEmpty();
        assertThat(onFx(() -> row.lookupAll(".approval-badge"))).isEmpty();
        assertThat(onFx(row::describe)).isEqualTo("billing-api, Loading…");
    }

    @Test
    void aPolledRowShowsItsStatusStagesBadgesPinAndAge() throws Exception {
        show(known("ecs-webapp", FAILED, 2, 1), true, "20 min ago", false);

        assertThat(onFx(() -> text(".status-badge"))).isEqualTo("Failed");
        assertThat(onFx(() -> row.lookup(".status-badge").getStyleClass())).contains("status-failed");
        assertThat(onFx(() -> row.lookup(".row-status-icon").getStyleClass())).contains("status-failed");
        assertThat(onFx(() -> row.lookupAll(".strip-mark").size())).isEqualTo(3);
        assertThat(onFx(() -> row.lookupAll(".gate-closed").size())).isEqualTo(1);
        assertThat(onFx(() -> visibleLabel(".approval-badge"))).isEqualTo("2");
        assertThat(onFx(() -> row.lookup(".locked-badge").isVisible())).isTrue();
        assertThat(onFx(() -> row.lookup(".pin-icon").isVisible())).isTrue();
        assertThat(onFx(() -> text(".row-when"))).isEqualTo("20 min ago");
        assertThat(onFx(row::describe))
                .isEqualTo("ecs-webapp, Failed, 2 approvals waiting, 1 disabled transition, 20 min ago");

        // The pipeline moves on: approved, its gate opened, unpinned, then its state goes stale.
        show(known("ecs-webapp", SUCCEEDED, 0, 0), false, "Stale", true);

        assertThat(onFx(() -> row.lookup(".status-badge").getStyleClass())).contains("status-succeeded")
                .doesNotContain("status-failed");
        assertThat(onFx(() -> row.lookup(".approval-badge").isVisible())).isFalse();
        assertThat(onFx(() -> row.lookup(".locked-badge").isVisible())).isFalse();
        assertThat(onFx(() -> row.lookup(".pin-icon").isVisible())).isFalse();
        assertThat(onFx(() -> row.lookup(".row-when").getStyleClass())).contains("row-stale");
        assertThat(onFx(() -> row.lookup(".row-stale-icon").isVisible())).isTrue();
    }

    @Test
    void aNameTooLongForTheRowIsShortenedWithAnEllipsisBeforeTheBadges() throws Exception {
        String longName = "payments-settlement-reconciliation-nightly-batch-eu-west-1-production";
        show(known(longName, SUCCEEDED, 1, 0), false, "3 h ago", false);

        String shown = onFx(() -> text(".pipeline-name"));
        assertThat(shown).endsWith("…").hasSizeLessThan(longName.length());
        assertThat(longName).startsWith(shown.substring(0, shown.length() - 1));
        Bounds name = onFx(() -> bounds(".pipeline-name"));
        Bounds badge = onFx(() -> bounds(".approval-badge"));
        assertThat(name.getMaxX()).isLessThanOrEqualTo(badge.getMinX());
        assertThat(name.getMinX()).isGreaterThanOrEqualTo(0);

        // Given room again, the whole name comes back.
        onFx(() -> {
            Text whole = new Text(longName);
            whole.setFont(((Text) row.lookup(".pipeline-name")).getFont());
            double room = whole.getLayoutBounds().getWidth() + badge.getWidth() + 40;
            holder.setMaxWidth(room);
            return null;
        });
        show(known(longName, SUCCEEDED, 1, 0), false, "3 h ago", false);
        assertThat(onFx(() -> text(".pipeline-name"))).isEqualTo(longName);
    }

    @Test
    void theSecondLineKeepsTheAgeOnTheRightEdge() throws Exception {
        show(known("wallet-api", IN_PROGRESS, 0, 0), false, "3 h 53 min ago", false);

        Bounds when = onFx(() -> bounds(".row-when"));
        Bounds strip = onFx(() -> bounds(".stage-strip"));
        double width = onFx(row::getWidth);
        assertThat(when.getMaxX()).isCloseTo(width, org.assertj.core.data.Offset.offset(1.0));
        assertThat(strip.getMaxX()).isLessThan(when.getMinX());
    }

    private void show(PipelineRow pipeline, boolean pinned, String age, boolean stale) throws Exception {
        onFx(() -> {
            row.show(pipeline, pinned);
            row.showAge(age, stale);
            row.getScene().getRoot().applyCss();
            row.getScene().getRoot().layout();
            return null;
        });
    }

    private static PipelineRow known(String name, Status headline, int approvals, int disabled) {
        List<PipelineRow.StageMark> stages = List.of(
                new PipelineRow.StageMark("Source", SUCCEEDED, false, false),
                new PipelineRow.StageMark("Build", SUCCEEDED, false, false),
                new PipelineRow.StageMark("Deploy", headline, disabled > 0, false));
        return new PipelineRow(name, headline, approvals, disabled, NOW, null, stages, NOW.minusSeconds(1200));
    }

    private String text(String query) {
        return ((Text) row.lookup(query)).getText();
    }

    private String visibleLabel(String query) {
        Label label = (Label) row.lookup(query);
        return label.isVisible() ? label.getText() : null;
    }

    private Bounds bounds(String query) {
        Node node = row.lookup(query);
        return row.sceneToLocal(node.localToScene(node.getLayoutBounds()));
    }
}
