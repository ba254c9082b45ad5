package dev.tollgate.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.identity.CallerIdentity;
import dev.tollgate.identity.PendingSignIn;
import dev.tollgate.identity.SignInOutcome;
import dev.tollgate.identity.SignInWait;
import dev.tollgate.identity.SsoAccount;
import dev.tollgate.identity.SsoPortal;
import dev.tollgate.pipeline.ApprovalDecision;
import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.sandbox.ManualClock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.sandbox.identity.IdentityCenter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.internal.SsoAccessTokenProvider;

/**
 * IAM Identity Center sign-in, the CLI token cache, STS identity and IAM denials, with the real SDK clients
 * against the in-process sandbox. Every file lives in a temporary home, never the real ~/.aws.
 */
class SignInAgainstSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final SsoPortal PORTAL = SsoPortal.session("tollgate-sandbox", IdentityCenter.START_URL, "us-east-1");

    @TempDir
    Path home;

    private Sandbox sandbox;
    private AwsEnvironment environment;
    private final List<AwsClients> opened = new ArrayList<>();

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(Instant.parse("2026-11-24T09:00:00Z"))));
        environment = new AwsEnvironment(Map.of(), home);
    }

    @AfterEach
    void stop() {
        opened.forEach(AwsClients::close);
        sandbox.close();
    }

    private AwsClients clients(ConnectionSettings settings) {
        AwsClients clients = new AwsClients(settings, environment, Clock.systemUTC());
        opened.add(clients);
        return clients;
    }

    private AwsClients sandboxClients() {
        return clients(ConnectionSettings.sandbox(sandbox.endpoint()));
    }

    private AwsClients role(String roleName) {
        return clients(ConnectionSettings.ssoRole(PORTAL, Sandbox.ACCOUNT_ID, roleName, "us-east-1",
                Optional.of(sandbox.endpoint())));
    }

    /** Pauses that return at once and let the test act at the n-th pause (1-based), recording each interval. */
    static final class ScriptedWait extends SignInWait {
        final List<Duration> pauses = new ArrayList<>();
        private final IntConsumer atPause;

        ScriptedWait(IntConsumer atPause) {
            this.atPause = atPause;
        }

        @Override
        public boolean pause(Duration duration) {
            pauses.add(duration);
            atPause.accept(pauses.size());
            return !isCancelled();
        }
    }

    private SignInOutcome signIn(AwsClients clients, int approveAtPause) {
        PendingSignIn pending = clients.signIn().begin(PORTAL);
        ScriptedWait wait = new ScriptedWait(n -> {
            if (n == approveAtPause) {
                approve(pending.code().userCode());
            }
        });
        return pending.await(wait);
    }

    /** The person at the browser, through the sandbox's control route. */
    private void approve(String userCode) {
        HttpResponse<String> response = post("/_sandbox/sso/device/approve?user_code=" + userCode);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private HttpResponse<String> post(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.endpoint() + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Path cacheFile() {
        return home.resolve(".aws/sso/cache/" + SsoTokenCache.sha1Hex("tollgate-sandbox") + ".json");
    }

    // ------------------------------------------------------------------ identity

    @Test
    void theSandboxCallerIsTheApproverThatCodePipelineRecords() {
        AwsClients clients = sandboxClients();
        CallerIdentity me = clients.identity().whoAmI();
        CodePipelineGateway pipelines = new CodePipelineGateway(clients.codePipeline(), Clock.systemUTC());
        ApprovalRequest request = pipelines.snapshot("ecs-webapp").pendingApprovals().get(0);

        pipelines.decide(request, new ApprovalDecision(ApprovalDecision.Verdict.APPROVE, "Looks right"));

        assertThat(me.arn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/Approver/TOLLGATESANDBOX");
        assertThat(me.accountId()).isEqualTo(Sandbox.ACCOUNT_ID);
        String recorded = lastUpdatedBy(clients, "ecs-webapp", request.stageName(), request.actionName());
        assertThat(recorded).isEqualTo(me.arn());
        assertThat(me.isSameAs(recorded)).isTrue();
    }

    private static String lastUpdatedBy(AwsClients clients, String pipeline, String stage, String action) {
        return clients.codePipeline().getPipelineState(r -> r.name(pipeline)).stageStates().stream()
                .filter(s -> s.stageName().equals(stage)).findFirst().orElseThrow()
                .actionStates().stream().filter(a -> a.actionName().equals(action)).findFirst().orElseThrow()
                .latestExecution().lastUpdatedBy();
    }

    // ------------------------------------------------------------------ device sign-in

    @Test
    void signsInWithTheDeviceFlowThenListsAccountsAndRoles() {
        AwsClients clients = sandboxClients();
        PendingSignIn pending = clients.signIn().begin(PORTAL);

        assertThat(pending.code().userCode()).matches("[A-Z]{4}-[A-Z]{4}");
        assertThat(pending.code().verificationUriComplete())
                .startsWith(sandbox.endpoint() + "/_sandbox/sso/device?user_code=" + pending.code().userCode());
        ScriptedWait wait = new ScriptedWait(n -> {
            if (n == 3) {
                approve(pending.code().userCode());
            }
        });
        SignInOutcome outcome = pending.await(wait);

        assertThat(outcome).isInstanceOf(SignInOutcome.SignedIn.class);
        // Two polls found the authorization pending, at the interval Identity Center asked for.
        assertThat(wait.pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(clients.signIn().existingSignIn(PORTAL)).isPresent();
        assertThat(clients.signIn().accounts(PORTAL)).extracting(SsoAccount::id)
                .containsExactly("123456789012", "210987654321");
        assertThat(clients.signIn().roles(PORTAL, "123456789012")).containsExactly("Approver", "ReadOnly");
    }

    @Test
    void aPickedRoleIsWhoTheConnectionIs() {
        assertThat(signIn(sandboxClients(), 1)).isInstanceOf(SignInOutcome.SignedIn.class);

        AwsClients readOnly = role("ReadOnly");
        CallerIdentity me = readOnly.identity().whoAmI();

        assertThat(me.arn()).startsWith("arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_ReadOnly_")
                .endsWith("/" + IdentityCenter.DEFAULT_USER);
        assertThat(me.roleName()).isEqualTo("ReadOnly");
        assertThat(me.sessionName()).isEqualTo(IdentityCenter.DEFAULT_USER);
        assertThat(new CodePipelineGateway(readOnly.codePipeline(), Clock.systemUTC()).listPipelines()).isNotEmpty();
    }

    @Test
    void approvalsThroughAnSsoRoleAreRecordedAsThatRoleSession() {
        signIn(sandboxClients(), 1);
        AwsClients approver = role("Approver");
        CodePipelineGateway pipelines = new CodePipelineGateway(approver.codePipeline(), Clock.systemUTC());
        ApprovalRequest request = pipelines.snapshot("ecs-webapp").pendingApprovals().get(0);

        pipelines.decide(request, new ApprovalDecision(ApprovalDecision.Verdict.APPROVE, "ok"));

        CallerIdentity me = approver.identity().whoAmI();
        assertThat(lastUpdatedBy(approver, "ecs-webapp", request.stageName(), request.actionName())).isEqualTo(me.arn());
    }

    @Test
    void slowDownMakesThePollingSlowerByFiveSecondsEachTime() {
        sandbox.identity().slowDownNextPolls(2);
        AwsClients clients = sandboxClients();
        PendingSignIn pending = clients.signIn().begin(PORTAL);
        ScriptedWait wait = new ScriptedWait(n -> {
            if (n == 3) {
                approve(pending.code().userCode());
            }
        });

        assertThat(pending.await(wait)).isInstanceOf(SignInOutcome.SignedIn.class);
        assertThat(wait.pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(6), Duration.ofSeconds(11));
    }

    @Test
    void aDeclinedRequestEndsTheSignIn() {
        PendingSignIn pending = sandboxClients().signIn().begin(PORTAL);
        ScriptedWait wait = new ScriptedWait(n -> post("/_sandbox/sso/device/deny?user_code=" + pending.code().userCode()));

        assertThat(pending.await(wait)).isInstanceOf(SignInOutcome.Denied.class);
        assertThat(Files.exists(cacheFile())).isFalse();
    }

    @Test
    void aCodeNobodyApprovedExpires() {
        PendingSignIn pending = sandboxClients().signIn().begin(PORTAL);
        ScriptedWait wait = new ScriptedWait(n -> sandbox.identity().expireDeviceCodes());

        assertThat(pending.await(wait)).isInstanceOf(SignInOutcome.CodeExpired.class);
    }

    @Test
    void cancellingStopsWaitingAtOnce() {
        PendingSignIn pending = sandboxClients().signIn().begin(PORTAL);
        SignInWait wait = new SignInWait();
        wait.cancel();

        long started = System.nanoTime();
        assertThat(pending.await(wait)).isInstanceOf(SignInOutcome.Cancelled.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
    }

    // ------------------------------------------------------------------ the CLI's cache

    @Test
    void theTokenIsCachedInTheCliFormatOwnerOnly() throws IOException {
        signIn(sandboxClients(), 1);

        Path file = cacheFile();
        JsonNode cached = JSON.readTree(Files.readAllBytes(file));
        assertThat(cached.fieldNames()).toIterable().containsExactly("startUrl", "region", "accessToken", "expiresAt",
                "clientId", "clientSecret", "registrationExpiresAt", "refreshToken");
        assertThat(cached.get("startUrl").asText()).isEqualTo(IdentityCenter.START_URL);
        assertThat(cached.get("region").asText()).isEqualTo("us-east-1");
        assertThat(cached.get("expiresAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var siblings = Files.list(file.getParent())) {
            assertThat(siblings).containsExactly(file);
        }
        // The SDK's own reader of this cache accepts the file.
        assertThat(new SsoAccessTokenProvider(file).resolveToken().token()).isEqualTo(cached.get("accessToken").asText());
    }

    @Test
    void aSignInTheCliCachedIsUsedAsIs() throws IOException {
        Files.createDirectories(cacheFile().getParent());
        // As `aws sso login --sso-session tollgate-sandbox` leaves it (values shortened).
        Files.writeString(cacheFile(), "{\"startUrl\": \"" + IdentityCenter.START_URL + "\", \"region\": \"us-east-1\", "
                + "\"accessToken\": \"aoaCLI\", \"expiresAt\": \"2099-01-01T00:00:00Z\", \"clientId\": \"cid\", "
                + "\"clientSecret\": \"cs\", \"registrationExpiresAt\": \"2099-01-01T00:00:00Z\", \"refreshToken\": \"aorCLI\"}");

        Optional<SignInOutcome.SignedIn> existing = sandboxClients().signIn().existingSignIn(PORTAL);

        assertThat(existing).map(SignInOutcome.SignedIn::expiresAt).contains(Instant.parse("2099-01-01T00:00:00Z"));
    }

    @Test
    void anExpiredTokenIsRefreshedWithTheRefreshTokenAndRewritten() throws IOException {
        AwsClients clients = sandboxClients();
        signIn(clients, 1);
        JsonNode before = JSON.readTree(Files.readAllBytes(cacheFile()));
        sandbox.identity().expireAccessTokens();
        // Expired for the client as well, by its own clock.
        Files.writeString(cacheFile(), before.toString().replace(before.get("expiresAt").asText(), "2020-01-01T00:00:00Z"));

        List<SsoAccount> accounts = clients.signIn().accounts(PORTAL);

        JsonNode after = JSON.readTree(Files.readAllBytes(cacheFile()));
        assertThat(accounts).hasSize(2);
        assertThat(after.get("accessToken").asText()).isNotEqualTo(before.get("accessToken").asText());
        assertThat(after.get("refreshToken").asText()).isNotEqualTo(before.get("refreshToken").asText());
        assertThat(Instant.parse(after.get("expiresAt").asText())).isAfter(Instant.now().plus(Duration.ofHours(7)));
        assertThat(after.get("clientSecret")).isEqualTo(before.get("clientSecret"));
        assertThat(Files.getPosixFilePermissions(cacheFile())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    // ------------------------------------------------------------------ expiry

    @Test
    void whenTheSignInEndsCallsFailAsExpiredAndANewSignInRecovers() {
        AwsClients sandboxConnection = sandboxClients();
        signIn(sandboxConnection, 1);
        AwsClients approver = role("Approver");
        CodePipelineGateway pipelines = new CodePipelineGateway(approver.codePipeline(), Clock.systemUTC());
        assertThat(pipelines.listPipelines()).isNotEmpty();

        sandbox.identity().expireEverything();

        assertThatThrownBy(pipelines::listPipelines).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.problem()).isEqualTo(GatewayException.Problem.EXPIRED_CREDENTIALS));
        assertThatThrownBy(() -> approver.identity().whoAmI()).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.problem()).isEqualTo(GatewayException.Problem.EXPIRED_CREDENTIALS));

        assertThat(signIn(approver, 1)).isInstanceOf(SignInOutcome.SignedIn.class);
        approver.forgetCredentials();

        assertThat(pipelines.listPipelines()).isNotEmpty();
    }

    @Test
    void withoutAnySignInTheConnectionSaysToSignIn() {
        AwsClients approver = role("Approver");

        assertThatThrownBy(() -> new CodePipelineGateway(approver.codePipeline(), Clock.systemUTC()).listPipelines())
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.problem()).isEqualTo(GatewayException.Problem.EXPIRED_CREDENTIALS);
                    assertThat(e.getMessage()).contains("Sign in again");
                });
    }

    // ------------------------------------------------------------------ permissions

    @Test
    void aDeniedApprovalNamesTheIamActionAndTheIdentity() {
        signIn(sandboxClients(), 1);
        HttpResponse<String> rules = send(HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/_sandbox/permissions"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"deny\":[{\"action\":\"codepipeline:PutApprovalResult\",\"identity\":\"ReadOnly\"}]}")));
        assertThat(rules.statusCode()).isEqualTo(200);
        AwsClients readOnly = role("ReadOnly");
        CodePipelineGateway pipelines = new CodePipelineGateway(readOnly.codePipeline(), Clock.systemUTC());
        ApprovalRequest request = pipelines.snapshot("ecs-webapp").pendingApprovals().get(0);
        String me = readOnly.identity().whoAmI().arn();

        assertThatThrownBy(() -> pipelines.decide(request, new ApprovalDecision(ApprovalDecision.Verdict.APPROVE, "ok")))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.problem()).isEqualTo(GatewayException.Problem.ACCESS_DENIED);
                    assertThat(e.getMessage()).contains("codepipeline:PutApprovalResult is not allowed for " + me);
                });
        // Reading stays allowed, and other identities may still approve.
        assertThat(pipelines.snapshot("ecs-webapp").pendingApprovals()).isNotEmpty();
        CodePipelineGateway approver = new CodePipelineGateway(role("Approver").codePipeline(), Clock.systemUTC());
        approver.decide(approver.snapshot("ecs-webapp").pendingApprovals().get(0),
                new ApprovalDecision(ApprovalDecision.Verdict.APPROVE, "ok"));
    }
}
