package dev.tollgate.sandbox.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.sandbox.ecr.ImageRecord;
import dev.tollgate.sandbox.ecr.RepositoryRecord;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CodeBuild action. As a Build it pushes an image when the project's environment names an ECR repository
 * ({@code IMAGE_REPO_NAME}) and writes imagedefinitions.json (or imageDetail.json when
 * {@code ARTIFACT_FILE} says so) into its output artifact, like a typical Docker buildspec.
 */
final class CodeBuildBehavior implements ActionBehavior {

    private static final String[] SEVERITIES = {"CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"};
    private static final String[] PACKAGES = {"openssl", "glibc", "zlib", "curl", "libxml2", "expat", "krb5",
            "sqlite", "ncurses", "libtasn1", "gnutls", "e2fsprogs", "tar", "perl", "systemd"};

    @Override
    public Instant start(ActionRun action, EngineContext ctx) {
        String project = action.action.config("ProjectName").orElse(action.run().definition.name());
        String buildId = project + ":" + ctx.ids.uuid();
        action.externalExecutionId = buildId;
        action.externalExecutionUrl = "https://console.aws.amazon.com/codebuild/home?region=" + ctx.region
                + "#/builds/" + buildId + "/view/new";
        boolean test = "Test".equals(action.action.type().category());
        return ctx.now().plus(test ? ctx.between(60, 120) : ctx.between(120, 300));
    }

    @Override
    public ErrorDetails plannedFailure(ActionRun action) {
        boolean test = "Test".equals(action.action.type().category());
        String command = test ? "./gradlew integrationTest" : "./gradlew build";
        return new ErrorDetails("JobFailed", "Build terminated with state: FAILED. Phase: BUILD, Code: "
                + "COMMAND_EXECUTION_ERROR, Message: Error while executing command: " + command
                + ". Reason: exit status 1");
    }

    @Override
    public Optional<ErrorDetails> finish(ActionRun action, EngineContext ctx) {
        Map<String, String> env = environment(action.action, ctx);
        Commit commit = action.run().commit;
        Map<String, String> files = new LinkedHashMap<>();
        String repoName = env.get("IMAGE_REPO_NAME");
        if (repoName != null && "Build".equals(action.action.type().category())) {
            RepositoryRecord repository = ctx.images.createRepository(repoName, ctx.now());
            String tag = commit.shortId();
            ctx.images.push(image(repoName, tag, ctx));
            String imageUri = repository.uri() + ":" + tag;
            if ("imageDetail.json".equals(env.get("ARTIFACT_FILE"))) {
                ObjectNode detail = ctx.json.createObjectNode().put("ImageURI", imageUri);
                files.put("imageDetail.json", detail.toString());
            } else {
                ArrayNode definitions = ctx.json.createArrayNode();
                definitions.addObject().put("name", env.getOrDefault("CONTAINER_NAME", repoName)).put("imageUri", imageUri);
                files.put("imagedefinitions.json", definitions.toString());
            }
            action.externalExecutionSummary = "Pushed " + repoName + ":" + tag;
        } else {
            files.put("build/reports/summary.txt", "BUILD SUCCESSFUL for commit " + commit.id() + "\n");
            action.externalExecutionSummary = "Build succeeded";
        }
        for (String artifact : action.action.outputArtifacts()) {
            ctx.writeArtifact(action, artifact, files);
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> entityUrl(ActionDefinition action, EngineContext ctx) {
        return action.config("ProjectName").map(p -> "https://console.aws.amazon.com/codebuild/home?region="
                + ctx.region + "#/projects/" + p + "/view");
    }

    /** The project's environment variables from the action's EnvironmentVariables JSON configuration. */
    static Map<String, String> environment(ActionDefinition action, EngineContext ctx) {
        Map<String, String> env = new HashMap<>();
        Optional<String> json = action.config("EnvironmentVariables");
        if (json.isEmpty()) {
            return env;
        }
        try {
            for (JsonNode variable : ctx.json.readTree(json.get())) {
                env.put(variable.path("name").asText(), variable.path("value").asText());
            }
        } catch (IOException e) {
            // CodePipeline validates this JSON on create; an unreadable one just yields no variables here.
        }
        return env;
    }

    private static ImageRecord image(String repoName, String tag, EngineContext ctx) {
        Instant pushedAt = ctx.now();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int[] max = {1, 3, 7, 12, 4};
        List<ImageRecord.ScanFinding> findings = new ArrayList<>();
        for (int i = 0; i < SEVERITIES.length; i++) {
            // Critical findings are rare: most images have none.
            int count = i == 0 ? (ctx.random.nextInt(8) == 0 ? 1 : 0) : ctx.random.nextInt(max[i] + 1);
            if (count > 0) {
                counts.put(SEVERITIES[i], count);
            }
            for (int n = 0; n < count; n++) {
                String cve = "CVE-" + (2021 + ctx.random.nextInt(5)) + "-" + (10000 + ctx.random.nextInt(40000));
                String pkg = PACKAGES[ctx.random.nextInt(PACKAGES.length)];
                String version = (1 + ctx.random.nextInt(3)) + "." + ctx.random.nextInt(20) + "." + ctx.random.nextInt(10);
                findings.add(new ImageRecord.ScanFinding(cve, "A flaw was found in " + pkg + " " + version
                        + " that may allow " + (i < 2 ? "remote code execution." : "a denial of service."),
                        "https://security-tracker.debian.org/tracker/" + cve, SEVERITIES[i], pkg, version));
            }
        }
        long size = 60_000_000L + (long) (ctx.random.nextDouble() * 200_000_000L);
        return new ImageRecord(repoName, "sha256:" + ctx.ids.hex(64), List.of(tag, "latest"), size, pushedAt,
                pushedAt.plusSeconds(20 + ctx.random.nextInt(40)), counts, findings);
    }
}
