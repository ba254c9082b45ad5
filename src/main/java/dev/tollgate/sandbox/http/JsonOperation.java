package dev.tollgate.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;

/** One operation of an AWS JSON service; the input has already passed model validation. */
@FunctionalInterface
public interface JsonOperation {

    JsonNode invoke(JsonNode input, CallContext call);
}
