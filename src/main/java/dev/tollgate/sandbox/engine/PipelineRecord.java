package dev.tollgate.sandbox.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A pipeline the engine runs: its current declaration, stage slots and every execution so far. */
final class PipelineRecord {

    PipelineDefinition definition;
    ObjectNode declaration;
    int version;
    final Instant created;
    Instant updated;
    /** Chance that a Build, Test or Deploy action fails on its own; demo scale mode sets it. */
    double failureRate;
    final String arn;
    final Map<String, StageSlot> slots = new LinkedHashMap<>();
    final List<PipelineRun> runs = new ArrayList<>();
    final Map<String, PipelineRun> runsById = new HashMap<>();
    final Map<String, ActionRun> approvalsByToken = new HashMap<>();
    final Map<String, PipelineRun> runsByClientToken = new HashMap<>();
    /** Earlier declarations by version, for GetPipeline with a version. */
    final Map<Integer, ObjectNode> history = new HashMap<>();
    /** The latest commit on the source branch: what a manual start or CreatePipeline runs. */
    Commit headCommit;

    PipelineRecord(PipelineDefinition definition, ObjectNode declaration, Instant created, String arn) {
        this.created = created;
        this.updated = created;
        this.arn = arn;
        this.version = 1;
        replaceDefinition(definition, declaration);
    }

    /** Installs a new declaration; stages keep their transition settings and history when names match. */
    void replaceDefinition(PipelineDefinition newDefinition, ObjectNode newDeclaration) {
        Map<String, StageSlot> old = new LinkedHashMap<>(slots);
        slots.clear();
        for (StageDefinition stage : newDefinition.stages()) {
            StageSlot slot = old.getOrDefault(stage.name(), new StageSlot(stage.name()));
            slots.put(stage.name(), slot);
        }
        this.definition = newDefinition;
        this.declaration = newDeclaration;
    }

    StageSlot slot(String stageName) {
        return slots.get(stageName);
    }
}
