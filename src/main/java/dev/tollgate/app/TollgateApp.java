package dev.tollgate.app;

import dev.tollgate.aws.AwsEnvironment;
import dev.tollgate.aws.AwsProfiles;
import dev.tollgate.aws.ConnectionDiscovery;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.identity.ConnectionId;
import dev.tollgate.identity.ProfileSummary;
import dev.tollgate.identity.SignInWait;
import dev.tollgate.identity.SsoPortal;
import dev.tollgate.identity.WatchedConnection;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.sandbox.identity.IdentityCenter;
import dev.tollgate.storage.AppDirectories;
import dev.tollgate.storage.Preferences;
import dev.tollgate.storage.WatchedConnectionsStore;
import dev.tollgate.ui.common.FxDialogService;
import dev.tollgate.ui.common.Texts;
import dev.tollgate.ui.common.UncaughtErrors;
import dev.tollgate.ui.shell.BudgetMenu;
import dev.tollgate.ui.shell.DesktopNotifier;
import dev.tollgate.ui.shell.HelpDialogs;
import dev.tollgate.ui.shell.MainWindow;
import dev.tollgate.ui.shell.SystemAppearance;
import dev.tollgate.ui.shell.Theme;
import dev.tollgate.ui.signin.ConnectionActions;
import dev.tollgate.ui.signin.SignInView;
import dev.tollgate.ui.signin.SignInViewModel;
import dev.tollgate.watch.WatchSettings;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop application. {@link #init()} runs off the JavaFX thread, so building the connections and
 * starting the embedded sandbox (when no AWS configuration exists) never delays a frame. The connections
 * watched are those of the last run; on the first run, the configured profile, or the sandbox without one.
 * Adding or stopping a connection happens off the UI thread too, and is remembered at once.
 */
public final class TollgateApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(TollgateApp.class);

    private AppDirectories directories;
    private Preferences preferences = Preferences.defaults();
    private boolean systemPrefersDark;
    private final Locale systemLocale = Locale.getDefault();
    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    private final AwsEnvironment aws = AwsEnvironment.system();
    // Adding a connection builds it here, off the UI thread; stopping one closes it here.
    private final ExecutorService connecting = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tollgate-connect");
        thread.setDaemon(true);
        // Background work yields to the FX thread (see ConnectionWorkspace.daemonThreads).
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private volatile Sandbox sandbox;
    private volatile Tollgate tollgate;
    private volatile List<ProfileSummary> profiles = List.of();
    // What is watched, as it is remembered: changed and saved on the connecting thread only.
    private final List<WatchedConnection> watched = new CopyOnWriteArrayList<>();
    private WatchedConnectionsStore remembered;
    private Optional<URI> pushQueue = Optional.empty();
    private Optional<ConnectionId> pushTarget = Optional.empty();
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
            remembered = new WatchedConnectionsStore(directories.config().resolve("connections.json"));
            profiles = new AwsProfiles(aws).profiles();
            tollgate = new Tollgate(aws, Platform::runLater, Clock.systemDefaultZone(), WatchSettings.DESKTOP_IDLE_EVERY,
                    new FxDialogService(() -> stage), directories.config());
            if (preferences.callsPerSecond() != null) {
                tollgate.changeBudget(preferences.callsPerSecond());
            }
            ConnectionDiscovery discovery = new ConnectionDiscovery(aws);
            // Push mode's queue belongs to one account and region: the connection this run was started for.
            pushQueue = options.eventsQueueUrl().or(discovery::eventsQueue);
            pushTarget = (options.forceSandbox() ? Optional.<WatchedConnection>of(new WatchedConnection.Sandbox())
                    : options.profile().<WatchedConnection>map(discovery::profile)
                            .or(() -> discovery.configuredProfile(Optional.empty())))
                    .map(WatchedConnection::id);
            List<String> problems = new ArrayList<>();
            for (WatchedConnection connection : firstConnections(options)) {
                try {
                    open(connection);
                } catch (RuntimeException e) {
                    // One connection that cannot be built (its sandbox port is taken, say) leaves the others.
                    LOG.error("Could not watch {}", connection.id().label(), e);
                    problems.add(connection.id().label() + ": " + describe(e));
                }
            }
            if (tollgate.workspaces().isEmpty()) {
                startupProblem = String.join("\n", problems);
            } else if (!problems.isEmpty()) {
                Platform.runLater(() -> new Alert(Alert.AlertType.WARNING, String.join("\n", problems)).show());
            }
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
        install();
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

    /**
     * What to watch at start: {@code --sandbox} or {@code --profile} for this run, else what was watched
     * last time, else the configured profile, else the sandbox (a newcomer's first run).
     */
    private List<WatchedConnection> firstConnections(LaunchOptions options) {
        if (options.forceSandbox()) {
            return List.of(new WatchedConnection.Sandbox());
        }
        ConnectionDiscovery discovery = new ConnectionDiscovery(aws);
        if (options.profile().isPresent()) {
            return List.of(discovery.profile(options.profile().get()));
        }
        List<WatchedConnection> saved = remembered.load();
        if (!saved.isEmpty()) {
            return saved;
        }
        return List.of(discovery.configuredProfile(Optional.empty()).<WatchedConnection>map(profile -> profile)
                .orElseGet(() -> {
                    LOG.info("No AWS configuration found: using the embedded sandbox");
                    return new WatchedConnection.Sandbox();
                }));
    }

    /** Builds a connection and puts it on the board; it polls once started. Off the UI thread. */
    private ConnectionWorkspace open(WatchedConnection connection) {
        ConnectionSettings settings = new ConnectionDiscovery(aws).connectionFor(connection, this::sandboxEndpoint);
        if (pushTarget.equals(Optional.of(connection.id())) && pushQueue.isPresent()) {
            settings = settings.withEventsQueueUrl(pushQueue);
        } else if (connection instanceof WatchedConnection.Sandbox) {
            // Its own queue, so that a newcomer sees push mode at work; one reader only, or each would see
            // part of the events.
            settings = settings.withEventsQueueUrl(sandbox.eventsQueueUrl());
        }
        ConnectionWorkspace workspace = tollgate.watch(connection.id(), settings);
        watched.add(connection);
        return workspace;
    }

    /** Watches one more connection, without stopping the others, and remembers it. */
    private void add(java.util.function.Supplier<WatchedConnection> choice) {
        connecting.execute(() -> {
            WatchedConnection connection;
            try {
                connection = choice.get();
                if (watched.stream().anyMatch(w -> w.id().equals(connection.id()))) {
                    LOG.info("{} is watched already", connection.id().label());
                    return;
                }
                profiles = new AwsProfiles(aws).profiles();
                open(connection).start();
            } catch (RuntimeException e) {
                LOG.error("Could not add a connection", e);
                Platform.runLater(() -> new Alert(Alert.AlertType.ERROR, Texts.get("app.couldNotAdd", describe(e))).show());
                return;
            }
            LOG.info("Now watching {} as well", connection.id().label());
            remember();
        });
    }

    private void stopWatching(ConnectionId id) {
        connecting.execute(() -> {
            if (watched.size() < 2) {
                return;
            }
            tollgate.stopWatching(id);
            watched.removeIf(w -> w.id().equals(id));
            LOG.info("Stopped watching {}", id.label());
            remember();
        });
    }

    /** Saves what is watched now; on the connecting thread. */
    private void remember() {
        try {
            remembered.save(List.copyOf(watched));
        } catch (java.io.IOException e) {
            LOG.warn("Could not save the watched connections: {}", e.getMessage());
        }
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Shows the window's content in the current language. On the UI thread; called again on a language
     * change, the view models (and so drafts and selection) stay.
     */
    private void install() {
        window = tollgate.mainWindow(url -> getHostServices().showDocument(url), new Actions(), profiles);
        window.useDesktopNotifier(notifier);
        window.addHeaderTool(themeToggle());
        window.addHeaderTool(languageMenu());
        window.addHeaderTool(new BudgetMenu(tollgate.budget(), budget -> {
            preferences = preferences.withCallsPerSecond(budget);
            tollgate.changeBudget(budget);
            LOG.info("Request budget: {} calls per second per connection", budget);
        }));
        window.addHeaderTool(helpMenu(stage));
        scene.setRoot(window);
        MainWindow shown = window;
        stage.titleProperty().bind(Bindings.createStringBinding(() -> {
            int waiting = shown.waitingApprovals();
            return (waiting > 0 ? "(" + waiting + ") " : "") + "Tollgate — " + shown.connectionsProperty().get();
        }, shown.waitingApprovalsObservable(), shown.connectionsProperty()));
    }

    /** The embedded sandbox's endpoint, the sandbox started on first use (off the UI thread). */
    private synchronized URI sandboxEndpoint() {
        if (sandbox == null) {
            // With its events queue, so that a newcomer sees push mode at work.
            sandbox = Sandbox.start(SandboxConfig.defaults()
                    .withEventsQueue(Optional.of(SandboxConfig.DEMO_EVENTS_QUEUE)));
            LOG.info("Embedded sandbox at {}", sandbox.endpoint());
        }
        return sandbox.endpoint();
    }

    private boolean onEmbeddedSandbox(ConnectionSettings settings) {
        Sandbox running = sandbox;
        return running != null && settings.endpoint().equals(Optional.of(running.endpoint()));
    }

    /** The connections menu's, the board headers' and the expiry banners' requests. */
    private final class Actions implements ConnectionActions {

        /** Signs in with the endpoints of the connection on screen, and watches the role picked as well. */
        @Override
        public void signIn() {
            Optional<ConnectionWorkspace> base = tollgate.workspaceOnScreen();
            if (base.isEmpty()) {
                return;
            }
            boolean onSandbox = onEmbeddedSandbox(base.get().settings());
            List<SsoPortal> portals = new ArrayList<>();
            if (onSandbox) {
                portals.add(SsoPortal.session("tollgate-sandbox", IdentityCenter.START_URL, "us-east-1"));
            }
            profiles.stream().flatMap(p -> p.portal().stream()).distinct().forEach(portals::add);
            SignInViewModel model = new SignInViewModel(base.get().signIn(), base.get().tasks(),
                    getHostServices()::showDocument, SignInWait::new, portals, Optional.empty(),
                    choice -> add(() -> new WatchedConnection.SsoRole(choice.portal(), choice.account().id(),
                            choice.account().name(), choice.roleName(), choice.region(), onSandbox)),
                    () -> { });
            SignInView.show(model, stage, Theme::apply);
        }

        @Override
        public void signInAgain(ConnectionId connection) {
            Optional<ConnectionWorkspace> expired = tollgate.workspace(connection);
            if (expired.isEmpty()) {
                return;
            }
            ConnectionWorkspace workspace = expired.get();
            if (!(workspace.settings().credentials() instanceof ConnectionSettings.CredentialsSource.SsoRole role)) {
                // Keys and other profiles are renewed outside the app: look again.
                workspace.refreshAll();
                return;
            }
            SignInViewModel model = new SignInViewModel(workspace.signIn(), workspace.tasks(),
                    getHostServices()::showDocument, SignInWait::new, List.of(role.portal()), Optional.of(role.portal()),
                    choice -> { }, workspace::signedInAgain);
            SignInView.show(model, stage, Theme::apply);
        }

        @Override
        public void addProfile(String name) {
            add(() -> new ConnectionDiscovery(aws).profile(name));
        }

        @Override
        public void addSandbox() {
            add(WatchedConnection.Sandbox::new);
        }

        @Override
        public void stopWatching(ConnectionId connection) {
            TollgateApp.this.stopWatching(connection);
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
                install();
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
