package dev.tollgate.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI, a client written by another team in another language, against the sandbox: every operation
 * Tollgate uses, with the CLI's own parsing of the answers. Skipped where the CLI is not installed.
 */
class AwsCliCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Sandbox sandbox;

    @TempDir
    Path folder;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(cliAvailable(), "the AWS CLI is not installed here");
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(Instant.parse("2026-11-24T09:00:00Z"))));
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static boolean cliAvailable() {
        try {
            Process process = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private record Result(int exit, String out) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private Result aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", sandbox.endpoint().toString(),
                "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDCLI");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "cli-secret");
        builder.environment().put("AWS_CONFIG_FILE", folder.resolve("none").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", folder.resolve("none").toString());
        builder.environment().put("AWS_MAX_ATTEMPTS", "1");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out);
    }

    @Test
    void readsPipelinesStateAndHistory() throws Exception {
        assertThat(aws("codepipeline", "list-pipelines", "--max-items", "2").json().get("pipelines")).hasSize(2);
        assertThat(aws("codepipeline", "get-pipeline", "--name", "ecs-webapp").json()
                .at("/pipeline/stages/3/name").asText()).isEqualTo("Deploy");
        JsonNode state = aws("codepipeline", "get-pipeline-state", "--name", "ecs-webapp").json();
        assertThat(state.at("/stageStates/2/actionStates/0/latestExecution/token").asText()).hasSize(36);
        String executionId = state.at("/stageStates/2/latestExecution/pipelineExecutionId").asText();
        assertThat(aws("codepipeline", "list-pipeline-executions", "--pipeline-name", "ecs-webapp").json()
                .get("pipelineExecutionSummaries").size()).isGreaterThan(5);
        assertThat(aws("codepipeline", "get-pipeline-execution", "--pipeline-name", "ecs-webapp",
                "--pipeline-execution-id", executionId).json().at("/pipelineExecution/status").asText()).isEqualTo("InProgress");
        JsonNode actions = aws("codepipeline", "list-action-executions", "--pipeline-name", "ecs-webapp",
                "--filter", "pipelineExecutionId=" + executionId).json();
        assertThat(actions.get("actionExecutionDetails").findValues("s3location")).isNotEmpty();
    }

    @Test
    void decidesAnApprovalAndTogglesATransition() throws Exception {
        JsonNode state = aws("codepipeline", "get-pipeline-state", "--name", "ecs-webapp").json();
        String token = state.at("/stageStates/2/actionStates/0/latestExecution/token").asText();
        Result approved = aws("codepipeline", "put-approval-result", "--pipeline-name", "ecs-webapp",
                "--stage-name", "Approval", "--action-name", "ManualApproval",
                "--result", "summary=Approved from the CLI,status=Approved", "--token", token);
        assertThat(approved.exit()).isZero();
        assertThat(approved.json().has("approvedAt")).isTrue();
        Result again = aws("codepipeline", "put-approval-result", "--pipeline-name", "ecs-webapp",
                "--stage-name", "Approval", "--action-name", "ManualApproval",
                "--result", "summary=twice,status=Approved", "--token", token);
        assertThat(again.exit()).isNotZero();
        assertThat(again.out()).contains("ApprovalAlreadyCompletedException");

        assertThat(aws("codepipeline", "disable-stage-transition", "--pipeline-name", "billing-api",
                "--stage-name", "Deploy", "--transition-type", "Inbound", "--reason", "Change freeze").exit()).isZero();
        Result badReason = aws("codepipeline", "disable-stage-transition", "--pipeline-name", "billing-api",
                "--stage-name", "Deploy", "--transition-type", "Inbound", "--reason", "freeze; because");
        assertThat(badReason.out()).contains("ValidationException");
        assertThat(aws("codepipeline", "enable-stage-transition", "--pipeline-name", "billing-api",
                "--stage-name", "Deploy", "--transition-type", "Inbound").exit()).isZero();
    }

    @Test
    void decidesOneParallelExecutionWithItsExternalExecutionIdAsToken() throws Exception {
        String waiting = "actionExecutionDetails[?actionName=='ReleaseApproval' && status=='InProgress']"
                + ".[pipelineExecutionId, output.executionResult.externalExecutionId]";
        JsonNode before = aws("codepipeline", "list-action-executions", "--pipeline-name", "mobile-bff",
                "--query", waiting).json();
        assertThat(before).hasSize(2);
        String token = before.get(0).get(1).asText();

        Result approved = aws("codepipeline", "put-approval-result", "--pipeline-name", "mobile-bff",
                "--stage-name", "Approval", "--action-name", "ReleaseApproval",
                "--result", "summary=Approved from the CLI,status=Approved", "--token", token);

        assertThat(approved.exit()).as(approved.out()).isZero();
        JsonNode after = aws("codepipeline", "list-action-executions", "--pipeline-name", "mobile-bff",
                "--query", waiting).json();
        assertThat(after).singleElement().satisfies(still -> assertThat(still.get(0).asText())
                .isEqualTo(before.get(1).get(0).asText()));
    }

    @Test
    void startsStopsAndRetriesExecutions() throws Exception {
        String started = aws("codepipeline", "start-pipeline-execution", "--name", "billing-api").json()
                .get("pipelineExecutionId").asText();
        assertThat(aws("codepipeline", "stop-pipeline-execution", "--pipeline-name", "billing-api",
                "--pipeline-execution-id", started, "--abandon", "--reason", "Wrong branch").exit()).isZero();
        JsonNode failed = aws("codepipeline", "get-pipeline-state", "--name", "nightly-reports").json();
        String failedExecution = failed.at("/stageStates/1/latestExecution/pipelineExecutionId").asText();
        assertThat(aws("codepipeline", "retry-stage-execution", "--pipeline-name", "nightly-reports",
                "--stage-name", "Build", "--pipeline-execution-id", failedExecution, "--retry-mode", "FAILED_ACTIONS")
                .json().get("pipelineExecutionId").asText()).isEqualTo(failedExecution);
        assertThat(aws("codepipeline", "get-pipeline", "--name", "nope").out()).contains("PipelineNotFoundException");
    }

    @Test
    void receivesPipelineEventsFromSqs() throws Exception {
        String queueUrl = sandbox.control().sendEventsTo("cli-events");
        try {
            sandbox.control().pushCommit("storefront-bluegreen", "Events for the CLI", "cli");
            JsonNode received = aws("sqs", "receive-message", "--queue-url", queueUrl, "--max-number-of-messages", "10",
                    "--wait-time-seconds", "2").json();
            JsonNode first = JSON.readTree(received.at("/Messages/0/Body").asText());
            assertThat(first.path("source").asText()).isEqualTo("aws.codepipeline");
            assertThat(first.at("/detail/pipeline").asText()).isEqualTo("storefront-bluegreen");
            assertThat(aws("sqs", "delete-message", "--queue-url", queueUrl, "--receipt-handle",
                    received.at("/Messages/0/ReceiptHandle").asText()).exit()).isZero();
            assertThat(aws("sqs", "get-queue-attributes", "--queue-url", queueUrl, "--attribute-names",
                    "ApproximateNumberOfMessages").json().at("/Attributes/ApproximateNumberOfMessages").asText()).isNotEmpty();
            Result missing = aws("sqs", "get-queue-url", "--queue-name", "no-such-queue");
            assertThat(missing.exit()).isNotZero();
            assertThat(missing.out()).contains("NonExistentQueue");
        } finally {
            sandbox.control().stopEvents();
        }
    }

    @Test
    void servesImagesAndArtifacts() throws Exception {
        JsonNode repositories = aws("ecr", "describe-repositories").json();
        assertThat(repositories.get("repositories").findValuesAsText("repositoryName")).contains("ecs-webapp");
        JsonNode images = aws("ecr", "describe-images", "--repository-name", "ecs-webapp").json();
        String digest = images.at("/imageDetails/0/imageDigest").asText();
        assertThat(digest).startsWith("sha256:");
        assertThat(aws("ecr", "describe-image-scan-findings", "--repository-name", "ecs-webapp",
                "--image-id", "imageDigest=" + digest).exit()).isZero();
        assertThat(aws("ecr", "batch-get-image", "--repository-name", "ecs-webapp",
                "--image-ids", "imageDigest=" + digest).json().get("images")).hasSize(1);

        String executionId = aws("codepipeline", "get-pipeline-state", "--name", "ecs-webapp").json()
                .at("/stageStates/1/latestExecution/pipelineExecutionId").asText();
        JsonNode location = aws("codepipeline", "list-action-executions", "--pipeline-name", "ecs-webapp",
                "--filter", "pipelineExecutionId=" + executionId).json()
                .findValues("outputArtifacts").stream().filter(a -> a.size() > 0 && a.get(0).get("name").asText().equals("BuildArtifact"))
                .findFirst().orElseThrow().get(0).get("s3location");
        Path zip = folder.resolve("artifact.zip");
        Result copy = aws("s3", "cp", "s3://" + location.get("bucket").asText() + "/" + location.get("key").asText(),
                zip.toString());
        assertThat(copy.exit()).as(copy.out()).isZero();
        assertThat(Files.readAllBytes(zip)).startsWith((byte) 'P', (byte) 'K');
    }
}
