package dev.tollgate.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletionStage;

/**
 * An operation whose answer may come later, such as an SQS long poll: the HTTP worker thread is released at
 * once and the answer is written when the stage completes. A stage that completes exceptionally with a
 * {@link dev.tollgate.sandbox.engine.ServiceError} answers that error.
 */
@FunctionalInterface
public interface DeferredJsonOperation {

    CompletionStage<JsonNode> invoke(JsonNode input, CallContext call);
}
