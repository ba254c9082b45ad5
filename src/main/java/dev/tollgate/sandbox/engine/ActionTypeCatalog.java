package dev.tollgate.sandbox.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The action types the sandbox accepts in a declaration, with the configuration keys AWS requires for
 * each. An action type not listed here is refused the way CodePipeline refuses an unavailable type.
 */
final class ActionTypeCatalog {

    private record Key(String category, String owner, String provider) {
    }

    private static final Map<Key, List<String>> REQUIRED = Map.ofEntries(
            Map.entry(new Key("Source", "AWS", "CodeStarSourceConnection"), List.of("ConnectionArn", "FullRepositoryId", "BranchName")),
            Map.entry(new Key("Source", "AWS", "CodeCommit"), List.of("RepositoryName", "BranchName")),
            Map.entry(new Key("Source", "AWS", "S3"), List.of("S3Bucket", "S3ObjectKey")),
            Map.entry(new Key("Source", "AWS", "ECR"), List.of("RepositoryName")),
            Map.entry(new Key("Source", "ThirdParty", "GitHub"), List.of("Owner", "Repo", "Branch", "OAuthToken")),
            Map.entry(new Key("Build", "AWS", "CodeBuild"), List.of("ProjectName")),
            Map.entry(new Key("Build", "AWS", "ECRBuildAndPublish"), List.of("ECRRepositoryName")),
            Map.entry(new Key("Test", "AWS", "CodeBuild"), List.of("ProjectName")),
            Map.entry(new Key("Approval", "AWS", "Manual"), List.of()),
            Map.entry(new Key("Deploy", "AWS", "ECS"), List.of("ClusterName", "ServiceName")),
            Map.entry(new Key("Deploy", "AWS", "CodeDeployToECS"), List.of("ApplicationName", "DeploymentGroupName",
                    "TaskDefinitionTemplateArtifact", "AppSpecTemplateArtifact")),
            Map.entry(new Key("Deploy", "AWS", "CodeDeploy"), List.of("ApplicationName", "DeploymentGroupName")),
            Map.entry(new Key("Deploy", "AWS", "S3"), List.of("BucketName", "Extract")),
            Map.entry(new Key("Deploy", "AWS", "CloudFormation"), List.of("ActionMode", "StackName")),
            Map.entry(new Key("Deploy", "AWS", "ElasticBeanstalk"), List.of("ApplicationName", "EnvironmentName")),
            Map.entry(new Key("Invoke", "AWS", "Lambda"), List.of("FunctionName")),
            Map.entry(new Key("Invoke", "AWS", "StepFunctions"), List.of("StateMachineArn")),
            Map.entry(new Key("Compute", "AWS", "Commands"), List.of()));

    private ActionTypeCatalog() {
    }

    /** Why a declared action cannot be used, if it cannot. */
    static Optional<String> problem(ActionDefinition action) {
        ActionTypeId type = action.type();
        List<String> required = REQUIRED.get(new Key(type.category(), type.owner(), type.provider()));
        if (required == null || !type.version().equals("1")) {
            return Optional.of("ActionType (Category: '" + type.category() + "', Provider: '" + type.provider()
                    + "', Owner: '" + type.owner() + "', Version: '" + type.version() + "') in action '"
                    + action.name() + "' is not available");
        }
        for (String key : required) {
            if (!action.configuration().containsKey(key)) {
                return Optional.of("Action configuration for action '" + action.name()
                        + "' is missing required configuration '" + key + "'");
            }
        }
        return Optional.empty();
    }
}
