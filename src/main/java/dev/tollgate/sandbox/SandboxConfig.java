package dev.tollgate.sandbox;

import dev.tollgate.sandbox.fault.FaultConfig;

import java.time.Instant;
import java.util.Optional;

/**
 * How to start a sandbox. Start from {@link #defaults()} and adjust with the {@code with...} methods, so
 * callers keep compiling as settings are added.
 *
 * @param port      TCP port on 127.0.0.1; 0 picks a free one
 * @param speed     simulated seconds per real second for the default accelerated clock
 * @param seed      seeds every random choice of the simulation
 * @param demoData  whether to create the demo pipelines and their history
 * @param pipelines how many pipelines the demo has: the {@value #DEMO_PIPELINES} hand-made ones, plus generated
 *                  ones above those
 * @param startAt   the simulated "now" at start; empty means the real current time
 * @param clock     a clock to use instead of the accelerated one (e.g. a {@link ManualClock} in tests)
 * @param faults    trouble to inject into AWS answers at start (changeable later through {@code /_sandbox/faults})
 * @param eventsQueue an SQS queue to create and send every CodePipeline state-change event to, as an EventBridge
 *                    rule would (changeable later through {@code /_sandbox/events})
 */
public record SandboxConfig(int port, double speed, long seed, boolean demoData, int pipelines,
                            Optional<Instant> startAt, Optional<SandboxClock> clock, FaultConfig faults,
                            Optional<String> eventsQueue) {

    /** The events queue of the sandbox the app starts for a newcomer, so that push mode works out of the box. */
    public static final String DEMO_EVENTS_QUEUE = "tollgate-pipeline-events";

    public static final int DEMO_PIPELINES = 7;

    public SandboxConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, was " + speed);
        }
        if (pipelines < 0 || pipelines > 5000) {
            throw new IllegalArgumentException("pipelines must be between 0 and 5000, was " + pipelines);
        }
        eventsQueue = eventsQueue == null ? Optional.empty() : eventsQueue;
    }

    public static SandboxConfig defaults() {
        return new SandboxConfig(0, 60, 42L, true, DEMO_PIPELINES, Optional.empty(), Optional.empty(), FaultConfig.none(),
                Optional.empty());
    }

    public SandboxConfig withPort(int newPort) {
        return new SandboxConfig(newPort, speed, seed, demoData, pipelines, startAt, clock, faults, eventsQueue);
    }

    public SandboxConfig withSpeed(double newSpeed) {
        return new SandboxConfig(port, newSpeed, seed, demoData, pipelines, startAt, clock, faults, eventsQueue);
    }

    public SandboxConfig withSeed(long newSeed) {
        return new SandboxConfig(port, speed, newSeed, demoData, pipelines, startAt, clock, faults, eventsQueue);
    }

    public SandboxConfig withDemoData(boolean enabled) {
        return new SandboxConfig(port, speed, seed, enabled, pipelines, startAt, clock, faults, eventsQueue);
    }

    public SandboxConfig withPipelines(int count) {
        return new SandboxConfig(port, speed, seed, demoData, count, startAt, clock, faults, eventsQueue);
    }

    public SandboxConfig withStartAt(Instant instant) {
        return new SandboxConfig(port, speed, seed, demoData, pipelines, Optional.of(instant), clock, faults, eventsQueue);
    }

    public SandboxConfig withFaults(FaultConfig newFaults) {
        return new SandboxConfig(port, speed, seed, demoData, pipelines, startAt, clock, newFaults, eventsQueue);
    }

    /** Uses the given clock (typically a {@link ManualClock}); its current instant becomes the start. */
    public SandboxConfig withClock(SandboxClock newClock) {
        return new SandboxConfig(port, speed, seed, demoData, pipelines, startAt, Optional.of(newClock), faults, eventsQueue);
    }

    /** Creates this SQS queue and sends every CodePipeline state-change event to it; empty sends none. */
    public SandboxConfig withEventsQueue(Optional<String> queueName) {
        return new SandboxConfig(port, speed, seed, demoData, pipelines, startAt, clock, faults, queueName);
    }
}
