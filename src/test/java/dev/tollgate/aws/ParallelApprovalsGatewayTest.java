package dev.tollgate.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.ApprovalChange;
import dev.tollgate.pipeline.ApprovalDecision;
import dev.tollgate.pipeline.ApprovalRequest;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.Status;
import dev.tollgate.testing.SandboxFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PARALLEL execution mode through the gateway, over HTTP against the sandbox: the demo's mobile-bff has two
 * executions waiting at its approval, which GetPipelineState alone cannot tell apart.
 */
class ParallelApprovalsGatewayTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private SandboxFixture aws;
    private CodePipelineGateway gateway;

    @BeforeEach
    void start() {
        aws = SandboxFixture.start();
        gateway = aws.gateway;
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private PipelineSnapshot bff() {
        return gateway.snapshot("mobile-bff");
    }

    private long callsFor(Runnable work) {
        long before = aws.sandbox.control().faultCounts().calls();
        work.run();
        return aws.sandbox.control().faultCounts().calls() - before;
    }

    @Test
    void findsEveryExecutionWaitingAtTheApprovalEachWithItsOwnToken() {
        List<ApprovalRequest> waiting = bff().pendingApprovals();

        assertThat(waiting).hasSize(2);
        assertThat(waiting).extracting(ApprovalRequest::pipelineExecutionId).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(waiting).extracting(ApprovalRequest::token).allMatch(token -> token.matches(UUID)).doesNotHaveDuplicates();
        assertThat(waiting).allSatisfy(request -> {
            assertThat(request.location()).isEqualTo("mobile-bff › Approval › ReleaseApproval");
            assertThat(request.timeout()).isEqualTo(Duration.ofMinutes(2880));
            assertThat(request.customData()).startsWith("Each change releases on its own");
        });
        // The longest waiting comes first.
        assertThat(waiting.get(0).waitingSince()).isBefore(waiting.get(1).waitingSince());
    }

    @Test
    void decidingOneExecutionLeavesTheOtherWaitingWithItsToken() {
        List<ApprovalRequest> waiting = bff().pendingApprovals();
        ApprovalRequest first = waiting.get(0);
        ApprovalRequest second = waiting.get(1);

        gateway.decide(first, new ApprovalDecision(ApprovalDecision.Verdict.APPROVE, "Notification settings look right"));

        PipelineSnapshot now = bff();
        assertThat(now.pendingApprovals()).singleElement().satisfies(still -> assertThat(still.sameWaitAs(second)).isTrue());
        assertThat(now.changeOf(second)).isEmpty();
        assertThat(now.changeOf(first)).get().isInstanceOfSatisfying(ApprovalChange.Decided.class, decided -> {
            assertThat(decided.outcome().kind()).isEqualTo(Status.Kind.SUCCEEDED);
            assertThat(decided.by()).isEqualTo("arn:aws:sts::123456789012:assumed-role/Approver/TOLLGATESANDBOX");
            assertThat(decided.summary()).isEqualTo("Notification settings look right");
            assertThat(decided.at()).isNotNull();
        });
        aws.sandbox.control().advanceClock(Duration.ofMinutes(10));
        assertThat(gateway.execution("mobile-bff", first.pipelineExecutionId()).status().kind()).isEqualTo(Status.Kind.SUCCEEDED);
        assertThat(gateway.execution("mobile-bff", second.pipelineExecutionId()).status().kind()).isEqualTo(Status.Kind.IN_PROGRESS);
    }

    @Test
    void rejectingOneExecutionFailsOnlyThatOne() {
        List<ApprovalRequest> waiting = bff().pendingApprovals();

        gateway.decide(waiting.get(1), new ApprovalDecision(ApprovalDecision.Verdict.REJECT, "Wait for app 4.13"));

        assertThat(bff().pendingApprovals()).singleElement()
                .satisfies(still -> assertThat(still.sameWaitAs(waiting.get(0))).isTrue());
        assertThat(gateway.execution("mobile-bff", waiting.get(1).pipelineExecutionId()).status().kind())
                .isEqualTo(Status.Kind.FAILED);
    }

    @Test
    void asksListActionExecutionsOnlyForParallelPipelinesWithSomethingRunningOrWaiting() {
        bff();
        gateway.snapshot("ecs-webapp");

        assertThat(callsFor(() -> gateway.snapshot("ecs-webapp"))).as("SUPERSEDED: the state alone").isEqualTo(1);
        assertThat(callsFor(this::bff)).as("PARALLEL with waits: state and one page of action runs").isEqualTo(2);

        bff().pendingApprovals().forEach(request ->
                gateway.decide(request, new ApprovalDecision(ApprovalDecision.Verdict.APPROVE, "")));
        assertThat(bff().pendingApprovals()).isEmpty();
        aws.sandbox.control().advanceClock(Duration.ofHours(1));
        bff();

        assertThat(callsFor(this::bff)).as("PARALLEL with nothing running or waiting: the state alone").isEqualTo(1);
        aws.sandbox.control().pushCommit("mobile-bff", "Another change", "lena");
        aws.sandbox.control().advanceClock(Duration.ofMinutes(15));
        assertThat(bff().pendingApprovals()).singleElement()
                .satisfies(request -> assertThat(request.token()).matches(UUID));
    }
}
