package dev.tollgate.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.sandbox.engine.PipelineEngine;
import dev.tollgate.sandbox.events.CodePipelineEventRule;
import dev.tollgate.sandbox.sqs.SqsQueues;
import dev.tollgate.sandbox.fault.FaultConfig;
import dev.tollgate.sandbox.fault.FaultInjector;
import dev.tollgate.sandbox.engine.PushedCommit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a test or the app's demo mode can do to the sandbox besides calling AWS APIs: simulate a push,
 * move time forward, send CodePipeline's events to a queue. The HTTP control API under {@code /_sandbox/}
 * calls exactly these.
 */
public final class SandboxControl {

    private final PipelineEngine engine;
    private final SandboxClock clock;
    private final FaultInjector faults;
    private final SqsQueues queues;
    private final long seed;
    private final ObjectMapper mapper;
    private Optional<String> eventsQueue = Optional.empty();

    SandboxControl(PipelineEngine engine, SandboxClock clock, FaultInjector faults, SqsQueues queues, long seed,
                   ObjectMapper mapper) {
        this.engine = engine;
        this.clock = clock;
        this.faults = faults;
        this.queues = queues;
        this.seed = seed;
        this.mapper = mapper;
    }

    /**
     * From now on, sends every CodePipeline state-change event (EventBridge's shape) to this SQS queue, created
     * when it does not exist yet; returns the queue's URL. Events of history already simulated are not sent.
     */
    public synchronized String sendEventsTo(String queueName) {
        String url = queues.create(queueName, Map.of());
        engine.catchUp();
        engine.onStateChange(new CodePipelineEventRule(queues, queueName, engine.accountId(), engine.region(), seed, mapper));
        eventsQueue = Optional.of(queueName);
        return url;
    }

    /** Stops sending events; the queue and what it holds stay. */
    public synchronized void stopEvents() {
        engine.onStateChange(null);
        eventsQueue = Optional.empty();
    }

    /** The queue events go to, if any. */
    public synchronized Optional<String> eventsQueue() {
        return eventsQueue;
    }

    /** The URL of the queue events go to, if any. */
    public synchronized Optional<String> eventsQueueUrl() {
        return eventsQueue.map(queues::urlOf);
    }

    /** Replaces the injected faults; {@link FaultConfig#none()} turns them off. */
    public void setFaults(FaultConfig config) {
        faults.configure(config);
    }

    public FaultConfig faults() {
        return faults.config();
    }

    /** Closes every AWS call's connection unanswered for this long (a network outage); zero ends it. */
    public void cutConnectionsFor(Duration duration) {
        faults.cutConnectionsFor(duration);
    }

    /** Calls seen and faults injected since start: the figures a fault or soak run reports. */
    public dev.tollgate.sandbox.fault.FaultInjector.Counts faultCounts() {
        return faults.counts();
    }

    /** Simulates a push to the pipeline's source branch, which starts an execution right away. */
    public PushedCommit pushCommit(String pipelineName, String message, String author) {
        engine.catchUp();
        return engine.push(pipelineName, message, author, Optional.empty());
    }

    /** Like {@link #pushCommit(String, String, String)}, for a change that will make the named action fail. */
    public PushedCommit pushBreakingCommit(String pipelineName, String message, String author, String failingAction) {
        engine.catchUp();
        return engine.push(pipelineName, message, author, Optional.of(failingAction));
    }

    /** Moves the clock forward and lets the simulation catch up; returns the new simulated now. */
    public Instant advanceClock(Duration duration) {
        clock.advance(duration);
        return engine.catchUp();
    }

    /** Simulated now, after catching up. */
    public Instant now() {
        return engine.catchUp();
    }

    public PipelineEngine engine() {
        return engine;
    }
}
