package dev.tollgate.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.ApprovalOutcome;
import dev.tollgate.pipeline.ExecutionSummary;
import dev.tollgate.pipeline.HistoryFilter;
import dev.tollgate.pipeline.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the reader joins approvals to executions, on an in-memory history. */
class HistoryReaderJoinTest {

    private static final Status SUCCEEDED = Status.fromWire("Succeeded");
    private static final Status FAILED = Status.fromWire("Failed");
    private static final String ARN = "arn:aws:sts::1:assumed-role/Approver/";

    private final FakeHistory fake = new FakeHistory()
            .add("e1", 0, SUCCEEDED, "first", ARN + "ana", SUCCEEDED, "Checked the tag")
            .add("e2", 2, FAILED, "second", ARN + "bo", FAILED, "Not backward compatible")
            .add("e3", 4, FAILED, "third", null, FAILED, null)
            .add("e4", 6, SUCCEEDED, "fourth, no approval stage", null, null, null)
            .add("e5", 8, Status.fromWire("InProgress"), "fifth", null, Status.fromWire("InProgress"), null);

    @Test
    void joinsTheApproversCommentAndTellsRejectionFromExpiry() {
        List<ExecutionSummary> read = new HistoryReader(fake, "app", HistoryFilter.ALL, 2).next(10, () -> false).matches();

        assertThat(read).extracting(ExecutionSummary::executionId).containsExactly("e5", "e4", "e3", "e2", "e1");
        assertThat(read.get(0).headlineApproval().orElseThrow().verdict()).isEqualTo(ApprovalOutcome.Verdict.WAITING);
        assertThat(read.get(1).approvals()).isEmpty();
        assertThat(read.get(2).headlineApproval().orElseThrow().verdict()).isEqualTo(ApprovalOutcome.Verdict.EXPIRED);
        ApprovalOutcome rejected = read.get(3).headlineApproval().orElseThrow();
        assertThat(rejected.verdict()).isEqualTo(ApprovalOutcome.Verdict.REJECTED);
        assertThat(rejected.approverName()).isEqualTo("bo");
        assertThat(rejected.comment()).isEqualTo("Not backward compatible");
        assertThat(read.get(4).headlineApproval().orElseThrow().comment()).isEqualTo("Checked the tag");
    }

    @Test
    void readsOnlyAsManyActionPagesAsTheBatchNeeds() {
        HistoryReader reader = new HistoryReader(fake, "app", HistoryFilter.ALL, 2);

        reader.next(2, () -> false);

        assertThat(fake.executionCalls).isEqualTo(1);
        // e5 (approval + source) and e4 (source): three steps, one page of three, plus one to reach before e4.
        assertThat(fake.stepCalls).isEqualTo(2);
    }

    @Test
    void aStepSeenTwiceOnShiftedPagesCountsOnce() {
        fake.steps.add(3, fake.steps.get(0));

        List<ExecutionSummary> read = new HistoryReader(fake, "app", HistoryFilter.ALL, 5).next(10, () -> false).matches();

        assertThat(read.get(0).approvals()).hasSize(1);
    }

    @Test
    void textCriteriaSkipExecutionsWithoutAskingForTheirActions() {
        HistoryReader reader = new HistoryReader(fake, "app", HistoryFilter.ALL.withText("FIRST"), 5);

        List<ExecutionSummary> read = reader.next(10, () -> false).matches();

        assertThat(read).extracting(ExecutionSummary::executionId).containsExactly("e1");
        assertThat(read.get(0).approvals()).hasSize(1);
    }
}
