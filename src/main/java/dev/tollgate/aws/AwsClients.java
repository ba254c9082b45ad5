package dev.tollgate.aws;

import dev.tollgate.identity.IdentityGateway;
import dev.tollgate.identity.SignInService;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import dev.tollgate.watch.PipelineEvents;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SDK clients of one connection, built once and closed together (on sign-out or exit). They share one
 * HTTP client so a connection holds one connection pool.
 */
public final class AwsClients implements AutoCloseable {

    // Bounded timeouts turn a lost network into an error the user sees within seconds instead of a hang.
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /** Above SQS's longest long poll (20 s), so a receive waiting for events is never cut off as a lost network. */
    private static final Duration LONG_POLL_SOCKET_TIMEOUT = Duration.ofSeconds(30);
    /** {@code https://sqs.eu-west-1.amazonaws.com/...}: a queue URL names its region. */
    private static final Pattern SQS_HOST = Pattern.compile("sqs\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?");

    private final ConnectionSettings settings;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final CodePipelineClient codePipeline;
    private final EcrClient ecr;
    private final S3Client s3;
    private final StsClient sts;
    private final IdentityCenterSignIn signIn;
    private SqsClient sqs;
    private SdkHttpClient longPollHttp;

    public AwsClients(ConnectionSettings settings) {
        this(settings, AwsEnvironment.system(), Clock.systemUTC());
    }

    /**
     * @param environment where the shared config files and the SSO token cache are (temporary ones in tests)
     */
    public AwsClients(ConnectionSettings settings, AwsEnvironment environment, Clock clock) {
        this.settings = settings;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
        this.signIn = new IdentityCenterSignIn(environment.ssoCacheDirectory(), http, settings.endpointFor("SSO_OIDC"),
                settings.endpointFor("SSO"), clock);
        this.credentials = credentialsFor(settings.credentials(), environment);
        this.codePipeline = configure(CodePipelineClient.builder(), "CODEPIPELINE").build();
        this.ecr = configure(EcrClient.builder(), "ECR").build();
        this.s3 = configure(S3Client.builder(), "S3")
                // The sandbox serves buckets by path, not by virtual host.
                .forcePathStyle(settings.endpointFor("S3").isPresent())
                .build();
        this.sts = configure(StsClient.builder(), "STS").build();
    }

    private AwsCredentialsProvider credentialsFor(ConnectionSettings.CredentialsSource source, AwsEnvironment environment) {
        // Java 17 has no pattern matching for switch yet; the sealed interface keeps this list complete.
        if (source instanceof ConnectionSettings.CredentialsSource.Profile profile) {
            // Read the files on each resolution, so keys refreshed on disk (by another tool) are picked up.
            return ProfileCredentialsProvider.builder()
                    .profileFile(() -> environment.profileFile().orElseGet(AwsClients::emptyProfileFile))
                    .profileName(profile.name())
                    .build();
        }
        if (source instanceof ConnectionSettings.CredentialsSource.SsoRole role) {
            return new SsoRoleCredentials(signIn, role.portal(), role.accountId(), role.roleName());
        }
        var keys = (ConnectionSettings.CredentialsSource.SandboxKeys) source;
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey()));
    }

    private static ProfileFile emptyProfileFile() {
        return ProfileFile.builder().content(new ByteArrayInputStream(new byte[0])).type(ProfileFile.Type.CONFIGURATION).build();
    }

    private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, String serviceKey) {
        builder.region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .build());
        settings.endpointFor(serviceKey).ifPresent(builder::endpointOverride);
        // A shared client is not closed by the SDK clients; close() below does it once.
        builder.httpClient(http);
        return builder;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public CodePipelineClient codePipeline() {
        return codePipeline;
    }

    public EcrClient ecr() {
        return ecr;
    }

    public S3Client s3() {
        return s3;
    }

    /**
     * Push mode for this connection: long-polls the queue and tells {@code watcher} which pipelines changed.
     * Not started; the SQS client is built on this first use, with its own HTTP client whose read timeout
     * outlasts a long poll.
     */
    public SqsPipelineEvents pipelineEvents(URI queueUrl, PipelineEvents watcher) {
        return pipelineEvents(queueUrl, watcher, SqsPipelineEvents.Pauses.defaults());
    }

    /** Like {@link #pipelineEvents(URI, PipelineEvents)}, pausing as told after failures. */
    public synchronized SqsPipelineEvents pipelineEvents(URI queueUrl, PipelineEvents watcher,
            SqsPipelineEvents.Pauses pauses) {
        if (sqs == null) {
            longPollHttp = UrlConnectionHttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(LONG_POLL_SOCKET_TIMEOUT)
                    .build();
            String region = regionOf(queueUrl).orElse(settings.region());
            software.amazon.awssdk.services.sqs.SqsClientBuilder builder = SqsClient.builder()
                    .region(Region.of(region))
                    .credentialsProvider(credentials)
                    .httpClient(longPollHttp)
                    .overrideConfiguration(ClientOverrideConfiguration.builder()
                            .retryStrategy(RetryMode.STANDARD)
                            .apiCallTimeout(LONG_POLL_SOCKET_TIMEOUT.plusSeconds(10))
                            .build());
            settings.endpointFor("SQS").ifPresent(builder::endpointOverride);
            sqs = builder.build();
        }
        return new SqsPipelineEvents(sqs, queueUrl.toString(), settings.region(), watcher, pauses);
    }

    /** The region in a queue URL of AWS itself; empty for a local endpoint's. */
    static java.util.Optional<String> regionOf(URI queueUrl) {
        Matcher host = SQS_HOST.matcher(String.valueOf(queueUrl.getHost()));
        return host.matches() ? java.util.Optional.of(host.group(1)) : java.util.Optional.empty();
    }

    /** Who this connection's credentials belong to. */
    public IdentityGateway identity() {
        return new StsIdentityGateway(sts);
    }

    /** IAM Identity Center sign-in, with this connection's endpoints and the CLI's token cache. */
    public SignInService signIn() {
        return signIn;
    }

    /**
     * Drops cached role credentials, so that the next call uses the newest sign-in. Called after signing in
     * again; a no-op for credentials that are not from Identity Center.
     */
    public void forgetCredentials() {
        if (credentials instanceof SsoRoleCredentials sso) {
            sso.forget();
        }
    }

    @Override
    public void close() {
        codePipeline.close();
        ecr.close();
        s3.close();
        sts.close();
        signIn.close();
        http.close();
        synchronized (this) {
            if (sqs != null) {
                sqs.close();
                longPollHttp.close();
            }
        }
        if (credentials instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Closing a credentials provider only releases its refresh thread; nothing to report.
            }
        }
    }
}
