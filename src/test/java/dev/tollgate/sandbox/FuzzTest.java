package dev.tollgate.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random and mutated requests (bodies, targets, encodings) must always get a prompt, AWS-shaped 4xx (or a
 * 200 when the mutation happens to be valid): never a 5xx, a hang, a stack trace or the catch-all
 * InternalFailure, which would mean an unhandled bug.
 */
@ExtendWith(QuietLogs.class)
class FuzzTest {

    /** Deeper runs: -Dtollgate.fuzz.requests=20000 -Dtollgate.fuzz.seed=7 */
    private static final int REQUESTS = Integer.getInteger("tollgate.fuzz.requests", 600);
    private static final long SEED = Long.getLong("tollgate.fuzz.seed", 20250602L);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static Sandbox sandbox;
    private static RawAws raw;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(DemoSandboxTest.START)));
        raw = new RawAws(sandbox.endpoint());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void mutatedRequestsAlwaysGetAwsShapedClientErrors() throws IOException {
        Random random = new Random(SEED);
        List<String[]> seeds = validRequests();
        List<String> problems = new ArrayList<>();
        int errors = 0;
        for (int i = 0; i < REQUESTS; i++) {
            String[] seed = seeds.get(random.nextInt(seeds.size()));
            String target = random.nextInt(10) == 0 ? mutateTarget(seed[0], random) : seed[0];
            String body = mutateBody(seed[1], random);
            HttpResponse<String> response = raw.call(target, body);
            int status = response.statusCode();
            if (status == 200) {
                continue;
            }
            errors++;
            if (status < 400 || status >= 500) {
                problems.add(status + " for " + target + " " + abbreviate(body) + ": " + abbreviate(response.body()));
                continue;
            }
            JsonNode error = RawAws.JSON.readTree(response.body());
            String type = error.path("__type").asText();
            if (type.isBlank() || type.equals("InternalFailure") || error.path("message").asText().isBlank()
                    || response.body().contains("\tat ") || response.headers().firstValue("x-amzn-RequestId").isEmpty()) {
                problems.add(type + " for " + target + " " + abbreviate(body) + ": " + abbreviate(response.body()));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(errors).as("most mutations should be refused").isGreaterThan(REQUESTS / 2);
        // The sandbox is still healthy afterwards.
        assertThat(raw.ok(RawAws.CODEPIPELINE + "ListPipelines", "{}").path("pipelines").isArray()).isTrue();
    }

    private static List<String[]> validRequests() {
        String cp = RawAws.CODEPIPELINE;
        String ecr = RawAws.ECR;
        String id = raw.ok(cp + "ListPipelineExecutions", "{\"pipelineName\":\"ecs-webapp\",\"maxResults\":1}")
                .path("pipelineExecutionSummaries").get(0).path("pipelineExecutionId").asText();
        String declaration = raw.ok(cp + "GetPipeline", "{\"name\":\"billing-api\"}").path("pipeline").toString();
        return List.of(
                new String[]{cp + "ListPipelines", "{\"maxResults\":2}"},
                new String[]{cp + "GetPipeline", "{\"name\":\"ecs-webapp\",\"version\":1}"},
                new String[]{cp + "GetPipelineState", "{\"name\":\"ecs-webapp\"}"},
                new String[]{cp + "ListPipelineExecutions", "{\"pipelineName\":\"ecs-webapp\",\"maxResults\":3,"
                        + "\"filter\":{\"succeededInStage\":{\"stageName\":\"Build\"}}}"},
                new String[]{cp + "GetPipelineExecution", "{\"pipelineName\":\"ecs-webapp\",\"pipelineExecutionId\":\"" + id + "\"}"},
                new String[]{cp + "ListActionExecutions", "{\"pipelineName\":\"ecs-webapp\",\"filter\":{\"pipelineExecutionId\":\""
                        + id + "\"},\"maxResults\":5}"},
                new String[]{cp + "PutApprovalResult", "{\"pipelineName\":\"ecs-webapp\",\"stageName\":\"Approval\",\"actionName\":"
                        + "\"ManualApproval\",\"token\":\"7d1f9c40-3d8e-4c51-9a0b-5b2f1e6a7c88\",\"result\":{\"status\":\"Approved\",\"summary\":\"ok\"}}"},
                new String[]{cp + "DisableStageTransition", "{\"pipelineName\":\"billing-api\",\"stageName\":\"Deploy\","
                        + "\"transitionType\":\"Inbound\",\"reason\":\"Fuzz\"}"},
                new String[]{cp + "EnableStageTransition", "{\"pipelineName\":\"billing-api\",\"stageName\":\"Deploy\",\"transitionType\":\"Inbound\"}"},
                new String[]{cp + "StartPipelineExecution", "{\"name\":\"billing-api\",\"clientRequestToken\":\"fuzz-1\"}"},
                new String[]{cp + "StopPipelineExecution", "{\"pipelineName\":\"ecs-webapp\",\"pipelineExecutionId\":\"" + id
                        + "\",\"abandon\":false,\"reason\":\"fuzz\"}"},
                new String[]{cp + "RetryStageExecution", "{\"pipelineName\":\"nightly-reports\",\"stageName\":\"Build\","
                        + "\"pipelineExecutionId\":\"" + id + "\",\"retryMode\":\"FAILED_ACTIONS\"}"},
                new String[]{cp + "CreatePipeline", "{\"pipeline\":" + declaration.replace("\"billing-api\"", "\"fuzzed\"") + "}"},
                new String[]{cp + "UpdatePipeline", "{\"pipeline\":" + declaration + "}"},
                new String[]{cp + "DeletePipeline", "{\"name\":\"fuzzed\"}"},
                new String[]{ecr + "DescribeRepositories", "{\"repositoryNames\":[\"ecs-webapp\"]}"},
                new String[]{ecr + "DescribeImages", "{\"repositoryName\":\"ecs-webapp\",\"imageIds\":[{\"imageTag\":\"latest\"}]}"},
                new String[]{ecr + "DescribeImageScanFindings", "{\"repositoryName\":\"ecs-webapp\",\"imageId\":{\"imageTag\":\"latest\"}}"},
                new String[]{ecr + "BatchGetImage", "{\"repositoryName\":\"ecs-webapp\",\"imageIds\":[{\"imageTag\":\"latest\"}]}"});
    }

    private static String mutateTarget(String target, Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> target.substring(0, target.indexOf('.'));
            case 1 -> target + "X";
            case 2 -> target.toLowerCase();
            case 3 -> "";
            default -> "CodePipeline_20150709." + "PollForJobs";
        };
    }

    private static String mutateBody(String body, Random random) throws IOException {
        switch (random.nextInt(12)) {
            case 0:
                return body.substring(0, random.nextInt(Math.max(1, body.length())));
            case 1:
                return randomText(random, random.nextInt(40));
            case 2:
                return random.nextBoolean() ? "[]" : "\"just a string\"";
            case 3:
                return "";
            default:
                JsonNode tree = RawAws.JSON.readTree(body);
                int edits = 1 + random.nextInt(3);
                for (int i = 0; i < edits; i++) {
                    mutateSomewhere(tree, random, 0);
                }
                return tree.toString();
        }
    }

    /** Walks down to a random container and changes, removes or adds one member there. */
    private static void mutateSomewhere(JsonNode node, Random random, int depth) {
        List<JsonNode> containers = new ArrayList<>();
        node.forEach(child -> {
            if (child.isContainerNode()) {
                containers.add(child);
            }
        });
        if (!containers.isEmpty() && depth < 6 && random.nextInt(3) > 0) {
            mutateSomewhere(containers.get(random.nextInt(containers.size())), random, depth + 1);
            return;
        }
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            Iterator<String> it = object.fieldNames();
            it.forEachRemaining(names::add);
            int choice = random.nextInt(3);
            if (choice == 0 && !names.isEmpty()) {
                object.remove(names.get(random.nextInt(names.size())));
            } else if (choice == 1 && !names.isEmpty()) {
                object.set(names.get(random.nextInt(names.size())), randomValue(random));
            } else {
                object.set(randomText(random, 1 + random.nextInt(8)), randomValue(random));
            }
        } else if (node instanceof ArrayNode array) {
            if (array.size() > 0 && random.nextBoolean()) {
                array.set(random.nextInt(array.size()), randomValue(random));
            } else {
                array.add(randomValue(random));
            }
        }
    }

    private static JsonNode randomValue(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt());
            case 3 -> NODES.numberNode(random.nextLong());
            case 4 -> NODES.numberNode(random.nextDouble() * 1e12);
            case 5 -> NODES.textNode("x".repeat(random.nextInt(3000)));
            case 6 -> NODES.arrayNode().add(randomText(random, 5)).add(random.nextInt());
            case 7 -> NODES.objectNode().put(randomText(random, 4), randomText(random, 4));
            case 8 -> NODES.textNode("00000000-0000-4000-8000-00000000000" + random.nextInt(10));
            default -> NODES.textNode(randomText(random, random.nextInt(30)));
        };
    }

    private static String randomText(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            if (kind < 6) {
                sb.append((char) ('a' + random.nextInt(26)));
            } else if (kind < 8) {
                sb.append("{}[]\":,\\/ \n\t".charAt(random.nextInt(12)));
            } else {
                sb.appendCodePoint(0x80 + random.nextInt(0x2000));
            }
        }
        return sb.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
