package dev.tollgate.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.aws.AwsClients;
import dev.tollgate.aws.AwsEnvironment;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.identity.SignInWait;
import dev.tollgate.identity.SsoAccount;
import dev.tollgate.identity.SsoPortal;
import dev.tollgate.sandbox.ManualClock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.sandbox.identity.IdentityCenter;
import dev.tollgate.ui.common.BackgroundTasks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The sign-in dialog's view model against the sandbox, synchronously (same-thread tasks, no JavaFX
 * toolkit): the browser is simulated by approving the code the app opens.
 */
class SignInViewModelTest {

    private static final SsoPortal PORTAL = SsoPortal.session("tollgate-sandbox", IdentityCenter.START_URL, "us-east-1");
    // Everything the sandbox hands out that must stay secret starts like this (see IdentityCenter).
    private static final Pattern SANDBOX_SECRET = Pattern.compile("(aoa|aor|secret|IQoJ|dc)[A-Za-z0-9]{30,}");

    @TempDir
    Path home;

    private Sandbox sandbox;
    private AwsClients clients;
    private final BackgroundTasks tasks = new BackgroundTasks(Runnable::run, Runnable::run);
    private final List<String> opened = new ArrayList<>();
    private final List<SignInViewModel.RoleChoice> chosen = new ArrayList<>();
    private int signedInAgain;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(Instant.parse("2026-11-24T09:00:00Z"))));
        clients = new AwsClients(ConnectionSettings.sandbox(sandbox.endpoint()), new AwsEnvironment(Map.of(), home),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        clients.close();
        sandbox.close();
    }

    /** A browser that approves whatever page the app opens, and pauses that return at once. */
    private SignInViewModel model(Optional<SsoPortal> fixed, boolean approveInBrowser) {
        return new SignInViewModel(clients.signIn(), tasks, url -> {
            opened.add(url);
            if (approveInBrowser) {
                post(sandbox.endpoint() + "/_sandbox/sso/device/approve?user_code=" + url.substring(url.indexOf("user_code=") + 10));
            }
        }, () -> new SignInWait() {
            @Override
            public boolean pause(Duration duration) {
                return !isCancelled();
            }
        }, List.of(PORTAL), fixed, chosen::add, () -> signedInAgain++);
    }

    private static void post(String url) {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void signsInThenOffersTheAccountsAndPreselectsTheApproverRole() {
        SignInViewModel model = model(Optional.empty(), true);
        assertThat(model.startUrlProperty().get()).isEqualTo(IdentityCenter.START_URL);
        assertThat(model.canStartProperty().get()).isTrue();

        model.start();

        assertThat(opened).singleElement().asString().contains("/_sandbox/sso/device?user_code=");
        assertThat(model.stepProperty().get()).isEqualTo(SignInViewModel.Step.PICK_ROLE);
        assertThat(model.accounts()).extracting(SsoAccount::id).containsExactly("123456789012", "210987654321");
        assertThat(model.canConnectProperty().get()).isFalse();

        model.accountProperty().set(model.accounts().get(0));
        assertThat(model.roles()).containsExactly("Approver", "ReadOnly");
        assertThat(model.roleProperty().get()).isEqualTo("Approver");
        model.watchRegionProperty().set("eu-west-1");
        model.connect();

        assertThat(model.stepProperty().get()).isEqualTo(SignInViewModel.Step.DONE);
        assertThat(chosen).singleElement().satisfies(choice -> {
            assertThat(choice.portal()).isEqualTo(PORTAL);
            assertThat(choice.account().id()).isEqualTo("123456789012");
            assertThat(choice.roleName()).isEqualTo("Approver");
            assertThat(choice.region()).isEqualTo("eu-west-1");
        });
    }

    @Test
    void aSignInAlreadyInTheCacheSkipsTheBrowser() {
        model(Optional.empty(), true).start();
        opened.clear();

        SignInViewModel again = model(Optional.empty(), true);
        again.start();

        assertThat(opened).isEmpty();
        assertThat(again.stepProperty().get()).isEqualTo(SignInViewModel.Step.PICK_ROLE);
    }

    @Test
    void aCachedSignInThePortalNoLongerHonoursLeadsToTheBrowser() throws IOException {
        Path cache = home.resolve(".aws/sso/cache");
        Files.createDirectories(cache);
        // Valid by its date, but unknown to this portal (revoked, or from another sandbox run).
        Files.writeString(cache.resolve(sha1("tollgate-sandbox") + ".json"), "{\"startUrl\":\"" + IdentityCenter.START_URL
                + "\",\"region\":\"us-east-1\",\"accessToken\":\"aoaRevoked\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}");
        SignInViewModel model = model(Optional.empty(), true);

        model.start();

        assertThat(opened).hasSize(1);
        assertThat(model.stepProperty().get()).isEqualTo(SignInViewModel.Step.PICK_ROLE);
        assertThat(model.problemProperty().get()).isNull();
    }

    private static String sha1(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void signingInAgainAsksTheBrowserEvenWithACachedTokenAndSkipsPicking() {
        model(Optional.empty(), true).start();
        opened.clear();

        SignInViewModel again = model(Optional.of(PORTAL), true);
        again.start();

        assertThat(opened).hasSize(1);
        assertThat(again.stepProperty().get()).isEqualTo(SignInViewModel.Step.DONE);
        assertThat(signedInAgain).isEqualTo(1);
        assertThat(chosen).isEmpty();
    }

    @Test
    void aDeclinedRequestGoesBackToTheStartWithAReason() {
        SignInViewModel model = new SignInViewModel(clients.signIn(), tasks,
                url -> post(sandbox.endpoint() + "/_sandbox/sso/device/deny?user_code=" + url.substring(url.indexOf("user_code=") + 10)),
                () -> new SignInWait() {
                    @Override
                    public boolean pause(Duration duration) {
                        return true;
                    }
                }, List.of(PORTAL), Optional.empty(), chosen::add, () -> { });

        model.start();

        assertThat(model.stepProperty().get()).isEqualTo(SignInViewModel.Step.PORTAL);
        assertThat(model.problemProperty().get()).isEqualTo("The request was declined in the browser.");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void anUnreachablePortalIsReportedInWords() {
        AwsClients nowhere = new AwsClients(ConnectionSettings.sandbox(URI.create("http://127.0.0.1:1")),
                new AwsEnvironment(Map.of(), home), Clock.systemUTC());
        try {
            SignInViewModel model = new SignInViewModel(nowhere.signIn(), tasks, opened::add, SignInWait::new,
                    List.of(PORTAL), Optional.empty(), chosen::add, () -> { });
            model.start();

            assertThat(model.stepProperty().get()).isEqualTo(SignInViewModel.Step.PORTAL);
            assertThat(model.problemProperty().get()).startsWith("Could not start signing in to " + IdentityCenter.START_URL);
        } finally {
            nowhere.close();
        }
    }

    @Test
    void noStartWithoutAnHttpsStartUrlAndARegion() {
        SignInViewModel model = model(Optional.empty(), false);
        model.startUrlProperty().set("my-company.awsapps.com/start");
        assertThat(model.canStartProperty().get()).isFalse();
        model.startUrlProperty().set("https://my-company.awsapps.com/start");
        model.portalRegionProperty().set("Frankfurt");
        assertThat(model.canStartProperty().get()).isFalse();
        model.portalRegionProperty().set("eu-central-1");
        assertThat(model.canStartProperty().get()).isTrue();
    }

    @Test
    void noTokenOrSecretReachesAnyLogLine() throws IOException {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level rootLevel = root.getLevel();
        Logger sdk = (Logger) LoggerFactory.getLogger("software.amazon.awssdk");
        Level sdkLevel = sdk.getLevel();
        Logger app = (Logger) LoggerFactory.getLogger("dev.tollgate");
        Level appLevel = app.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        // Everything, at every level, the SDK's request logging included; only the SigV4 signers keep the level
        // logback.xml pins them at, because at DEBUG they print canonical requests with the session token.
        root.setLevel(Level.TRACE);
        sdk.setLevel(Level.TRACE);
        app.setLevel(Level.TRACE);
        try {
            SignInViewModel model = model(Optional.empty(), true);
            model.start();
            model.accountProperty().set(model.accounts().get(0));
            model.connect();
            SignInViewModel.RoleChoice choice = chosen.get(0);
            try (AwsClients role = new AwsClients(ConnectionSettings.ssoRole(choice.portal(), choice.account().id(),
                    choice.roleName(), "us-east-1", Optional.of(sandbox.endpoint())), new AwsEnvironment(Map.of(), home),
                    Clock.systemUTC())) {
                role.identity().whoAmI();
                role.codePipeline().listPipelines();
                sandbox.identity().expireAccessTokens();
                rewriteExpiry();
                role.signIn().accounts(PORTAL);
                sandbox.identity().expireEverything();
                role.forgetCredentials();
                try {
                    role.identity().whoAmI();
                } catch (RuntimeException expected) {
                    // The expired sign-in is part of the flow to scan.
                }
            }
        } finally {
            root.detachAppender(captured);
            root.setLevel(rootLevel);
            sdk.setLevel(sdkLevel);
            app.setLevel(appLevel);
        }

        JsonNode cache = new ObjectMapper().readTree(Files.readAllBytes(cacheFile()));
        List<String> secrets = Stream.of("accessToken", "refreshToken", "clientSecret")
                .map(field -> cache.get(field).asText()).toList();
        assertThat(captured.list).anySatisfy(e -> assertThat(e.getLoggerName()).startsWith("software.amazon.awssdk"));
        assertThat(captured.list).anySatisfy(e -> assertThat(e.getLoggerName()).startsWith("dev.tollgate.aws"));
        for (ILoggingEvent event : captured.list) {
            String line = event.getFormattedMessage() + " " + throwableText(event.getThrowableProxy());
            for (String secret : secrets) {
                assertThat(line).as("log line from %s", event.getLoggerName()).doesNotContain(secret);
            }
            Matcher leak = SANDBOX_SECRET.matcher(line);
            assertThat(leak.find()).as("a sandbox secret in a log line from %s: %s", event.getLoggerName(),
                    leak.find(0) ? leak.group().substring(0, 6) + "…" : "").isFalse();
        }
    }

    private Path cacheFile() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve(".aws/sso/cache"))) {
            return files.findFirst().orElseThrow();
        }
    }

    private void rewriteExpiry() throws IOException {
        Path file = cacheFile();
        JsonNode node = new ObjectMapper().readTree(Files.readAllBytes(file));
        Files.writeString(file, node.toString().replace(node.get("expiresAt").asText(), "2020-01-01T00:00:00Z"));
    }

    private static String throwableText(IThrowableProxy proxy) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy p = proxy; p != null; p = p.getCause()) {
            text.append(p.getClassName()).append(": ").append(p.getMessage()).append(' ');
        }
        return text.toString();
    }
}
