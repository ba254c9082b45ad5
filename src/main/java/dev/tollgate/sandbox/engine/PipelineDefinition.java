package dev.tollgate.sandbox.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the engine needs of a pipeline declaration; the declaration JSON itself is kept alongside. */
public record PipelineDefinition(
        String name,
        String roleArn,
        String artifactBucket,
        ExecutionMode executionMode,
        String pipelineType,
        List<StageDefinition> stages,
        Map<String, String> variableDefaults) {

    public PipelineDefinition {
        stages = List.copyOf(stages);
        variableDefaults = Collections.unmodifiableMap(new LinkedHashMap<>(variableDefaults));
    }

    public Optional<StageDefinition> stage(String stageName) {
        return stages.stream().filter(s -> s.name().equals(stageName)).findFirst();
    }

    public int indexOf(String stageName) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(stageName)) {
                return i;
            }
        }
        return -1;
    }
}
