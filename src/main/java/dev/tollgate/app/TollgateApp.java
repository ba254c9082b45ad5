package dev.tollgate.app;

import dev.tollgate.aws.ConnectionDiscovery;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.storage.AppDirectories;
import dev.tollgate.ui.common.FxDialogService;
import dev.tollgate.ui.common.UncaughtErrors;
import dev.tollgate.ui.shell.MainWindow;
import dev.tollgate.ui.shell.Theme;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop application. {@link #init()} runs off the JavaFX thread, so choosing the connection and
 * starting the embedded sandbox (when no AWS configuration exists) never delays a frame.
 */
public final class TollgateApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(TollgateApp.class);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(3);

    private Sandbox sandbox;
    private Tollgate tollgate;
    private String startupProblem;
    private Stage stage;

    @Override
    public void init() {
        try {
            LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
            Optional<ConnectionSettings> configured = options.forceSandbox() ? Optional.empty()
                    : new ConnectionDiscovery(System.getenv()).configured(options.profile());
            ConnectionSettings settings = configured.orElseGet(() -> {
                sandbox = Sandbox.start(SandboxConfig.defaults());
                LOG.info("No AWS configuration found: using the embedded sandbox at {}", sandbox.endpoint());
                return ConnectionSettings.sandbox(sandbox.endpoint());
            });
            tollgate = new Tollgate(settings, Platform::runLater, Clock.systemDefaultZone(), POLL_INTERVAL,
                    new FxDialogService(() -> stage), AppDirectories.forCurrentUser().config());
        } catch (RuntimeException e) {
            LOG.error("Tollgate could not start", e);
            startupProblem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        UncaughtErrors uncaught = new UncaughtErrors(Platform::runLater, message -> {
            Alert alert = new Alert(Alert.AlertType.WARNING, message);
            alert.setHeaderText("Something went wrong");
            alert.initOwner(stage);
            alert.show();
        });
        Thread.setDefaultUncaughtExceptionHandler(uncaught);
        Thread.currentThread().setUncaughtExceptionHandler(uncaught);
        if (startupProblem != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, startupProblem);
            alert.setHeaderText("Tollgate could not start");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        MainWindow window = tollgate.mainWindow(url -> getHostServices().showDocument(url));
        Scene scene = new Scene(window, 1280, 800);
        Theme.apply(scene);
        scene.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.F5) {
                window.refresh();
            } else if (event.getCode() == KeyCode.O && event.isShortcutDown()) {
                window.openDefinitionsFile();
            }
        });
        String connection = tollgate.settings().label();
        primaryStage.titleProperty().bind(Bindings.createStringBinding(() -> {
            int waiting = window.waitingApprovals();
            return (waiting > 0 ? "(" + waiting + ") " : "") + "Tollgate — " + connection;
        }, window.waitingApprovalsObservable()));
        primaryStage.getIcons().addAll(
                new Image(TollgateApp.class.getResourceAsStream("tollgate-64.png")),
                new Image(TollgateApp.class.getResourceAsStream("tollgate-256.png")));
        primaryStage.setScene(scene);
        primaryStage.setMinWidth(900);
        primaryStage.setMinHeight(600);
        primaryStage.show();
        tollgate.startWatching();
        logStartupTime();
    }

    /** The time from process start to the first shown window: a number the startup benchmark reads. */
    private static void logStartupTime() {
        ProcessHandle.current().info().startInstant().ifPresent(started ->
                LOG.info("First window after {} ms", java.time.Duration.between(started, java.time.Instant.now()).toMillis()));
    }

    @Override
    public void stop() {
        if (tollgate != null) {
            tollgate.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
