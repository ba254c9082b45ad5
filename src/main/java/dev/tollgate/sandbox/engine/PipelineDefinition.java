package dev.tollgate.sandbox.engine;

import java.util.List;
import java.util.Optional;

/** What the engine needs of a pipeline declaration; the declaration JSON itself is kept alongside. */
public record PipelineDefinition(
        String name,
        String roleArn,
        String artifactBucket,
        ExecutionMode executionMode,
        String pipelineType,
        List<StageDefinition> stages) {

    public PipelineDefinition {
        stages = List.copyOf(stages);
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
