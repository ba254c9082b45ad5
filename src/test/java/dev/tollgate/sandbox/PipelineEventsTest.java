package dev.tollgate.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionCategory;
import software.amazon.awssdk.services.codepipeline.model.ActionDeclaration;
import software.amazon.awssdk.services.codepipeline.model.ActionOwner;
import software.amazon.awssdk.services.codepipeline.model.StageDeclaration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The simulation's EventBridge events for CodePipeline, read from the events queue with the real SQS client. */
@ExtendWith(QuietLogs.class)
class PipelineEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ManualClock clock;
    private Sandbox sandbox;
    private SqsClient sqs;
    private CodePipelineClient codePipeline;

    @BeforeEach
    void start() {
        clock = new ManualClock(Instant.parse("2025-06-02T09:30:00Z"));
        sandbox = Sandbox.start(SandboxConfig.defaults().withDemoData(false).withClock(clock)
                .withEventsQueue(java.util.Optional.of("pipeline-events")));
        sqs = SdkClients.sqs(sandbox);
        codePipeline = SdkClients.codePipeline(sandbox);
    }

    @AfterEach
    void stop() {
        sqs.close();
        codePipeline.close();
        sandbox.close();
    }

    @Test
    void oneExecutionReachingItsApprovalSendsTheEventsAwsSends() throws Exception {
        codePipeline.createPipeline(b -> b.pipeline(p -> p.name("checkout-api")
                .roleArn("arn:aws:iam::123456789012:role/service-role/AWSCodePipelineServiceRole-checkout-api")
                .artifactStore(s -> s.type("S3").location(Sandbox.ARTIFACT_BUCKET))
                .pipelineType("V2")
                .stages(source(), build(), approval())));
        sandbox.control().advanceClock(Duration.ofMinutes(30));

        List<JsonNode> events = drain(sandbox.eventsQueueUrl().orElseThrow().toString());

        assertThat(events).extracting(PipelineEventsTest::describe).containsExactly(
                "Pipeline STARTED",
                "Stage Source STARTED", "Action Source/Source STARTED", "Action Source/Source SUCCEEDED",
                "Stage Source SUCCEEDED",
                "Stage Build STARTED", "Action Build/Build STARTED", "Action Build/Build SUCCEEDED",
                "Stage Build SUCCEEDED",
                "Stage Approval STARTED", "Action Approval/Approve STARTED");
        String executionId = codePipeline.listPipelineExecutions(b -> b.pipelineName("checkout-api"))
                .pipelineExecutionSummaries().get(0).pipelineExecutionId();
        JsonNode approval = events.get(events.size() - 1);
        assertThat(approval.path("source").asText()).isEqualTo("aws.codepipeline");
        assertThat(approval.path("account").asText()).isEqualTo(Sandbox.ACCOUNT_ID);
        assertThat(approval.path("region").asText()).isEqualTo(Sandbox.REGION);
        assertThat(approval.path("resources").get(0).asText())
                .isEqualTo("arn:aws:codepipeline:us-east-1:123456789012:checkout-api");
        assertThat(Instant.parse(approval.path("time").asText())).isAfter(clock.now().minus(Duration.ofMinutes(30)));
        JsonNode detail = approval.path("detail");
        assertThat(detail.path("pipeline").asText()).isEqualTo("checkout-api");
        assertThat(detail.path("execution-id").asText()).isEqualTo(executionId);
        assertThat(detail.path("version").asInt()).isEqualTo(1);
        assertThat(detail.path("type").path("category").asText()).isEqualTo("Approval");
        assertThat(detail.path("type").path("provider").asText()).isEqualTo("Manual");
        JsonNode buildDone = events.get(7).path("detail");
        assertThat(buildDone.path("execution-result").path("external-execution-id").asText()).isNotEmpty();
        assertThat(buildDone.path("output-artifacts").get(0).path("name").asText()).isEqualTo("BuildArtifact");
        assertThat(events.get(0).path("detail").path("execution-trigger").path("trigger-type").asText())
                .isEqualTo("CreatePipeline");
    }

    @Test
    void theControlApiRoutesEventsToAnotherQueueAndStopsThem() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> routed = http.send(HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/_sandbox/events"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"queueName\": \"elsewhere\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(routed.statusCode()).isEqualTo(200);
        String url = JSON.readTree(routed.body()).path("queueUrl").asText();
        assertThat(url).endsWith("/123456789012/elsewhere");

        codePipeline.createPipeline(b -> b.pipeline(p -> p.name("checkout-api")
                .roleArn("arn:aws:iam::123456789012:role/service-role/AWSCodePipelineServiceRole-checkout-api")
                .artifactStore(s -> s.type("S3").location(Sandbox.ARTIFACT_BUCKET))
                .stages(source(), build())));
        assertThat(drain(url)).isNotEmpty();

        http.send(HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/_sandbox/events")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        sandbox.control().advanceClock(Duration.ofMinutes(30));
        assertThat(drain(url)).isEmpty();
    }

    private List<JsonNode> drain(String queueUrl) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
            if (messages.isEmpty()) {
                return events;
            }
            for (Message message : messages) {
                events.add(JSON.readTree(message.body()));
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }

    private static String describe(JsonNode event) {
        JsonNode detail = event.path("detail");
        String kind = event.path("detail-type").asText().split(" ")[1];
        String where = switch (kind) {
            case "Stage" -> " " + detail.path("stage").asText();
            case "Action" -> " " + detail.path("stage").asText() + "/" + detail.path("action").asText();
            default -> "";
        };
        return kind + where + " " + detail.path("state").asText();
    }

    private static StageDeclaration source() {
        return StageDeclaration.builder().name("Source").actions(ActionDeclaration.builder().name("Source")
                .actionTypeId(t -> t.category(ActionCategory.SOURCE).owner(ActionOwner.AWS)
                        .provider("CodeStarSourceConnection").version("1"))
                .configuration(Map.of("ConnectionArn", "arn:aws:codestar-connections:us-east-1:123456789012:connection/abc",
                        "FullRepositoryId", "acme/checkout-api", "BranchName", "main"))
                .outputArtifacts(a -> a.name("SourceArtifact")).build()).build();
    }

    private static StageDeclaration build() {
        return StageDeclaration.builder().name("Build").actions(ActionDeclaration.builder().name("Build")
                .actionTypeId(t -> t.category(ActionCategory.BUILD).owner(ActionOwner.AWS).provider("CodeBuild").version("1"))
                .configuration(Map.of("ProjectName", "checkout-api-build"))
                .inputArtifacts(a -> a.name("SourceArtifact"))
                .outputArtifacts(a -> a.name("BuildArtifact")).build()).build();
    }

    private static StageDeclaration approval() {
        return StageDeclaration.builder().name("Approval").actions(ActionDeclaration.builder().name("Approve")
                .actionTypeId(t -> t.category(ActionCategory.APPROVAL).owner(ActionOwner.AWS).provider("Manual")
                        .version("1")).build()).build();
    }
}
