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
import dev.tollgate.storage.Preferences;
import dev.tollgate.ui.common.Texts;
import dev.tollgate.ui.shell.DesktopNotifier;
import java.util.Locale;
import dev.tollgate.ui.shell.HelpDialogs;
import dev.tollgate.ui.shell.SystemAppearance;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
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

    private AppDirectories directories;
    private Preferences preferences = Preferences.defaults();
    private boolean systemPrefersDark;
    private final Locale systemLocale = Locale.getDefault();
    private final BooleanProperty dark = new SimpleBooleanProperty(false);
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
    // One for the whole run: a tray icon must not multiply with each connection or language switch. Daemon
    // threads, because a notification waiting for its click must not keep Tollgate running after it quits.
    private final DesktopNotifier notifier = new DesktopNotifier(command -> {
        Thread thread = new Thread(command, "tollgate-notify");
        thread.setDaemon(true);
        thread.start();
    }, Platform::runLater, System.getProperty("os.name", ""), System.getenv("PATH"));

    @Override
    public void init() {
        try {
            directories = AppDirectories.forCurrentUser();
            preferences = Preferences.load(directories.config().resolve("preferences.json"));
            if (!"system".equals(preferences.language())) {
                Locale.setDefault(Locale.forLanguageTag(preferences.language()));
            }
            systemPrefersDark = "system".equals(preferences.theme())
                    && SystemAppearance.prefersDark(System.getProperty("os.name", ""));
            LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
            Optional<ConnectionSettings> configured = options.forceSandbox() ? Optional.empty()
                    : new ConnectionDiscovery(aws).configured(options.profile());
            ConnectionSettings settings = configured.orElseGet(() -> {
                LOG.info("No AWS configuration found: using the embedded sandbox");
                return sandboxConnection();
            });
            if (options.eventsQueueUrl().isPresent()) {
                settings = settings.withEventsQueueUrl(options.eventsQueueUrl());
            }
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
        UncaughtErrors uncaught = new UncaughtErrors(Platform::runLater, message -> {
            Alert alert = new Alert(Alert.AlertType.WARNING, message);
            alert.setHeaderText(Texts.get("app.somethingWrong"));
            alert.initOwner(stage);
            alert.show();
        });
        Thread.setDefaultUncaughtExceptionHandler(uncaught);
        Thread.currentThread().setUncaughtExceptionHandler(uncaught);
        if (startupProblem != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, startupProblem);
            alert.setHeaderText(Texts.get("app.couldNotStart"));
            alert.showAndWait();
            Platform.exit();
            return;
        }
        Preferences.WindowBounds bounds = preferences.window();
        scene = new Scene(new javafx.scene.layout.Pane(), bounds == null ? 1280 : bounds.width(),
                bounds == null ? 800 : bounds.height());
        dark.set("dark".equals(preferences.theme()) || systemPrefersDark);
        Theme.apply(scene, dark.get());
        dark.addListener((obs, old, isDark) -> {
            Theme.use(isDark);
            preferences = preferences.withTheme(isDark ? "dark" : "light");
        });
        scene.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.F5) {
                window.refresh();
            } else if (event.getCode() == KeyCode.O && event.isShortcutDown()) {
                window.openDefinitionsFile();
            } else if (event.getCode() == KeyCode.D && event.isShortcutDown() && event.isShiftDown()) {
                dark.set(!dark.get());
            } else if (event.getCode() == KeyCode.F1) {
                HelpDialogs.showShortcuts(primaryStage);
            }
        });
        install(tollgate);
        primaryStage.getIcons().addAll(
                new Image(TollgateApp.class.getResourceAsStream("tollgate-64.png")),
                new Image(TollgateApp.class.getResourceAsStream("tollgate-256.png")));
        primaryStage.setScene(scene);
        if (bounds != null) {
            primaryStage.setX(bounds.x());
            primaryStage.setY(bounds.y());
            primaryStage.setMaximized(bounds.maximized());
        }
        primaryStage.setMinWidth(900);
        primaryStage.setMinHeight(600);
        primaryStage.show();
        tollgate.startWatching();
        logStartupTime();
    }

    private Tollgate build(ConnectionSettings settings) {
        return new Tollgate(settings, aws, Platform::runLater, Clock.systemDefaultZone(), POLL_INTERVAL,
                new FxDialogService(() -> stage), directories.config());
    }

    /**
     * Shows a connection's window content in the current language. On the UI thread; called again on a
     * connection or language change, the view models (and so drafts and selection) stay.
     */
    private void install(Tollgate connection) {
        window = connection.mainWindow(url -> getHostServices().showDocument(url), new Actions(), profiles);
        window.useDesktopNotifier(notifier);
        window.addHeaderTool(themeToggle());
        window.addHeaderTool(languageMenu());
        window.addHeaderTool(helpMenu(stage));
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
                Platform.runLater(() -> new Alert(Alert.AlertType.ERROR, Texts.get("app.couldNotSwitch",
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())).show());
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
            // With its events queue, so that a newcomer sees push mode at work.
            sandbox = Sandbox.start(SandboxConfig.defaults()
                    .withEventsQueue(Optional.of(SandboxConfig.DEMO_EVENTS_QUEUE)));
            LOG.info("Embedded sandbox at {}", sandbox.endpoint());
        }
        return ConnectionSettings.sandbox(sandbox.endpoint()).withEventsQueueUrl(sandbox.eventsQueueUrl());
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

    private MenuButton languageMenu() {
        MenuButton menu = new MenuButton(null, new FontIcon(Feather.GLOBE));
        menu.setId("languageMenu");
        menu.setTooltip(new Tooltip(Texts.get("shell.language")));
        for (String[] choice : new String[][] {{"system", Texts.get("shell.language.system")}, {"en", "English"}, {"fr", "Français"}}) {
            MenuItem item = new MenuItem(choice[1]);
            item.setOnAction(event -> {
                preferences = preferences.withLanguage(choice[0]);
                Locale.setDefault(choice[0].equals("system") ? systemLocale : Locale.forLanguageTag(choice[0]));
                install(tollgate);
            });
            menu.getItems().add(item);
        }
        return menu;
    }

    private Button themeToggle() {
        Button toggle = new Button();
        toggle.setId("themeToggle");
        toggle.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(dark.get() ? Feather.SUN : Feather.MOON), dark));
        toggle.setTooltip(new Tooltip(Texts.get("shell.theme")));
        toggle.setOnAction(event -> dark.set(!dark.get()));
        return toggle;
    }

    private MenuButton helpMenu(Stage owner) {
        MenuItem shortcuts = new MenuItem(Texts.get("shell.help.shortcuts"));
        shortcuts.setOnAction(event -> HelpDialogs.showShortcuts(owner));
        MenuItem logs = new MenuItem(Texts.get("shell.help.logs"));
        logs.setOnAction(event -> getHostServices().showDocument(directories.state().toUri().toString()));
        MenuItem about = new MenuItem(Texts.get("shell.help.about"));
        String version = Optional.ofNullable(TollgateApp.class.getPackage().getImplementationVersion()).orElseGet(() -> Texts.get("app.developmentBuild"));
        about.setOnAction(event -> HelpDialogs.showAbout(owner, version, url -> getHostServices().showDocument(url)));
        MenuButton help = new MenuButton(null, new FontIcon(Feather.HELP_CIRCLE), shortcuts, logs, about);
        help.setId("helpMenu");
        return help;
    }

    @Override
    public void stop() {
        connecting.shutdown();
        if (stage != null && stage.getScene() != null && directories != null) {
            Preferences remembered = preferences.withWindow(new Preferences.WindowBounds(
                    stage.getX(), stage.getY(), stage.getScene().getWidth(), stage.getScene().getHeight(), stage.isMaximized()));
            try {
                // The window is already gone: this small write delays only the exit, never a frame.
                remembered.save(directories.config().resolve("preferences.json"));
            } catch (java.io.IOException e) {
                LOG.warn("Could not save preferences: {}", e.getMessage());
            }
        }
        notifier.close();
        if (tollgate != null) {
            tollgate.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
