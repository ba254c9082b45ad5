package dev.tollgate.app;

import dev.tollgate.aws.AwsEnvironment;
import dev.tollgate.aws.AwsProfiles;
import dev.tollgate.aws.ConnectionDiscovery;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.identity.ProfileSummary;
import dev.tollgate.identity.SignInWait;
import dev.tollgate.identity.SsoPortal;
import dev.tollgate.sandbox.identity.IdentityCenter;
import dev.tollgate.ui.signin.ConnectionActions;
import dev.tollgate.ui.signin.SignInView;
import dev.tollgate.ui.signin.SignInViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.storage.AppDirectories;
import dev.tollgate.ui.common.FxDialogService;
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

    private final AwsEnvironment aws = AwsEnvironment.system();
    // Switching connections builds the new one here, off the UI thread, and closes the old one after.
    private final ExecutorService connecting = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tollgate-connect");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Sandbox sandbox;
    private volatile Tollgate tollgate;
    private volatile List<ProfileSummary> profiles = List.of();
    private String startupProblem;
    private Stage stage;
    private Scene scene;
    private MainWindow window;

    @Override
    public void init() {
        try {
            LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
            Optional<ConnectionSettings> configured = options.forceSandbox() ? Optional.empty()
                    : new ConnectionDiscovery(aws).configured(options.profile());
            ConnectionSettings settings = configured.orElseGet(() -> {
                LOG.info("No AWS configuration found: using the embedded sandbox");
                return sandboxConnection();
            });
            profiles = new AwsProfiles(aws).profiles();
            tollgate = build(settings);
        } catch (RuntimeException e) {
            LOG.error("Tollgate could not start", e);
            startupProblem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                LOG.error("Uncaught exception on {}", thread.getName(), error));
        if (startupProblem != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, startupProblem);
            alert.setHeaderText("Tollgate could not start");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        scene = new Scene(new javafx.scene.layout.Pane(), 1280, 800);
        Theme.apply(scene);
        scene.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.F5) {
                window.refresh();
            } else if (event.getCode() == KeyCode.O && event.isShortcutDown()) {
                window.openDefinitionsFile();
            }
        });
        install(tollgate);
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

    private Tollgate build(ConnectionSettings settings) {
        return new Tollgate(settings, aws, Platform::runLater, Clock.systemDefaultZone(), POLL_INTERVAL,
                new FxDialogService(() -> stage), AppDirectories.forCurrentUser().config());
    }

    /** Shows a connection's window content. On the UI thread. */
    private void install(Tollgate connection) {
        window = connection.mainWindow(url -> getHostServices().showDocument(url), new Actions(), profiles);
        scene.setRoot(window);
        String label = connection.settings().label();
        MainWindow shown = window;
        stage.titleProperty().bind(Bindings.createStringBinding(() -> {
            int waiting = shown.waitingApprovals();
            return (waiting > 0 ? "(" + waiting + ") " : "") + "Tollgate — " + label;
        }, shown.waitingApprovalsObservable()));
    }

    /** Builds the new connection off the UI thread, swaps it in, then closes the old one. */
    private void switchTo(java.util.function.Supplier<ConnectionSettings> settings) {
        connecting.execute(() -> {
            Tollgate next;
            try {
                ConnectionSettings chosen = settings.get();
                profiles = new AwsProfiles(aws).profiles();
                next = build(chosen);
            } catch (RuntimeException e) {
                LOG.error("Could not switch connections", e);
                Platform.runLater(() -> new Alert(Alert.AlertType.ERROR, "Could not switch connections: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())).show());
                return;
            }
            Platform.runLater(() -> {
                Tollgate previous = tollgate;
                tollgate = next;
                install(next);
                next.startWatching();
                LOG.info("Now watching {}", next.settings().label());
                connecting.execute(previous::close);
            });
        });
    }

    /** The sandbox, started on first use (off the UI thread). */
    private ConnectionSettings sandboxConnection() {
        if (sandbox == null) {
            sandbox = Sandbox.start(SandboxConfig.defaults());
            LOG.info("Embedded sandbox at {}", sandbox.endpoint());
        }
        return ConnectionSettings.sandbox(sandbox.endpoint());
    }

    /** The connection menu's and the expiry banner's requests. */
    private final class Actions implements ConnectionActions {

        @Override
        public void signIn() {
            Tollgate current = tollgate;
            ConnectionSettings settings = current.settings();
            List<SsoPortal> portals = new ArrayList<>();
            if (settings.isSandbox() || settings.endpoint().isPresent() && sandbox != null) {
                portals.add(SsoPortal.session("tollgate-sandbox", IdentityCenter.START_URL, "us-east-1"));
            }
            profiles.stream().flatMap(p -> p.portal().stream()).distinct().forEach(portals::add);
            SignInViewModel model = new SignInViewModel(current.signIn(), current.tasks(), getHostServices()::showDocument,
                    SignInWait::new, portals, Optional.empty(),
                    choice -> switchTo(() -> ConnectionSettings.ssoRole(choice.portal(), choice.account().id(),
                                    choice.roleName(), choice.region(), settings.endpoint())
                            .withServiceEndpoints(settings.serviceEndpoints())
                            // The header adds who the approver is (role, account) once STS has answered.
                            .withLabel(Optional.ofNullable(choice.account().name()).filter(n -> !n.isBlank())
                                    .orElse(choice.account().id()) + " · " + choice.region())),
                    () -> { });
            SignInView.show(model, stage, Theme::apply);
        }

        @Override
        public void signInAgain() {
            Tollgate current = tollgate;
            if (!(current.settings().credentials() instanceof ConnectionSettings.CredentialsSource.SsoRole role)) {
                signIn();
                return;
            }
            SignInViewModel model = new SignInViewModel(current.signIn(), current.tasks(), getHostServices()::showDocument,
                    SignInWait::new, List.of(role.portal()), Optional.of(role.portal()), choice -> { },
                    current::signedInAgain);
            SignInView.show(model, stage, Theme::apply);
        }

        @Override
        public void useProfile(String name) {
            switchTo(() -> new ConnectionDiscovery(aws).connectionFor(name));
        }

        @Override
        public void useSandbox() {
            switchTo(TollgateApp.this::sandboxConnection);
        }
    }

    /** The time from process start to the first shown window: a number the startup benchmark reads. */
    private static void logStartupTime() {
        ProcessHandle.current().info().startInstant().ifPresent(started ->
                LOG.info("First window after {} ms", java.time.Duration.between(started, java.time.Instant.now()).toMillis()));
    }

    @Override
    public void stop() {
        connecting.shutdown();
        if (tollgate != null) {
            tollgate.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
