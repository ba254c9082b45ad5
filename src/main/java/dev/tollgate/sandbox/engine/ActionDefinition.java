package dev.tollgate.sandbox.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One action of a stage, as declared. */
public record ActionDefinition(
        String name,
        ActionTypeId type,
        int runOrder,
        Map<String, String> configuration,
        List<String> inputArtifacts,
        List<String> outputArtifacts,
        Optional<Integer> timeoutInMinutes) {

    public ActionDefinition {
        configuration = Map.copyOf(configuration);
        inputArtifacts = List.copyOf(inputArtifacts);
        outputArtifacts = List.copyOf(outputArtifacts);
    }

    public Optional<String> config(String key) {
        return Optional.ofNullable(configuration.get(key));
    }
}
