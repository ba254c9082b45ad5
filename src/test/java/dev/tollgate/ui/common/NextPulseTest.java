package dev.tollgate.ui.common;

import static dev.tollgate.testing.TollgateWindow.onFx;
import static dev.tollgate.testing.TollgateWindow.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Work put off until a frame has passed: laid out in a pulse after the one that lays out its asker's changes. */
@ExtendWith(ApplicationExtension.class)
class NextPulseTest {

    /** Pulses laid out so far (kept coming by a running timer, as an idle window has none). */
    private int laidOut;
    private VBox root;
    private final AnimationTimer keepPulsing = new AnimationTimer() {
        @Override
        public void handle(long now) {
        }
    };

    @Start
    void start(Stage stage) {
        root = new VBox();
        Scene scene = new Scene(root, 300, 200);
        scene.addPostLayoutPulseListener(() -> laidOut++);
        stage.setScene(scene);
        stage.show();
        keepPulsing.start();
    }

    @AfterEach
    void stop() throws Exception {
        onFx(() -> {
            keepPulsing.stop();
            return null;
        });
    }

    @Test
    void theWorkRunsOnceAfterThePulseThatLaysOutWhatTheAskingTaskChanged() throws Exception {
        Label askersChange = new Label("inbox row");
        List<Integer> ranWhenLaidOut = new ArrayList<>();
        List<Boolean> askersChangeStyledBefore = new ArrayList<>();
        int askedWhenLaidOut = onFx(() -> {
            root.getChildren().add(askersChange);
            NextPulse.run(() -> {
                ranWhenLaidOut.add(laidOut);
                askersChangeStyledBefore.add(askersChange.getSkin() != null);
                root.getChildren().add(new Label("review"));
            });
            assertThat(ranWhenLaidOut).as("not in the task that asked").isEmpty();
            return laidOut;
        });

        waitUntil(() -> !ranWhenLaidOut.isEmpty());
        int ranAt = onFx(() -> ranWhenLaidOut.get(0));
        waitUntil(() -> laidOut > ranAt + 3);

        onFx(() -> {
            assertThat(ranWhenLaidOut).as("once").hasSize(1);
            assertThat(ranWhenLaidOut.get(0)).as("a pulse was laid out between asking and the work")
                    .isGreaterThan(askedWhenLaidOut);
            assertThat(askersChangeStyledBefore).as("the asker's change had its own frame").containsExactly(true);
            return null;
        });
    }
}
