package dev.tollgate.sandbox.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.sandbox.engine.ArtifactLocation;
import dev.tollgate.sandbox.engine.StateChange;
import dev.tollgate.sandbox.engine.StateChangeListener;
import dev.tollgate.sandbox.sqs.SqsQueues;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An EventBridge rule on {@code "source": ["aws.codepipeline"]} with an SQS queue as its target: every state
 * change of the simulation becomes the event AWS documents ("CodePipeline Pipeline/Stage/Action Execution
 * State Change") and lands in the queue at once. A queue nobody reads stops receiving at {@link #MAX_DEPTH}
 * messages, so a forgotten sandbox does not grow without bound.
 */
public final class CodePipelineEventRule implements StateChangeListener {

    private static final Logger LOG = LoggerFactory.getLogger(CodePipelineEventRule.class);
    /** Far above what a reading consumer ever leaves behind; beyond it events are dropped. */
    static final int MAX_DEPTH = 10_000;
    /** The principal EventBridge sends as, as SQS reports it in SenderId. */
    private static final String EVENTBRIDGE_SENDER = "AIDAIT2UOQQY3AUEKVGXU";

    private final SqsQueues queues;
    private final String queueName;
    private final String accountId;
    private final String region;
    private final long seed;
    private final ObjectMapper mapper;
    private long sent;
    private boolean droppingReported;

    public CodePipelineEventRule(SqsQueues queues, String queueName, String accountId, String region, long seed,
                                 ObjectMapper mapper) {
        this.queues = queues;
        this.queueName = queueName;
        this.accountId = accountId;
        this.region = region;
        this.seed = seed;
        this.mapper = mapper;
    }

    @Override
    public void changed(StateChange change) {
        if (queues.depth(queueName) >= MAX_DEPTH) {
            if (!droppingReported) {
                droppingReported = true;
                LOG.warn("Events queue {} holds {} messages that nobody reads: dropping CodePipeline events until it drains",
                        queueName, MAX_DEPTH);
            }
            return;
        }
        droppingReported = false;
        try {
            queues.deliver(queueName, mapper.writeValueAsString(event(change)), EVENTBRIDGE_SENDER);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    ObjectNode event(StateChange change) {
        ObjectNode event = mapper.createObjectNode();
        event.put("version", "0");
        // Deterministic per seed, like every other id of the sandbox.
        event.put("id", java.util.UUID.nameUUIDFromBytes((seed + ":event:" + sent++).getBytes(StandardCharsets.UTF_8))
                .toString());
        event.put("detail-type", detailType(change));
        event.put("source", "aws.codepipeline");
        event.put("account", accountId);
        event.put("time", change.at().truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.putArray("resources").add("arn:aws:codepipeline:" + region + ":" + accountId + ":" + change.pipeline());
        ObjectNode detail = event.putObject("detail");
        detail.put("pipeline", change.pipeline());
        detail.put("execution-id", change.executionId());
        detail.put("start-time", millis(change.executionStart()));
        if (change instanceof StateChange.Pipeline pipeline) {
            detail.putObject("execution-trigger")
                    .put("trigger-type", pipeline.trigger().triggerType())
                    .put("trigger-detail", pipeline.trigger().triggerDetail());
        } else if (change instanceof StateChange.Stage stage) {
            detail.put("stage", stage.stage());
        } else if (change instanceof StateChange.Action action) {
            detail.put("stage", action.stage());
            detail.put("action", action.action());
            detail.put("region", region);
            detail.putObject("type")
                    .put("owner", action.type().owner())
                    .put("provider", action.type().provider())
                    .put("category", action.type().category())
                    .put("version", action.type().version());
            artifacts(detail.putArray("input-artifacts"), action.inputArtifacts());
            if (!action.outputArtifacts().isEmpty()) {
                artifacts(detail.putArray("output-artifacts"), action.outputArtifacts());
            }
            if (change.state() != StateChange.State.STARTED) {
                ObjectNode result = mapper.createObjectNode();
                action.externalExecutionId().ifPresent(id -> result.put("external-execution-id", id));
                action.externalExecutionUrl().ifPresent(url -> result.put("external-execution-url", url));
                action.externalExecutionSummary().ifPresent(summary -> result.put("external-execution-summary", summary));
                action.error().ifPresent(error -> result.put("error-code", error.code()));
                if (!result.isEmpty()) {
                    detail.set("execution-result", result);
                }
            }
        }
        detail.put("state", change.state().name());
        detail.put("version", change.pipelineVersion());
        detail.put("pipeline-execution-attempt", 1.0);
        return event;
    }

    private static String detailType(StateChange change) {
        if (change instanceof StateChange.Pipeline) {
            return "CodePipeline Pipeline Execution State Change";
        }
        return change instanceof StateChange.Stage ? "CodePipeline Stage Execution State Change"
                : "CodePipeline Action Execution State Change";
    }

    private static void artifacts(ArrayNode list, List<ArtifactLocation> artifacts) {
        for (ArtifactLocation artifact : artifacts) {
            list.addObject().put("name", artifact.name()).putObject("s3location")
                    .put("bucket", artifact.bucket()).put("key", artifact.key());
        }
    }

    private static String millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
