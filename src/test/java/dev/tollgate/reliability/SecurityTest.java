package dev.tollgate.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tollgate.aws.AwsClients;
import dev.tollgate.aws.CodePipelineGateway;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.aws.EcrImageRegistry;
import dev.tollgate.aws.S3ArtifactSource;
import dev.tollgate.release.ArtifactLimits;
import dev.tollgate.release.ReleaseFinder;
import java.time.Clock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.storage.DraftStore;
import dev.tollgate.ui.common.BackgroundTasks;
import dev.tollgate.ui.review.ApprovalReviewViewModel;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class SecurityTest {

    @TempDir
    Path dataDirectory;

    @Test
    void theSandboxRefusesConnectionsFromBeyondLoopback() throws Exception {
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(nic -> !isLoopback(nic))
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
        Assumptions.assumeTrue(external.isPresent(), "this machine has no non-loopback address to try");
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults())) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(external.get(), sandbox.port()), 2000);
                }
            }).isInstanceOf(IOException.class);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", sandbox.port()), 2000);
                assertThat(socket.isConnected()).isTrue();
            }
        }
    }

    private static boolean isLoopback(NetworkInterface nic) {
        try {
            return nic.isLoopback();
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Test
    void draftsAreWrittenOwnerOnly() throws Exception {
        Path file = dataDirectory.resolve("drafts.json");
        DraftStore drafts = DraftStore.load(file, Runnable::run);

        drafts.put("ecs-webapp|Approval|Gate|e1", "a private thought");

        assertThat(Files.readString(file)).contains("a private thought");
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        try (var leftovers = Files.list(dataDirectory)) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void noCredentialOrApprovalTokenReachesAnyLogLine() {
        String accessKey = "AKIDLOGSCANTEST01";
        String secret = "SeCrEt/KeY+ThatMustNeverBeLogged0123";
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
        String token = null;
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults());
                AwsClients clients = new AwsClients(ConnectionSettings.sandbox(sandbox.endpoint(), accessKey, secret))) {
            CodePipelineGateway gateway = new CodePipelineGateway(clients.codePipeline(), Clock.systemUTC());
            ReleaseFinder releases = new ReleaseFinder(gateway, new S3ArtifactSource(clients.s3()),
                    new EcrImageRegistry(clients.ecr()), ArtifactLimits.defaults());
            ApprovalReviewViewModel review = new ApprovalReviewViewModel(gateway, releases,
                    new BackgroundTasks(Runnable::run, Runnable::run), (t, q, l) -> true,
                    DraftStore.load(dataDirectory.resolve("drafts.json"), Runnable::run), name -> { });
            review.show(gateway.snapshot("ecs-webapp"));
            token = review.requestProperty().get().token();
            review.commentProperty().set("ship it");
            review.approve();
            // A failure path is worth scanning too: the decision call on a closed endpoint.
            review.show(gateway.snapshot("ecs-webapp"));
            sandbox.close();
            review.approve();
        } finally {
            root.detachAppender(captured);
        }
        List<String> lines = captured.list.stream()
                .map(event -> event.getFormattedMessage() + " " + String.valueOf(event.getThrowableProxy() == null ? ""
                        : event.getThrowableProxy().getMessage()))
                .toList();

        assertThat(lines).isNotEmpty();
        assertThat(lines).noneMatch(line -> line.contains(secret))
                .noneMatch(line -> line.contains(accessKey))
                .noneMatch(line -> line.contains("Signature="))
                .noneMatch(line -> line.contains("sandbox-accepts-any-secret"));
        String approvalToken = token;
        assertThat(approvalToken).isNotBlank();
        assertThat(lines).noneMatch(line -> line.contains(approvalToken));
    }
}
