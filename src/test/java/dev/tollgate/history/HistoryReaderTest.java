package dev.tollgate.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.aws.AwsClients;
import dev.tollgate.aws.CodePipelineHistory;
import dev.tollgate.aws.ConnectionSettings;
import dev.tollgate.pipeline.ActionStep;
import dev.tollgate.pipeline.ApprovalOutcome;
import dev.tollgate.pipeline.ExecutionSummary;
import dev.tollgate.pipeline.HistoryFilter;
import dev.tollgate.pipeline.HistoryPage;
import dev.tollgate.pipeline.PipelineExecution;
import dev.tollgate.pipeline.Status;
import dev.tollgate.sandbox.Sandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reader against a sandbox pipeline of 1,000 executions, checked against a plain oracle: every execution and
 * every action run read whole, joined by execution id, filtered one by one.
 */
class HistoryReaderTest {

    private static final int EXTRA = 1000;

    private static Sandbox sandbox;
    private static AwsClients clients;
    private static CodePipelineHistory history;
    private static List<ExecutionSummary> everything;

    @BeforeAll
    static void start() {
        sandbox = LongHistory.start(EXTRA);
        clients = new AwsClients(ConnectionSettings.sandbox(sandbox.endpoint()));
        history = new CodePipelineHistory(clients.codePipeline());
        everything = oracle();
    }

    @AfterAll
    static void stop() {
        clients.close();
        sandbox.close();
    }

    @Test
    void theFirstBatchIsTheNewestExecutionsWithTheirApprovals() {
        HistoryReader reader = new HistoryReader(history, LongHistory.PIPELINE, HistoryFilter.ALL, 50);

        HistoryReader.Batch first = reader.next(50, () -> false);

        assertThat(first.matches()).hasSize(50);
        assertThat(first.exhausted()).isFalse();
        assertThat(first.matches()).isEqualTo(everything.subList(0, 50));
        ExecutionSummary newest = first.matches().get(0);
        assertThat(newest.commitMessage()).isEqualTo(LongHistory.message(EXTRA));
        assertThat(newest.headlineApproval()).hasValueSatisfying(approval ->
                assertThat(approval.verdict()).isEqualTo(ApprovalOutcome.Verdict.WAITING));
    }

    @Test
    void readingOnToTheEndGivesTheWholeHistoryOnce() {
        List<ExecutionSummary> read = readAll(HistoryFilter.ALL);

        assertThat(read).isEqualTo(everything);
        assertThat(read).hasSizeGreaterThan(EXTRA);
    }

    @Test
    void eachExecutionHasTheApproverWhoDecidedIt() {
        ExecutionSummary seventh = byMessage(LongHistory.message(7));
        ExecutionSummary eighth = byMessage(LongHistory.message(8));
        ExecutionSummary tenth = byMessage(LongHistory.message(10));

        ApprovalOutcome rejected = seventh.headlineApproval().orElseThrow();
        assertThat(rejected.verdict()).isEqualTo(ApprovalOutcome.Verdict.REJECTED);
        assertThat(rejected.approverName()).isEqualTo(LongHistory.approverOf(7));
        assertThat(rejected.comment()).isEqualTo("Rejected change #7");
        assertThat(rejected.at()).isAfter(seventh.startTime());
        assertThat(seventh.status().kind()).isEqualTo(Status.Kind.FAILED);
        ApprovalOutcome approved = eighth.headlineApproval().orElseThrow();
        assertThat(approved.verdict()).isEqualTo(ApprovalOutcome.Verdict.APPROVED);
        assertThat(approved.approverName()).isEqualTo(LongHistory.approverOf(8));
        assertThat(approved.approver()).isEqualTo(LongHistory.APPROVER_ARN + LongHistory.approverOf(8));
        assertThat(approved.comment()).isEqualTo("Approved change #8");
        // The broken build never reached the approval.
        assertThat(tenth.approvals()).isEmpty();
        assertThat(tenth.status().kind()).isEqualTo(Status.Kind.FAILED);
    }

    @Test
    void filtersByStatus() {
        HistoryFilter failed = HistoryFilter.ALL.withStatuses(Set.of(Status.Kind.FAILED));

        List<ExecutionSummary> read = readAll(failed);

        assertThat(read).isNotEmpty().allSatisfy(summary -> assertThat(summary.status().kind()).isEqualTo(Status.Kind.FAILED));
        assertThat(read).isEqualTo(expected(failed));
    }

