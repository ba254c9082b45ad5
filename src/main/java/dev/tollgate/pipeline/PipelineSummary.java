package dev.tollgate.pipeline;

import java.time.Instant;

/** A pipeline as ListPipelines names it, before its state is known. */
public record PipelineSummary(String name, int version, Instant updated) {
}
