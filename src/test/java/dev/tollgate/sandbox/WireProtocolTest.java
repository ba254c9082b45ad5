package dev.tollgate.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What raw HTTP clients see: AWS JSON 1.1 framing, error shapes and the control API. */
@ExtendWith(QuietLogs.class)
class WireProtocolTest {

    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKIDRAW/20250602/us-east-1/codepipeline/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=0000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Sandbox sandbox;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(DemoSandboxTest.START)));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void answersWithAwsJsonFramingAndARequestId() throws Exception {
        HttpResponse<String> response = call("CodePipeline_20150709.ListPipelines", "{}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(JSON.readTree(response.body()).path("pipelines").get(0).path("created").isNumber()).isTrue();
    }

    @Test
    void unknownOperationsAndTargets() throws Exception {
        assertError(call("CodePipeline_20150709.FlyToTheMoon", "{}"), 400, "UnknownOperationException");
        assertError(call("CodePipeline_20150709.PollForJobs", "{}"), 400, "UnknownOperationException");
        assertError(call("Nope_2020.ListPipelines", "{}"), 400, "UnknownOperationException");
    }

    @Test
    void malformedJsonIsASerializationException() throws Exception {
        assertError(call("CodePipeline_20150709.GetPipeline", "{\"name\": "), 400, "SerializationException");
        assertError(call("CodePipeline_20150709.GetPipeline", "[1,2]"), 400, "SerializationException");
        assertError(call("CodePipeline_20150709.ListPipelines", "{\"maxResults\": \"ten\"}"), 400, "SerializationException");
    }

    @Test
    void constraintViolationsAreValidationExceptionsInAwsWording() throws Exception {
        JsonNode missing = assertError(call("CodePipeline_20150709.GetPipelineState", "{}"), 400, "ValidationException");
        assertThat(missing.path("message").asText())
                .isEqualTo("1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null");
        JsonNode range = assertError(call("CodePipeline_20150709.ListPipelines", "{\"maxResults\": 0}"), 400, "ValidationException");
        assertThat(range.path("message").asText()).contains("Member must have value greater than or equal to 1");
        JsonNode enumBad = assertError(call("CodePipeline_20150709.PutApprovalResult",
                "{\"pipelineName\":\"ecs-webapp\",\"stageName\":\"Approval\",\"actionName\":\"ManualApproval\","
                        + "\"token\":\"7d1f9c40-3d8e-4c51-9a0b-5b2f1e6a7c88\",\"result\":{\"status\":\"Maybe\",\"summary\":\"\"}}"),
                400, "ValidationException");
        assertThat(enumBad.path("message").asText()).contains("'result.status'").contains("[Approved, Rejected]");
    }

    @Test
    void controlApiPushesCommitsAndMovesTheClock() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(sandbox.endpoint().resolve("/_sandbox/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("ok");

        HttpResponse<String> pushed = post("/_sandbox/pipelines/billing-api/commits",
                "{\"message\":\"Add late fee waiver\",\"author\":\"Julia Novak\"}");
        assertThat(pushed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(pushed.body()).path("pipelineExecutionId").asText()).matches("[0-9a-f-]{36}");
        assertThat(JSON.readTree(pushed.body()).path("commitId").asText()).matches("[0-9a-f]{40}");

        HttpResponse<String> advanced = post("/_sandbox/clock/advance?seconds=60", "");
        assertThat(JSON.readTree(advanced.body()).path("epochSeconds").asLong())
                .isGreaterThanOrEqualTo(DemoSandboxTest.START.getEpochSecond() + 60);

        assertThat(post("/_sandbox/pipelines/nope/commits", "{}").statusCode()).isEqualTo(404);
        assertThat(post("/_sandbox/clock/advance?seconds=soon", "").statusCode()).isEqualTo(400);
    }

    @Test
    void writesToTheReadOnlyS3AreRefusedInS3Terms() throws Exception {
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(
                URI.create(sandbox.endpoint() + "/" + Sandbox.ARTIFACT_BUCKET + "/key")).PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.body()).contains("<Code>MethodNotAllowed</Code>");
    }

    private static JsonNode assertError(HttpResponse<String> response, int status, String type) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(type);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("__type").asText()).isEqualTo(type);
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception:");
        return body;
    }

    private static HttpResponse<String> call(String target, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(sandbox.endpoint())
                .header("X-Amz-Target", target)
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("Authorization", AUTH)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(sandbox.endpoint().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