    @Test
    void filtersByApproverAndByDecision() {
        HistoryFilter mei = HistoryFilter.ALL.withApprover("MEI");
        HistoryFilter decided = HistoryFilter.ALL.withDecidedOnly(true);

        List<ExecutionSummary> byMei = readAll(mei);
        List<ExecutionSummary> byAnybody = readAll(decided);

        assertThat(byMei).isNotEmpty().isEqualTo(expected(mei)).allSatisfy(summary -> assertThat(summary.approvals())
                .anySatisfy(approval -> assertThat(approval.approverName()).isEqualTo("mei.chen")));
        assertThat(byAnybody).isEqualTo(expected(decided)).allSatisfy(summary -> assertThat(summary.hasDecision()).isTrue());
        assertThat(byAnybody.size()).isLessThan(everything.size()).isGreaterThan(byMei.size());
    }

    @Test
    void filtersByTextInTheCommitMessage() {
        HistoryFilter cache = HistoryFilter.ALL.withText("Checkout CACHE");

        List<ExecutionSummary> read = readAll(cache);

        assertThat(read).hasSize(EXTRA / 5).isEqualTo(expected(cache));
    }

    @Test
    void aDateRangeStopsReadingOnceExecutionsAreOlder() {
        Instant newest = everything.get(0).startTime();
        HistoryFilter lastDay = HistoryFilter.ALL.withRange(Optional.of(newest.minus(Duration.ofHours(24))),
                Optional.of(newest.minus(Duration.ofHours(6))));
        HistoryReader reader = new HistoryReader(history, LongHistory.PIPELINE, lastDay, 50);

        HistoryReader.Batch batch = reader.next(1000, () -> false);

        assertThat(batch.exhausted()).isTrue();
        assertThat(batch.matches()).isEqualTo(expected(lastDay)).hasSize(9);
        assertThat(reader.scanned()).isLessThan(20);
    }

    @Test
    void combinesCriteria() {
        HistoryFilter filter = HistoryFilter.ALL.withStatuses(Set.of(Status.Kind.SUCCEEDED)).withApprover("tomas")
                .withText("small fix");

        assertThat(readAll(filter)).isNotEmpty().isEqualTo(expected(filter));
    }

    @Test
    void executionsStartedWhileScrollingAreNotRepeated() {
        HistoryReader reader = new HistoryReader(history, LongHistory.PIPELINE, HistoryFilter.ALL, 50);
        List<ExecutionSummary> read = new ArrayList<>(reader.next(50, () -> false).matches());
        for (int i = 0; i < 3; i++) {
            sandbox.control().advanceClock(Duration.ofHours(2));
            sandbox.control().pushCommit(LongHistory.PIPELINE, "Pushed while scrolling " + i, "Lena Park");
        }
        while (!reader.isExhausted()) {
            read.addAll(reader.next(200, () -> false).matches());
        }

        Set<String> ids = new HashSet<>();
        read.forEach(summary -> assertThat(ids.add(summary.executionId())).as(summary.executionId()).isTrue());
        assertThat(ids).containsAll(everything.stream().map(ExecutionSummary::executionId).toList());
    }

    @Test
    void stopsWhenCancelled() {
        HistoryReader reader = new HistoryReader(history, LongHistory.PIPELINE, HistoryFilter.ALL, 50);

        assertThatThrownBy(() -> reader.next(50, () -> true)).isInstanceOf(CancellationException.class);
    }

    private static List<ExecutionSummary> readAll(HistoryFilter filter) {
        HistoryReader reader = new HistoryReader(history, LongHistory.PIPELINE, filter, 100);
        List<ExecutionSummary> read = new ArrayList<>();
        while (!reader.isExhausted()) {
            read.addAll(reader.next(100, () -> false).matches());
        }
        // The scroll test pushes new executions; compare only what the oracle knew.
        Set<String> known = new HashSet<>(everything.stream().map(ExecutionSummary::executionId).toList());
        return read.stream().filter(summary -> known.contains(summary.executionId())).toList();
    }

    private static List<ExecutionSummary> expected(HistoryFilter filter) {
        return everything.stream().filter(filter::matches).toList();
    }

    private static ExecutionSummary byMessage(String message) {
        return everything.stream().filter(summary -> summary.commitMessage().equals(message)).findFirst().orElseThrow();
    }

    /** Everything, the slow obvious way. */
    private static List<ExecutionSummary> oracle() {
        List<PipelineExecution> executions = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            HistoryPage<PipelineExecution> page = history.executions(LongHistory.PIPELINE, token, 100);
            executions.addAll(page.items());
            token = page.nextToken();
        } while (token.isPresent());
        Map<String, List<ApprovalOutcome>> approvals = new HashMap<>();
        token = Optional.empty();
        do {
            HistoryPage<ActionStep> page = history.actionSteps(LongHistory.PIPELINE, token);
            page.items().forEach(step -> step.approval().ifPresent(approval ->
                    approvals.computeIfAbsent(step.pipelineExecutionId(), id -> new ArrayList<>()).add(approval)));
            token = page.nextToken();
        } while (token.isPresent());
        return executions.stream()
                .map(execution -> new ExecutionSummary(execution, approvals.getOrDefault(execution.executionId(), List.of())))
                .toList();
    }
}
