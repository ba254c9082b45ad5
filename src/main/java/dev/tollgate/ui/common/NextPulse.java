package dev.tollgate.ui.common;

import javafx.animation.AnimationTimer;

/**
 * Work put off until a frame has been drawn, so that what it builds is styled and laid out in a pulse of its
 * own instead of lengthening the frame in which it was asked for. Neither {@code Platform.runLater} (its task
 * may run before the next pulse) nor an animation timer's first tick (it comes at the start of the very pulse
 * that styles what the asking task changed) does that: the work runs at the start of the second pulse after
 * it was asked for. FX thread only.
 */
public final class NextPulse {

    private NextPulse() {
    }

    public static void run(Runnable work) {
        new AnimationTimer() {
            private boolean framePassed;

            @Override
            public void handle(long now) {
                if (!framePassed) {
                    framePassed = true;
                    return;
                }
                stop();
                work.run();
            }
        }.start();
    }
}
