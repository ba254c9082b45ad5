package dev.tollgate.aws;

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
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The SDK clients of one connection, built once and closed together (on sign-out or exit). They share one
 * HTTP client so a connection holds one connection pool.
 */
public final class AwsClients implements AutoCloseable {

    // Bounded timeouts turn a lost network into an error the user sees within seconds instead of a hang.
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final ConnectionSettings settings;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final CodePipelineClient codePipeline;
    private final EcrClient ecr;
    private final S3Client s3;

    public AwsClients(ConnectionSettings settings) {
        this.settings = settings;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
        this.credentials = credentialsFor(settings.credentials());
        this.codePipeline = configure(CodePipelineClient.builder()).build();
        this.ecr = configure(EcrClient.builder()).build();
        this.s3 = configure(S3Client.builder())
                // The sandbox serves buckets by path, not by virtual host.
                .forcePathStyle(settings.endpoint().isPresent())
                .build();
    }

    private static AwsCredentialsProvider credentialsFor(ConnectionSettings.CredentialsSource source) {
        // Java 17 has no pattern matching for switch yet; the sealed interface keeps this list complete.
        if (source instanceof ConnectionSettings.CredentialsSource.Profile profile) {
            return ProfileCredentialsProvider.builder().profileName(profile.name()).build();
        }
        var keys = (ConnectionSettings.CredentialsSource.SandboxKeys) source;
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey()));
    }

    private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .build());
        settings.endpoint().ifPresent(builder::endpointOverride);
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

    @Override
    public void close() {
        codePipeline.close();
        ecr.close();
        s3.close();
        http.close();
        if (credentials instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Closing a credentials provider only releases its refresh thread; nothing to report.
            }
        }
    }
}
