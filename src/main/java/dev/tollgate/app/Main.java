package dev.tollgate.app;

import dev.tollgate.sandbox.SandboxCommand;
import dev.tollgate.storage.AppDirectories;
import dev.tollgate.ui.shell.BenchProbe;
import java.util.Arrays;
import javafx.application.Application;

/**
 * Entry point. A plain class rather than the JavaFX Application itself, so that the JavaFX runtime loads
 * from the class path: {@code java -jar tollgate.jar [--sandbox] [--profile NAME]} opens the window,
 * {@code java -jar tollgate.jar sandbox --port N} runs the sandbox headless.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("sandbox")) {
            System.exit(SandboxCommand.run(Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        // Before the first logger exists: logback.xml writes tollgate.log into the OS's state folder.
        if (System.getProperty("tollgate.logDir") == null) {
            System.setProperty("tollgate.logDir", AppDirectories.forCurrentUser().state().toString());
        }
        // Start-up and pulse measurements for the app benchmark, only with -Dtollgate.bench=true (docs/BENCHMARKS.md).
        BenchProbe.installIfRequested();
        Application.launch(TollgateApp.class, args);
    }
}
