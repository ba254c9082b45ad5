package dev.tollgate.sandbox;

import dev.tollgate.sandbox.engine.PipelineEngine;
import dev.tollgate.sandbox.fault.FaultConfig;
import dev.tollgate.sandbox.fault.FaultInjector;
import dev.tollgate.sandbox.engine.PushedCommit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a test or the app's demo mode can do to the sandbox besides calling AWS APIs: simulate a push,
 * move time forward. The HTTP control API under {@code /_sandbox/} calls exactly these.
 */
public final class SandboxControl {

    private final PipelineEngine engine;
    private final SandboxClock clock;
    private final FaultInjector faults;

    SandboxControl(PipelineEngine engine, SandboxClock clock, FaultInjector faults) {
        this.engine = engine;
        this.clock = clock;
        this.faults = faults;
    }

    /** Replaces the injected faults; {@link FaultConfig#none()} turns them off. */
    public void setFaults(FaultConfig config) {
        faults.configure(config);
    }

    public FaultConfig faults() {
        return faults.config();
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
