package dev.tollgate.sandbox;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import java.time.Duration;

/** Real AWS SDK clients pointed at a sandbox, configured the way the app configures them. */
final class SdkClients {

    static final String ACCESS_KEY = "AKIDEXAMPLE";

    private SdkClients() {
    }

    static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, "secret"));
    }

    static SdkHttpClient http() {
        return UrlConnectionHttpClient.create();
    }

    static CodePipelineClient codePipeline(Sandbox sandbox) {
        return CodePipelineClient.builder()
                .endpointOverride(sandbox.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClient(http())
                .build();
    }

    static EcrClient ecr(Sandbox sandbox) {
        return EcrClient.builder()
                .endpointOverride(sandbox.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClient(http())
                .build();
    }

    static S3Client s3(Sandbox sandbox) {
        return S3Client.builder()
                .endpointOverride(sandbox.endpoint())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClient(http())
                .build();
    }

    /** Read timeout above SQS's longest long poll (20 s), as a long-polling client must have. */
    static SqsClient sqs(Sandbox sandbox) {
        return SqsClient.builder()
                .endpointOverride(sandbox.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
                .build();
    }
}
