package dev.tollgate.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.sandbox.fault.FaultConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.CodePipelineException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Step 4: injected faults as the real SDK clients experience them. */
@ExtendWith(QuietLogs.class)
class FaultInjectionTest {

    private Sandbox sandbox;
    private CodePipelineClient noRetries;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(DemoSandboxTest.START)));
        noRetries = CodePipelineClient.builder()
                .endpointOverride(sandbox.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(SdkClients.credentials())
                .httpClient(SdkClients.http())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterEach
    void stop() {
        noRetries.close();
        sandbox.close();
    }

    @Test
    void cutConnectionsLookLikeANetworkOutageUntilTheyEnd() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> cut = http.send(java.net.http.HttpRequest.newBuilder(
                        sandbox.endpoint().resolve("/_sandbox/connections/cut?seconds=30"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(cut.statusCode()).isEqualTo(200);

        Throwable outage = catchThrowable(() -> noRetries.listPipelines());

        assertThat(outage).isInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class)
                .isNotInstanceOf(CodePipelineException.class);
        assertThat(sandbox.control().faultCounts().calls()).isZero();
        sandbox.control().cutConnectionsFor(java.time.Duration.ZERO);
        assertThat(noRetries.listPipelines().pipelines()).hasSize(SandboxConfig.DEMO_PIPELINES);
    }

    @Test
    void throttlingLooksLikeAwsThrottling() {
        sandbox.control().setFaults(new FaultConfig(1, 0, 0, 0));
        CodePipelineException e = catchThrowableOfType(CodePipelineException.class, () -> noRetries.listPipelines());
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(e.isThrottlingException()).isTrue();

        sandbox.control().setFaults(FaultConfig.none());
        assertThat(noRetries.listPipelines().pipelines()).hasSize(SandboxConfig.DEMO_PIPELINES);
    }

    @Test
    void serverErrorsAre500Or503WithAwsBodies() {
        sandbox.control().setFaults(new FaultConfig(0, 1, 0, 0));
        for (int i = 0; i < 6; i++) {
            CodePipelineException e = catchThrowableOfType(CodePipelineException.class,
                    () -> noRetries.getPipelineState(b -> b.name("ecs-webapp")));
            assertThat(e.statusCode()).isIn(500, 503);
            assertThat(e.awsErrorDetails().errorCode()).isIn("InternalFailure", "ServiceUnavailableException");
        }
    }

    /** The SDK's standard retry strategy recognises the injected faults as retryable and gets through. */
    @Test
    void theDefaultSdkRetriesGetThroughOccasionalFaults() {
        sandbox.control().setFaults(new FaultConfig(0.2, 0.1, 0, 0));
        try (CodePipelineClient retrying = SdkClients.codePipeline(sandbox)) {
            int succeeded = 0;
            for (int i = 0; i < 20; i++) {
                try {
                    retrying.listPipelines();
                    succeeded++;
                } catch (CodePipelineException e) {
                    // Three attempts all faulted: rare at these rates, and still an AWS-shaped error.
                    assertThat(e.statusCode()).isIn(400, 500, 503);
                }
            }
            assertThat(succeeded).isGreaterThanOrEqualTo(17);
        }
    }

    @Test
    void aQuotaThrottlesCallsBeyondItWithinASecond() {
        sandbox.control().setFaults(new FaultConfig(0, 0, 0, 3));
        int throttled = 0;
        for (int i = 0; i < 8; i++) {
            try {
                noRetries.listPipelines();
            } catch (CodePipelineException e) {
                assertThat(e.isThrottlingException()).isTrue();
                throttled++;
            }
        }
        // Eight quick calls land in at most two one-second windows of three.
        assertThat(throttled).isGreaterThanOrEqualTo(2);
    }

    @Test
    void latencyDelaysAnswers() {
        sandbox.control().setFaults(new FaultConfig(0, 0, 150, 0));
        long start = System.nanoTime();
        noRetries.listPipelines();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void s3FaultsUseS3Codes() {
        sandbox.control().setFaults(new FaultConfig(1, 0, 0, 0));
        try (S3Client s3 = S3Client.builder().endpointOverride(sandbox.endpoint()).forcePathStyle(true)
                .region(Region.US_EAST_1).credentialsProvider(SdkClients.credentials()).httpClient(SdkClients.http())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            S3Exception e = catchThrowableOfType(S3Exception.class,
                    () -> s3.getObject(b -> b.bucket(Sandbox.ARTIFACT_BUCKET).key("any")));
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDown");
        }
    }

    @Test
    void faultsCanBeChangedThroughTheControlApi() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(sandbox.endpoint().resolve("/_sandbox/faults"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"throttleRate\":1,\"latencyMs\":5}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        JsonNode faults = RawAws.JSON.readTree(put.body());
        assertThat(faults.path("throttleRate").asDouble()).isEqualTo(1.0);
        assertThat(faults.path("latencyMs").asInt()).isEqualTo(5);
        assertThat(sandbox.control().faults()).isEqualTo(new FaultConfig(1, 0, 5, 0));
        assertThat(new RawAws(sandbox.endpoint()).call(RawAws.CODEPIPELINE + "ListPipelines", "{}").statusCode()).isEqualTo(400);

        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(sandbox.endpoint().resolve("/_sandbox/faults"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"errorRate\":3}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(sandbox.control().faults().errorRate()).isZero();

        http.send(HttpRequest.newBuilder(sandbox.endpoint().resolve("/_sandbox/faults")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sandbox.control().faults()).isEqualTo(FaultConfig.none());
        assertThat(new RawAws(sandbox.endpoint()).call(RawAws.CODEPIPELINE + "ListPipelines", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void faultsCanTargetOneOperationThroughTheControlApi() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(sandbox.endpoint().resolve("/_sandbox/faults"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"errorRate\":1,\"operations\":[\"PutApprovalResult\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(RawAws.JSON.readTree(put.body()).path("operations")).hasSize(1);
        RawAws raw = new RawAws(sandbox.endpoint());
        assertThat(raw.call(RawAws.CODEPIPELINE + "GetPipelineState", "{\"name\":\"ecs-webapp\"}").statusCode()).isEqualTo(200);
        assertThat(raw.call(RawAws.CODEPIPELINE + "PutApprovalResult", "{\"pipelineName\":\"ecs-webapp\","
                + "\"stageName\":\"Approval\",\"actionName\":\"ManualApproval\",\"token\":\"00000000-0000-0000-0000-000000000000\","
                + "\"result\":{\"status\":\"Approved\",\"summary\":\"\"}}").statusCode()).isIn(500, 503);
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(sandbox.endpoint().resolve("/_sandbox/faults"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"operations\":\"PutApprovalResult\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void headlessFlagsConfigureFaults() {
        SandboxConfig config = SandboxCommand.parse(new String[]{"--throttle-rate", "0.1", "--error-rate", "0.05",
                "--latency-ms", "250", "--quota", "20"});
        assertThat(config.faults()).isEqualTo(new FaultConfig(0.1, 0.05, 250, 20));
    }
}
