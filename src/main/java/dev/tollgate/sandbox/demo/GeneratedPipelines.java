package dev.tollgate.sandbox.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.sandbox.ecr.ImageRegistry;
import dev.tollgate.sandbox.engine.ApprovalStatus;
import dev.tollgate.sandbox.engine.Commit;
import dev.tollgate.sandbox.engine.PipelineEngine;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Scale mode: many plausible ECS service pipelines with a week of history and a month of future pushes,
 * all drawn from the seed, so a large account can be explored and the same seed gives the same account.
 */
final class GeneratedPipelines {

    private static final Duration PAST = Duration.ofDays(7);
    private static final Duration FUTURE = Duration.ofDays(30);
    private static final String[] DOMAINS = {"orders", "catalog", "search", "inventory", "shipping", "accounts",
            "pricing", "reviews", "loyalty", "notifications", "fraud", "ledger", "returns", "media", "identity",
            "recommendations", "tax", "warehouse", "support", "analytics"};
    private static final String[] KINDS = {"api", "worker", "service", "gateway", "scheduler", "consumer", "web"};
    private static final String[] AUTHORS = {"Aisha Khan", "Jonas Weber", "Lena Park", "Marco Rossi", "Samir Haddad",
            "Julia Novak", "Noor Aziz", "Elena Petrova", "Kwame Mensah", "Hana Suzuki", "Diego Alvarez"};
    private static final String[] REVIEWERS = {"priya.raman", "tomas.ortega", "mei.chen", "dana.okafor"};
    private static final String[] VERBS = {"Add", "Fix", "Refactor", "Speed up", "Remove", "Harden", "Document", "Bump"};
    private static final String[] THINGS = {"retry handling", "pagination", "the health check", "request logging",
            "the cache layer", "input validation", "metrics", "feature flags", "the dependency tree", "timeouts",
            "the error page", "rate limiting", "the database pool", "config loading"};

    private final PipelineEngine engine;
    private final ImageRegistry images;
    private final Random random;
    private final ObjectMapper mapper = new ObjectMapper();

    GeneratedPipelines(PipelineEngine engine, ImageRegistry images, Random random) {
        this.engine = engine;
        this.images = images;
        this.random = random;
    }

    void install(Instant now, int count) {
        for (String name : names(count)) {
            boolean approval = random.nextInt(3) > 0;
            boolean tests = random.nextBoolean();
            engine.createPipeline(declaration(name, approval, tests), false);
            engine.setFailureRate(name, 0.03 + random.nextDouble() * 0.07);
            images.createRepository(name, now.minus(Duration.ofDays(30 + random.nextInt(600))));
            Instant push = now.minus(PAST).plus(Duration.ofMinutes(random.nextInt(24 * 60)));
            Instant end = now.plus(FUTURE);
            while (push.isBefore(end)) {
                engine.schedulePush(push, name, new Commit(engine.newCommitId(), message(),
                        AUTHORS[random.nextInt(AUTHORS.length)], Optional.empty()));
                if (approval) {
                    boolean approve = random.nextInt(10) > 0;
                    engine.scheduleDecision(push.plus(Duration.ofMinutes(15 + random.nextInt(180))), name, "Approval",
                            "ManualApproval", DemoScenario.APPROVER + REVIEWERS[random.nextInt(REVIEWERS.length)],
                            approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected,
                            approve ? "Approved" : "Rejected: please add a rollback plan to the change description");
                }
                push = push.plus(Duration.ofMinutes(180 + random.nextInt(27 * 60)));
            }
        }
    }

    private Set<String> names(int count) {
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < count) {
            String base = DOMAINS[random.nextInt(DOMAINS.length)] + "-" + KINDS[random.nextInt(KINDS.length)];
            String name = base;
            for (int n = 2; names.contains(name); n++) {
                name = base + "-" + n;
            }
            names.add(name);
        }
        return names;
    }

    private String message() {
        return VERBS[random.nextInt(VERBS.length)] + " " + THINGS[random.nextInt(THINGS.length)];
    }

    private ObjectNode declaration(String name, boolean approval, boolean tests) {
        ObjectNode pipeline = mapper.createObjectNode();
        pipeline.put("name", name);
        pipeline.put("roleArn", "arn:aws:iam::" + DemoScenario.ACCOUNT + ":role/service-role/AWSCodePipelineServiceRole-us-east-1-" + name);
        pipeline.putObject("artifactStore").put("type", "S3").put("location", "codepipeline-us-east-1-" + DemoScenario.ACCOUNT);
        ArrayNode stages = pipeline.putArray("stages");
        ObjectNode source = action(stage(stages, "Source"), "Source", "Source", "CodeStarSourceConnection");
        source.putObject("configuration")
                .put("ConnectionArn", "arn:aws:codestar-connections:us-east-1:" + DemoScenario.ACCOUNT
                        + ":connection/7d2f3c1e-5b8a-4e0f-9c61-2a4b8d9e0f13")
                .put("FullRepositoryId", "acme/" + name).put("BranchName", "main");
        source.putArray("outputArtifacts").addObject().put("name", "SourceArtifact");
        ArrayNode buildActions = stage(stages, "Build");
        ObjectNode build = action(buildActions, "Build", "Build", "CodeBuild");
        build.putObject("configuration").put("ProjectName", name + "-build").put("EnvironmentVariables",
                "[{\"name\":\"IMAGE_REPO_NAME\",\"value\":\"" + name + "\",\"type\":\"PLAINTEXT\"},"
                        + "{\"name\":\"CONTAINER_NAME\",\"value\":\"" + name + "\",\"type\":\"PLAINTEXT\"}]");
        build.putArray("inputArtifacts").addObject().put("name", "SourceArtifact");
        build.putArray("outputArtifacts").addObject().put("name", "BuildArtifact");
        if (tests) {
            ObjectNode test = action(buildActions, "UnitTests", "Test", "CodeBuild");
            test.putObject("configuration").put("ProjectName", name + "-tests");
            test.putArray("inputArtifacts").addObject().put("name", "SourceArtifact");
        }
        if (approval) {
            ObjectNode manual = action(stage(stages, "Approval"), "ManualApproval", "Approval", "Manual");
            manual.putObject("configuration").put("CustomData", "Review the change before it reaches production")
                    .put("ExternalEntityLink", "https://github.com/acme/" + name + "/compare/production...main");
        }
        ObjectNode deploy = action(stage(stages, "Deploy"), "Deploy", "Deploy", "ECS");
        deploy.putObject("configuration").put("ClusterName", "acme-prod").put("ServiceName", name)
                .put("FileName", "imagedefinitions.json");
        deploy.putArray("inputArtifacts").addObject().put("name", "BuildArtifact");
        pipeline.put("executionMode", random.nextInt(4) == 0 ? "QUEUED" : "SUPERSEDED");
        pipeline.put("pipelineType", "V2");
        return pipeline;
    }

    private static ArrayNode stage(ArrayNode stages, String name) {
        ObjectNode stage = stages.addObject();
        stage.put("name", name);
        return stage.putArray("actions");
    }

    private static ObjectNode action(ArrayNode actions, String name, String category, String provider) {
        ObjectNode action = actions.addObject();
        action.put("name", name);
        action.putObject("actionTypeId").put("category", category).put("owner", "AWS").put("provider", provider)
                .put("version", "1");
        action.put("runOrder", 1);
        return action;
    }
}
