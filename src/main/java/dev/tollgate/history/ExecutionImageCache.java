package dev.tollgate.history;

import dev.tollgate.pipeline.PipelineExecution;
import dev.tollgate.release.ExecutionImages;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The images each execution carried, looked up once. The history's image column, its detail page, comparisons
 * and exports all ask for the same executions; an execution whose build is done never changes its artifact,
 * so its answer is kept (the ECR facts in it are as of the first look, which is what history shows).
 * Thread-safe.
 */
public final class ExecutionImageCache {

    /** Where images come from: in the app, {@code ReleaseFinder.imagesOf} with the standard definitions files. */
    @FunctionalInterface
    public interface Source {
        /** Never throws for a bad artifact (that is part of the answer); may throw when AWS cannot be asked. */
        ExecutionImages imagesOf(String pipelineName, String executionId);
    }

    private final Source source;
    private final Map<String, ExecutionImages> cache;

    public ExecutionImageCache(Source source, int capacity) {
        this.source = Objects.requireNonNull(source);
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ExecutionImages> eldest) {
                return size() > capacity;
            }
        });
    }

    /** Blocks on the network unless cached; call off the UI thread. */
    public ExecutionImages imagesOf(PipelineExecution execution) {
        String key = key(execution.pipelineName(), execution.executionId());
        ExecutionImages known = cache.get(key);
        if (known != null) {
            return known;
        }
        ExecutionImages found = source.imagesOf(execution.pipelineName(), execution.executionId());
        // A running execution may not have built yet: ask again next time unless it has its images already.
        if (found.problem().isEmpty() || execution.status().isTerminal()) {
            cache.put(key, found);
        }
        return found;
    }

    public Optional<ExecutionImages> cached(String pipelineName, String executionId) {
        return Optional.ofNullable(cache.get(key(pipelineName, executionId)));
    }

    private static String key(String pipelineName, String executionId) {
        return pipelineName + "/" + executionId;
    }
}
