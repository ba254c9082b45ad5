package dev.tollgate.sandbox.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a {@code pipeline} declaration (the structure create-pipeline takes) into a {@link PipelineDefinition},
 * filling in the defaults AWS fills in and rejecting structures AWS rejects. The member-level checks (types,
 * lengths, patterns, enums) are the model validator's job and happen before this.
 */
public final class DeclarationParser {

    /** The declaration as it will be stored and returned by GetPipeline, and what the engine runs. */
    public record Parsed(ObjectNode declaration, PipelineDefinition definition) {
    }

    public Parsed parse(JsonNode pipeline) {
        if (pipeline == null || !pipeline.isObject()) {
            throw invalid("The pipeline declaration must be an object");
        }
        ObjectNode declaration = ((ObjectNode) pipeline).deepCopy();
        declaration.remove("version");
        String name = declaration.path("name").asText();
        String bucket = artifactBucket(declaration);
        ExecutionMode mode = ExecutionMode.valueOf(declaration.path("executionMode").asText("SUPERSEDED"));
        declaration.put("executionMode", mode.name());
        String pipelineType = declaration.path("pipelineType").asText("V1");
        declaration.put("pipelineType", pipelineType);

        JsonNode stagesNode = declaration.path("stages");
        if (stagesNode.size() < 2) {
            throw invalid("Pipeline has only " + stagesNode.size() + " stage(s). There should be a minimum of 2 stages in a pipeline");
        }
        List<StageDefinition> stages = new ArrayList<>();
        Set<String> stageNames = new HashSet<>();
        Set<String> producedArtifacts = new HashSet<>();
        for (int s = 0; s < stagesNode.size(); s++) {
            ObjectNode stageNode = (ObjectNode) stagesNode.get(s);
            String stageName = stageNode.path("name").asText();
            if (!stageNames.add(stageName)) {
                throw invalid("Stage name '" + stageName + "' is used more than once; stage names must be unique in a pipeline");
            }
            JsonNode actionsNode = stageNode.path("actions");
            if (actionsNode.isEmpty()) {
                throw new ServiceError("InvalidStageDeclarationException",
                        "Stage '" + stageName + "' has no actions; every stage needs at least one action");
            }
            List<ActionDefinition> actions = new ArrayList<>();
            Set<String> actionNames = new HashSet<>();
            for (JsonNode actionNode : actionsNode) {
                ActionDefinition action = action((ObjectNode) actionNode);
                if (!actionNames.add(action.name())) {
                    throw invalid("Action name '" + action.name() + "' is used more than once in stage '" + stageName + "'");
                }
                if (s == 0 && !action.type().isSource()) {
                    throw invalid("The first stage '" + stageName + "' may contain only source actions; '"
                            + action.name() + "' is a " + action.type().category() + " action");
                }
                if (s > 0 && action.type().isSource()) {
                    throw invalid("Source action '" + action.name() + "' is in stage '" + stageName
                            + "'; source actions are allowed only in the first stage");
                }
                actions.add(action);
            }
            for (ActionDefinition action : actions) {
                for (String input : action.inputArtifacts()) {
                    if (!producedArtifacts.contains(input)) {
                        throw invalid("Input artifact '" + input + "' of action '" + action.name()
                                + "' is not declared as an output artifact of an earlier action");
                    }
                }
            }
            for (ActionDefinition action : actions) {
                for (String output : action.outputArtifacts()) {
                    if (!producedArtifacts.add(output)) {
                        throw invalid("Output artifact '" + output + "' is declared by more than one action");
                    }
                }
            }
            stages.add(new StageDefinition(stageName, actions, conditions(stageNode)));
        }
        String roleArn = declaration.path("roleArn").asText();
        Map<String, String> variables = new LinkedHashMap<>();
        for (JsonNode variable : declaration.path("variables")) {
            variables.put(variable.path("name").asText(), variable.path("defaultValue").asText(""));
        }
        return new Parsed(declaration, new PipelineDefinition(name, roleArn, bucket, mode, pipelineType, stages, variables));
    }

    /** The rule names of each kind of condition; the declaration itself is kept whole for GetPipeline. */
    private static ConditionsDefinition conditions(ObjectNode stage) {
        JsonNode onFailure = stage.path("onFailure");
        Optional<String> result = onFailure.hasNonNull("result") ? Optional.of(onFailure.get("result").asText()) : Optional.empty();
        return new ConditionsDefinition(ruleNames(stage.path("beforeEntry")), ruleNames(stage.path("onSuccess")),
                ruleNames(onFailure), result);
    }

    private static List<String> ruleNames(JsonNode conditions) {
        List<String> names = new ArrayList<>();
        for (JsonNode condition : conditions.path("conditions")) {
            condition.path("rules").forEach(rule -> names.add(rule.path("name").asText()));
        }
        return names;
    }

    private static ActionDefinition action(ObjectNode node) {
        String name = node.path("name").asText();
        JsonNode typeNode = node.path("actionTypeId");
        ActionTypeId type = new ActionTypeId(typeNode.path("category").asText(), typeNode.path("owner").asText(),
                typeNode.path("provider").asText(), typeNode.path("version").asText());
        if (!node.has("runOrder")) {
            node.put("runOrder", 1);
        }
        int runOrder = node.path("runOrder").asInt(1);
        Map<String, String> configuration = new LinkedHashMap<>();
        node.path("configuration").fields().forEachRemaining(e -> configuration.put(e.getKey(), e.getValue().asText()));
        List<String> inputs = names(node, "inputArtifacts");
        List<String> outputs = names(node, "outputArtifacts");
        if (type.isManualApproval() && (!inputs.isEmpty() || !outputs.isEmpty())) {
            throw new ServiceError("InvalidActionDeclarationException",
                    "Manual approval action '" + name + "' cannot have input or output artifacts");
        }
        if (type.isSource() && !inputs.isEmpty()) {
            throw new ServiceError("InvalidActionDeclarationException",
                    "Source action '" + name + "' cannot have input artifacts");
        }
        Optional<Integer> timeout = node.has("timeoutInMinutes")
                ? Optional.of(node.get("timeoutInMinutes").asInt()) : Optional.empty();
        ActionDefinition action = new ActionDefinition(name, type, runOrder, configuration, inputs, outputs, timeout);
        ActionTypeCatalog.problem(action).ifPresent(problem -> {
            throw new ServiceError("InvalidActionDeclarationException", problem);
        });
        return action;
    }

    private static List<String> names(ObjectNode action, String field) {
        if (!action.has(field)) {
            action.putArray(field);
        }
        List<String> names = new ArrayList<>();
        action.path(field).forEach(a -> names.add(a.path("name").asText()));
        return names;
    }

    private static String artifactBucket(ObjectNode declaration) {
        JsonNode store = declaration.path("artifactStore");
        if (store.isObject()) {
            return store.path("location").asText();
        }
        JsonNode stores = declaration.path("artifactStores");
        if (stores.isObject() && stores.size() > 0) {
            return stores.elements().next().path("location").asText();
        }
        throw invalid("The pipeline declaration needs an artifactStore (or artifactStores)");
    }

    private static ServiceError invalid(String message) {
        return new ServiceError("InvalidStructureException", message);
    }
}
