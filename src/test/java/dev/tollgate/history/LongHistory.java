package dev.tollgate.history;

import dev.tollgate.sandbox.ManualClock;
import dev.tollgate.sandbox.Sandbox;
import dev.tollgate.sandbox.SandboxConfig;
import dev.tollgate.sandbox.engine.ApprovalStatus;
import dev.tollgate.sandbox.engine.Commit;
import dev.tollgate.sandbox.engine.PipelineEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A sandbox whose {@code ecs-webapp} has a long history: the demo's executions plus {@code extra} more, one
 * every two hours, scheduled on the engine and simulated by moving the manual clock once. Every 10th breaks
 * its build, every 7th is rejected, the rest approved by one of four approvers with a comment naming the
 * execution's number; the last one still waits for approval.
 */
public final class LongHistory {

    public static final Instant START = Instant.parse("2026-11-24T09:00:00Z");
    public static final String PIPELINE = "ecs-webapp";
    public static final String APPROVER_ARN = "arn:aws:sts::123456789012:assumed-role/Approver/";
    public static final String[] APPROVERS = {"priya.raman", "tomas.ortega", "mei.chen", "dana.okafor"};
    public static final Duration SPACING = Duration.ofHours(2);

    private LongHistory() {
    }

    /** Starts the sandbox and simulates the history; the caller closes it. */
    public static Sandbox start(int extra) {
        Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withClock(new ManualClock(START)));
        PipelineEngine engine = sandbox.control().engine();
        Instant now = sandbox.control().now();
        // The demo leaves one execution waiting for approval; decide it so the new ones do not queue behind it.
        engine.scheduleDecision(now.plus(Duration.ofMinutes(5)), PIPELINE, "Approval", "ManualApproval",
                APPROVER_ARN + APPROVERS[0], ApprovalStatus.Approved, "Demo change approved");
        Instant push = now.plus(Duration.ofMinutes(30));
        for (int i = 1; i <= extra; i++) {
            boolean breaksBuild = i % 10 == 0 && i < extra;
            engine.schedulePush(push, PIPELINE, new Commit(engine.newCommitId(), message(i), "Lena Park",
                    breaksBuild ? Optional.of("Build") : Optional.empty()));
            if (!breaksBuild && i < extra) {
                boolean reject = i % 7 == 0;
                engine.scheduleDecision(push.plus(Duration.ofMinutes(40)), PIPELINE, "Approval", "ManualApproval",
                        APPROVER_ARN + approverOf(i), reject ? ApprovalStatus.Rejected : ApprovalStatus.Approved,
                        (reject ? "Rejected change #" : "Approved change #") + i);
            }
            push = push.plus(SPACING);
        }
        sandbox.control().advanceClock(Duration.between(now, push));
        return sandbox;
    }

    public static String message(int number) {
        return "Change #" + number + (number % 5 == 0 ? ": tune the checkout cache" : ": small fix");
    }

    public static String approverOf(int number) {
        return APPROVERS[number % APPROVERS.length];
    }
}
