package dev.tollgate.sandbox.engine;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A source action: picks up the pushed commit and zips the repository into its output artifact. */
final class SourceBehavior implements ActionBehavior {

    @Override
    public Instant start(ActionRun action, EngineContext ctx) {
        Commit commit = action.run().commit;
        action.externalExecutionId = commit.id();
        action.summary = commit.message();
        action.externalExecutionSummary = revisionSummary(action.action, commit);
        revisionUrl(action.action, commit.id(), ctx).ifPresent(url -> action.externalExecutionUrl = url);
        return ctx.now().plus(ctx.between(5, 15));
    }

    @Override
    public ErrorDetails plannedFailure(ActionRun action) {
        return new ErrorDetails("JobFailed",
                "Unable to fetch the source revision: the connection is not available. Check the connection status.");
    }

    @Override
    public Optional<ErrorDetails> finish(ActionRun action, EngineContext ctx) {
        Commit commit = action.run().commit;
        String repo = repository(action.action).orElse("app");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", "# " + repo + "\n\nBuilt by AWS CodePipeline from commit " + commit.id() + ".\n");
        files.put("Dockerfile", "FROM public.ecr.aws/docker/library/eclipse-temurin:17-jre\nCOPY app.jar /app.jar\n"
                + "ENTRYPOINT [\"java\", \"-jar\", \"/app.jar\"]\n");
        files.put("buildspec.yml", "version: 0.2\nphases:\n  build:\n    commands:\n      - ./gradlew build\n");
        for (String artifact : action.action.outputArtifacts()) {
            ctx.writeArtifact(action, artifact, files);
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> entityUrl(ActionDefinition action, EngineContext ctx) {
        Map<String, String> c = action.configuration();
        return switch (action.type().provider()) {
            case "CodeStarSourceConnection" -> Optional.of(ctx.consoleUrl(
                    "codesuite/settings/connections/redirect?connectionArn=" + encode(c.getOrDefault("ConnectionArn", ""))
                            + "&referenceType=BRANCH&FullRepositoryId=" + encode(c.getOrDefault("FullRepositoryId", ""))
                            + "&Branch=" + encode(c.getOrDefault("BranchName", "main"))));
            case "GitHub" -> Optional.of("https://github.com/" + c.getOrDefault("Owner", "") + "/"
                    + c.getOrDefault("Repo", "") + "/tree/" + c.getOrDefault("Branch", "main"));
            case "CodeCommit" -> Optional.of(ctx.consoleUrl("codesuite/codecommit/repositories/"
                    + c.getOrDefault("RepositoryName", "") + "/browse/refs/heads/" + c.getOrDefault("BranchName", "main")
                    + "?region=" + ctx.region));
            default -> Optional.empty();
        };
    }

    /** How CodePipeline summarises a revision: connections report a small JSON document, others the message. */
    static String revisionSummary(ActionDefinition action, Commit commit) {
        if ("CodeStarSourceConnection".equals(action.type().provider())) {
            return "{\"ProviderType\":\"GitHub\",\"CommitMessage\":" + quote(commit.message()) + "}";
        }
        return commit.message();
    }

    /** The variables a source action publishes (its namespace, e.g. SourceVariables.CommitId). */
    static Map<String, String> outputVariables(ActionDefinition action, Commit commit, Instant pushedAt) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("CommitId", commit.id());
        variables.put("CommitMessage", commit.message());
        variables.put("AuthorDate", pushedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        Map<String, String> c = action.configuration();
        if ("CodeStarSourceConnection".equals(action.type().provider())) {
            variables.put("BranchName", c.getOrDefault("BranchName", "main"));
            variables.put("ConnectionArn", c.getOrDefault("ConnectionArn", ""));
            variables.put("FullRepositoryName", c.getOrDefault("FullRepositoryId", ""));
            variables.put("ProviderType", "GitHub");
        } else if ("CodeCommit".equals(action.type().provider())) {
            variables.put("BranchName", c.getOrDefault("BranchName", "main"));
            variables.put("RepositoryName", c.getOrDefault("RepositoryName", ""));
            variables.put("CommitterDate", pushedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        }
        return variables;
    }

    /** Where the console links a commit of this source, as CodePipeline reports it in revisionUrl. */
    static Optional<String> revisionUrl(ActionDefinition action, String commitId, EngineContext ctx) {
        Map<String, String> c = action.configuration();
        return switch (action.type().provider()) {
            case "CodeStarSourceConnection" -> Optional.of(ctx.consoleUrl(
                    "codesuite/settings/connections/redirect?connectionArn=" + encode(c.getOrDefault("ConnectionArn", ""))
                            + "&referenceType=COMMIT&FullRepositoryId=" + encode(c.getOrDefault("FullRepositoryId", ""))
                            + "&Commit=" + commitId));
            case "GitHub" -> Optional.of("https://github.com/" + c.getOrDefault("Owner", "") + "/"
                    + c.getOrDefault("Repo", "") + "/commit/" + commitId);
            case "CodeCommit" -> Optional.of(ctx.consoleUrl("codesuite/codecommit/repositories/"
                    + c.getOrDefault("RepositoryName", "") + "/commit/" + commitId + "?region=" + ctx.region));
            default -> Optional.empty();
        };
    }

    static Optional<String> repository(ActionDefinition action) {
        Map<String, String> c = action.configuration();
        if (c.containsKey("FullRepositoryId")) {
            return Optional.of(c.get("FullRepositoryId"));
        }
        if (c.containsKey("Repo")) {
            return Optional.of(c.getOrDefault("Owner", "") + "/" + c.get("Repo"));
        }
        return Optional.ofNullable(c.get("RepositoryName"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
