package dev.tollgate.e2e;

import dev.tollgate.app.Tollgate;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.ui.shell.Theme;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, wired by the composition root against a sandbox, as the UI tests open it. */
final class TollgateWindow {

    private TollgateWindow() {
    }

    /** Shows Tollgate in the stage and starts watching; reject confirmations answer yes. */
    static Tollgate open(Stage stage, Sandbox sandbox, Duration pollInterval, Path dataDirectory) {
        Tollgate tollgate = new Tollgate(ConnectionSettings.sandbox(sandbox.endpoint()), Platform::runLater,
                Clock.systemUTC(), pollInterval, (title, question, confirm) -> true, dataDirectory);
        Scene scene = new Scene(tollgate.mainWindow(url -> { }), 1280, 800);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
        tollgate.startWatching();
        return tollgate;
    }

    /** Waits up to 15 s for the condition, letting the FX thread run between checks. */
    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }
}
