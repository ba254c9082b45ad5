package dev.tollgate.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.GatewayException.Problem;
import dev.tollgate.pipeline.GatewayException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollPlanTest {

    @Test
    void listsFirstThenAsksEveryPipelineOnce() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10)).withIdlePipelines(5);

        account.runFor(Duration.ofSeconds(2));

        assertThat(account.requests.get(0).operation()).isEqualTo("ListPipelines");
        assertThat(account.polledNames()).containsExactly("idle-0000", "idle-0001", "idle-0002", "idle-0003", "idle-0004");
    }

    @Test
    void neverSendsMoreRequestsInAnySecondThanTheBudget() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10))
                .withIdlePipelines(450)
                .with(PipelineStates.building("busy-1"))
                .with(PipelineStates.building("busy-2"));
        account.plan.focus("idle-0100", ScriptedAccount.START);

        account.runFor(Duration.ofSeconds(30));
        account.plan.refreshRequested("idle-0200", account.now());
        account.plan.refreshAllRequested(account.now());
        account.runFor(Duration.ofSeconds(90));

        // Listing pages and the declarations of the first sweep count too.
        assertThat(account.requests).hasSizeGreaterThan(1000);
        assertThat(account.busiestSecond()).isLessThanOrEqualTo(10);
    }

    @Test
    void pipelinesNamedByEventsGoFirstButWithinTheBudget() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10))
                .withIdlePipelines(300)
                .with(PipelineStates.building("busy"));
        account.runFor(Duration.ofSeconds(90));
        int before = account.requests.size();
        Instant pushedAt = account.now();

        account.plan.changed(List.of("idle-0100", "idle-0200", "idle-0100", "idle-0250", "idle-0200"), pushedAt);
        account.runFor(Duration.ofSeconds(5));

        List<ScriptedAccount.Request> after = account.requests.subList(before, account.requests.size());
        // Each named pipeline once, ahead of the busy one and of the idle ones' turns, paced at 1/rate.
        assertThat(after.subList(0, 3)).extracting(ScriptedAccount.Request::pipelineName)
                .containsExactly("idle-0100", "idle-0200", "idle-0250");
        assertThat(Duration.between(pushedAt, after.get(2).at())).isLessThanOrEqualTo(Duration.ofMillis(300));
        for (int i = 1; i < 3; i++) {
            assertThat(Duration.between(after.get(i - 1).at(), after.get(i).at())).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        }
        assertThat(account.pollsOf("idle-0100").stream().filter(at -> !at.isBefore(pushedAt))).hasSize(1);
        assertThat(account.busiestSecond()).isLessThanOrEqualTo(10);
    }

    @Test
    void aStormOfEventsNeverExceedsTheBudget() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(5)).withIdlePipelines(200);
        account.runFor(Duration.ofSeconds(60));
        for (int second = 0; second < 30; second++) {
            List<String> names = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                names.add(String.format("idle-%04d", (second * 20 + i) % 200));
            }
            account.plan.changed(names, account.now());
            account.runFor(Duration.ofSeconds(1));
        }

        assertThat(account.busiestSecond()).isLessThanOrEqualTo(5);
    }

    @Test
    void anEventNamingAnUnknownPipelineListsAgainButNotForEveryEvent() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10)).withIdlePipelines(3);
        account.runFor(Duration.ofSeconds(10));
        account.with(PipelineStates.building("created-just-now"));

        account.plan.changed(List.of("created-just-now"), account.now());
        account.runFor(Duration.ofSeconds(2));
        account.plan.changed(List.of("created-just-now", "of-another-account"), account.now());
        account.plan.changed(List.of("of-another-account"), account.now());
        account.runFor(Duration.ofSeconds(2));

        assertThat(account.requests.stream().filter(r -> r.operation().equals("ListPipelines"))).hasSize(2);
        assertThat(account.pollsOf("created-just-now")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(account.pollsOf("of-another-account")).isEmpty();
    }

    @Test
    void whileEventsArriveIdlePipelinesAreAskedLessOftenButNeverGoStale() {
        ScriptedAccount polling = new ScriptedAccount(ScriptedAccount.settings(10)).withIdlePipelines(3);
        ScriptedAccount pushed = new ScriptedAccount(ScriptedAccount.settings(10)).withIdlePipelines(3);
        pushed.plan.listening(true);

        polling.runFor(Duration.ofMinutes(10));
        pushed.runFor(Duration.ofMinutes(10));

        // Every 30 s while polling alone; every 2 min (4 × 30 s) while events arrive, within half of the 5-minute
        // staleness threshold.
        assertThat(polling.pollsOf("idle-0000")).hasSizeBetween(20, 21);
        assertThat(pushed.pollsOf("idle-0000")).hasSizeBetween(5, 6);
        assertThat(pushed.plan.newlyStale(pushed.now())).isEmpty();
    }

    @Test
    void aPipelineRunningTowardsAnApprovalIsAskedEverySecondWhileIdleOnesWait() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10))
                .withIdlePipelines(3)
                .with(PipelineStates.building("busy"));

        account.runFor(Duration.ofSeconds(60));

        assertThat(account.pollsOf("busy")).hasSizeBetween(55, 61);
        assertThat(account.pollsOf("idle-0000")).hasSize(2);
    }

    @Test
    void anApprovalIsSeenWithinASecondOfAppearingInAPipelineThatWasBuilding() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10))
                .withIdlePipelines(500)
                .with(PipelineStates.idle("team-api"));
        account.runFor(Duration.ofSeconds(120));
        account.change(PipelineStates.building("team-api"));
        account.runFor(Duration.ofSeconds(60));
        assertThat(account.plan.attentionOf("team-api")).contains(Attention.BEFORE_APPROVAL);

        account.change(PipelineStates.awaitingApproval("team-api"));
        Instant appeared = account.now();
        account.runFor(Duration.ofSeconds(5));

        Instant seen = account.pollsOf("team-api").stream().filter(at -> at.isAfter(appeared)).findFirst().orElseThrow();
        assertThat(Duration.between(appeared, seen)).isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(account.plan.attentionOf("team-api")).contains(Attention.AWAITING_DECISION);
    }

    @Test
    void aBuildSeenToTakeTwoMinutesIsAskedEveryTenSecondsUntilItsApprovalCanBeNearThenEverySecond() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10))
                .withIdlePipelines(500)
                .with(PipelineStates.idle("team-api"));
        account.runFor(Duration.ofSeconds(120));
        // Three builds, watched from their start to their end: two minutes each.
        for (int run = 1; run <= 3; run++) {
            account.change(PipelineStates.buildRunning("team-api", "run-" + run, account.now()));
            account.plan.refreshRequested("team-api", account.now());
            account.runFor(Duration.ofSeconds(120));
            assertThat(account.plan.attentionOf("team-api")).contains(Attention.BEFORE_APPROVAL);
            account.change(PipelineStates.builtAndAwaitingApproval("team-api", "run-" + run, account.now()));
            account.runFor(Duration.ofSeconds(30));
            account.change(PipelineStates.idle("team-api"));
            account.runFor(Duration.ofSeconds(60));
        }

        Instant fourthStart = account.now();
        account.change(PipelineStates.buildRunning("team-api", "run-4", fourthStart));
        account.plan.refreshRequested("team-api", fourthStart);
        account.runFor(Duration.ofSeconds(2));
        assertThat(account.plan.attentionOf("team-api")).contains(Attention.BEFORE_APPROVAL_LATER);
        account.runFor(Duration.ofSeconds(118));
        account.change(PipelineStates.builtAndAwaitingApproval("team-api", "run-4", account.now()));
        Instant appeared = account.now();
        account.runFor(Duration.ofSeconds(5));

        List<Instant> polls = account.pollsOf("team-api");
        // Not before 60 s (half the shortest run seen): every 10 s, then every second.
        assertThat(polls.stream().filter(at -> !at.isBefore(fourthStart) && at.isBefore(fourthStart.plusSeconds(59))))
                .hasSizeBetween(6, 8);
        assertThat(polls.stream().filter(at -> !at.isBefore(fourthStart.plusSeconds(60)) && at.isBefore(appeared)))
                .hasSizeBetween(58, 61);
        Instant seen = polls.stream().filter(at -> !at.isBefore(appeared)).findFirst().orElseThrow();
        assertThat(Duration.between(appeared, seen)).isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anApprovalReleasedBySomebodysDecisionIsSeenWithinTwoSecondsThoughFiveHundredIdlePipelinesWait() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10))
                .withIdlePipelines(500)
                .with(PipelineStates.heldBehindWaitingApproval("team-api"));
        account.runFor(Duration.ofSeconds(120));
        assertThat(account.plan.attentionOf("team-api")).contains(Attention.NEXT_IN_LINE);

        // Decided in the console: the held execution moves in, and its approval waits at once.
        account.change(PipelineStates.awaitingApproval("team-api"));
        Instant decided = account.now();
        account.runFor(Duration.ofSeconds(5));

        Instant seen = account.pollsOf("team-api").stream().filter(at -> at.isAfter(decided)).findFirst().orElseThrow();
        assertThat(Duration.between(decided, seen)).isLessThanOrEqualTo(Duration.ofMillis(2400));
    }

    @Test
    void pipelinesAboutToShowAnApprovalShareHalfTheRateAndStretchAlikeBeyondIt() {
        // 10 calls/s: half is 5. Six building (1 each a second) and four next in line (half each) want 8.
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10)).withIdlePipelines(300);
        for (int i = 0; i < 6; i++) {
            account.with(PipelineStates.building("build-" + i));
        }
        for (int i = 0; i < 4; i++) {
            account.with(PipelineStates.heldBehindWaitingApproval("held-" + i));
        }
        account.runFor(Duration.ofSeconds(60));
        int before = account.requests.size();
        Instant from = account.now();

        account.runFor(Duration.ofSeconds(120));

        long building = account.pollsOf("build-0").stream().filter(at -> at.isAfter(from)).count();
        long held = account.pollsOf("held-0").stream().filter(at -> at.isAfter(from)).count();
        // Stretched by 8 / 5: every 1.6 s and 3.2 s, jitter aside.
        assertThat(building).isBetween(66L, 84L);
        assertThat(held).isBetween(33L, 42L);
        // The idle pipelines keep the other half.
        assertThat(account.requests.size() - before - 6 * building - 4 * held).isGreaterThan(500);
    }

    @Test
    void idlePipelinesTakeTurnsWithTheBudgetTheOthersLeave() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10)).withIdlePipelines(600);
        account.runFor(Duration.ofSeconds(130));
        int before = account.requests.size();

        account.runFor(Duration.ofSeconds(120));

        // Each idle pipeline got its turn at the full rate: 10 requests per 1.05 s (the budget's safety margin),
        // about a minute a round for 600 pipelines.
        assertThat(account.requests.size() - before).isBetween(1130, 1150);
        for (int i = 0; i < 600; i += 50) {
            assertThat(account.pollsOf(String.format("idle-%04d", i))).hasSizeBetween(3, 5);
        }
    }

    @Test
    void manyPipelinesBeforeAnApprovalStretchToHalfTheRateSoIdleOnesKeepTheirTurn() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10)).withIdlePipelines(100);
        for (int i = 0; i < 20; i++) {
            account.with(PipelineStates.building("busy-" + i));
        }
        account.runFor(Duration.ofSeconds(30));
        int before = account.requests.size();

        account.runFor(Duration.ofSeconds(60));

        long busyPolls = account.requests.subList(before, account.requests.size()).stream()
                .filter(r -> r.pipelineName() != null && r.pipelineName().startsWith("busy")).count();
        // 20 pipelines wanting a call a second get half of 10 calls/s between them: one call each every 4 s.
        assertThat(busyPolls).isBetween(280L, 310L);
        assertThat(account.pollsOf("idle-0050").stream().filter(at -> at.isAfter(ScriptedAccount.START.plusSeconds(30))))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aCrowdOfPipelinesAwaitingDecisionsCannotStarveTheIdleOnes() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(5)).withIdlePipelines(100);
        for (int i = 0; i < 150; i++) {
            account.with(PipelineStates.awaitingApproval("waiting-" + i));
        }
        account.runFor(Duration.ofSeconds(120));
        Instant measuredFrom = account.now();

        account.runFor(Duration.ofSeconds(300));

        // 150 pipelines wanting a call every 20 s would take 7.5 calls/s of 5: all now take turns.
        for (int i = 0; i < 100; i += 10) {
            assertThat(account.pollsOf(String.format("idle-%04d", i)).stream().filter(at -> at.isAfter(measuredFrom)))
                    .hasSizeBetween(5, 7);
        }
    }

    @Test
    void theUsersRefreshJumpsTheQueue() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10)).withIdlePipelines(300);
        account.runFor(Duration.ofSeconds(5));

        account.plan.refreshRequested("idle-0299", account.now());
        int before = account.polls.size();
        account.runFor(Duration.ofMillis(300));

        PollDecision.Poll next = account.polls.get(before);
        assertThat(next).isEqualTo(new PollDecision.Poll("idle-0299", true));
    }

    @Test
    void theUsersRefreshStillWaitsForTheBudget() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10)).withIdlePipelines(3);
        account.runFor(Duration.ofSeconds(1));
        Instant lastRequest = account.requests.get(account.requests.size() - 1).at();
        account.runFor(Duration.ofMillis(1));

        account.plan.refreshRequested("idle-0001", lastRequest);
        PollDecision decision = account.plan.next(lastRequest);

        assertThat(decision).isEqualTo(new PollDecision.WaitUntil(lastRequest.plusMillis(100)));
    }

    @Test
    void thePipelineOnScreenIsAskedFirstAndEveryTwoSeconds() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10)).withIdlePipelines(400);
        account.plan.focus("idle-0399", ScriptedAccount.START);
        account.runFor(Duration.ofSeconds(20));

        assertThat(account.polledNames().get(0)).isEqualTo("idle-0399");
        assertThat(account.pollsOf("idle-0399")).hasSizeBetween(10, 11);
    }

    @Test
    void aThrottledCallIsRetriedAfterSlowingDownAndNeverReported() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10)).withIdlePipelines(50);
        account.failWith("idle-0010", Problem.THROTTLED);

        account.runFor(Duration.ofSeconds(5));

        assertThat(account.plan.callsPerSecond()).isLessThan(10);
        assertThat(account.pollsOf("idle-0010")).hasSizeGreaterThan(1);
        assertThat(account.reported).isEmpty();
    }

    @Test
    void aPipelineAnEventNamedIsAskedAgainFirstWhenThatCallIsThrottled() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10)).withIdlePipelines(300);
        account.runFor(Duration.ofSeconds(70));
        account.failWith("idle-0123", Problem.THROTTLED);
        account.plan.changed(List.of("idle-0123"), account.now());
        account.runFor(Duration.ofMillis(150));
        assertThat(account.pollsOf("idle-0123")).hasSize(2);
        int before = account.polledNames().size();

        account.heal("idle-0123");
        account.runFor(Duration.ofSeconds(2));

        // The next call, once the slowed-down budget allows one, is the one still owed to the event; without
        // that it would wait for its turn among 300 idle pipelines, half a minute away.
        assertThat(account.polledNames().get(before)).isEqualTo("idle-0123");
        assertThat(account.reported).isEmpty();
    }

    @Test
    void aLargeAccountsPipelinesAreNotStaleForBeingAskedOnceARoundButAreWhenThrottlingHoldsTheRateDown() {
        // 1,000 pipelines at 2 calls/s: a round takes over 500 s, longer than the 5-minute threshold.
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(2)).withIdlePipelines(1000);
        account.runFor(Duration.ofSeconds(900));
        assertThat(account.plan.newlyStale(account.now())).isEmpty();
        assertThat(account.plan.staleAfter()).isEqualTo(Duration.ofSeconds(2000))
                .isEqualTo(ScriptedAccount.settings(2).staleAfter(1000));
        assertThat(ScriptedAccount.settings(2).staleAfter(10)).as("a small account's threshold")
                .isEqualTo(Duration.ofMinutes(5));

        for (int i = 0; i < 1000; i++) {
            account.failWith(String.format("idle-%04d", i), Problem.THROTTLED);
        }
        account.runFor(Duration.ofSeconds(2200));

        assertThat(account.plan.newlyStale(account.now())).hasSizeGreaterThan(900);
        assertThat(account.reported).isEmpty();
    }

    @Test
    void lastingThrottlingShowsOnlyAsStalenessOncePastTheThreshold() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10).withStaleAfter(Duration.ofMinutes(2)))
                .withIdlePipelines(3);
        account.runFor(Duration.ofSeconds(10));
        Instant lastFresh = account.pollsOf("idle-0001").get(0);
        account.failWith("idle-0001", Problem.THROTTLED);

        account.runFor(Duration.ofSeconds(100));
        assertThat(account.plan.newlyStale(account.now())).isEmpty();
        account.runFor(Duration.ofSeconds(30));
        List<StalePipeline> stale = account.plan.newlyStale(account.now());
        List<StalePipeline> again = account.plan.newlyStale(account.now());

        // The throttled retries hold the rate at its floor, so the others may go stale too: AWS throttles
        // an account, not a pipeline.
        assertThat(stale).contains(new StalePipeline("idle-0001", lastFresh));
        assertThat(again).isEmpty();
        assertThat(account.reported).isEmpty();
    }

    @Test
    void aBudgetChangedWhileWatchingHoldsFromThenOn() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10)).withIdlePipelines(500);
        account.runFor(Duration.ofSeconds(30));

        account.plan.changeBudget(2, account.now());
        Instant changed = account.now();
        account.runFor(Duration.ofSeconds(30));

        long after = account.requests.stream().filter(r -> r.at().isAfter(changed)).count();
        assertThat(account.plan.callsPerSecond()).isEqualTo(2.0);
        assertThat(after).isBetween(50L, 62L);
    }

    @Test
    void onceAwsAnswersAgainTheRowsMarkedByTheOutageAreAskedFirst() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10)).withIdlePipelines(50);
        account.runFor(Duration.ofSeconds(40));
        for (int i = 0; i < 50; i++) {
            account.failWith(String.format("idle-%04d", i), Problem.UNREACHABLE);
        }
        account.runFor(Duration.ofSeconds(35));

        Instant back = account.now();
        for (int i = 0; i < 50; i++) {
            account.heal(String.format("idle-%04d", i));
        }
        account.runFor(Duration.ofSeconds(10));

        // Idle pipelines are asked every 30 s; after an outage the budget (10 calls/s) is the only limit.
        for (int i = 0; i < 50; i++) {
            assertThat(account.pollsOf(String.format("idle-%04d", i))).as("idle-%04d", i)
                    .anyMatch(at -> at.isAfter(back));
        }
    }

    @Test
    void aLostNetworkIsReportedAtOnceAndTheNextSnapshotIsTakenAgain() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10)).withIdlePipelines(3);
        account.runFor(Duration.ofSeconds(10));
        account.failWith("idle-0001", Problem.UNREACHABLE);

        account.runFor(Duration.ofSeconds(40));

        assertThat(account.reported).isNotEmpty().allSatisfy(name -> assertThat(name).isEqualTo("idle-0001"));
        account.heal("idle-0001");
        int before = account.pollsOf("idle-0001").size();
        account.runFor(Duration.ofSeconds(40));
        assertThat(account.pollsOf("idle-0001")).hasSizeGreaterThan(before);
    }

    @Test
    void aFreshSnapshotEndsStalenessSoItIsReportedAgainNextTime() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10).withStaleAfter(Duration.ofMinutes(2)))
                .withIdlePipelines(1);
        account.failWith("idle-0000", Problem.THROTTLED);
        account.runFor(Duration.ofSeconds(121));
        assertThat(account.plan.newlyStale(account.now())).hasSize(1);

        account.heal("idle-0000");
        account.runFor(Duration.ofSeconds(5));
        account.failWith("idle-0000", Problem.THROTTLED);
        account.runFor(Duration.ofSeconds(125));

        assertThat(account.plan.newlyStale(account.now())).hasSize(1);
    }

    @Test
    void aRefusedCallIsReportedAndNotRepeatedBeforeAnIdleInterval() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10)).with(PipelineStates.building("locked"));
        account.failWith("locked", Problem.ACCESS_DENIED);

        account.runFor(Duration.ofSeconds(50));

        assertThat(account.reported).containsExactly("locked", "locked");
        assertThat(account.pollsOf("locked")).hasSize(2);
    }

    @Test
    void aDeletedPipelineIsDroppedAndTheListReadAgain() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10)).withIdlePipelines(2);
        account.runFor(Duration.ofSeconds(1));
        account.delete("idle-0001");
        account.plan.refreshRequested("idle-0001", account.now());
        int listings = (int) account.requests.stream().filter(r -> r.operation().equals("ListPipelines")).count();

        account.runFor(Duration.ofSeconds(1));

        assertThat(account.reported).containsExactly("idle-0001");
        assertThat(account.requests.stream().filter(r -> r.operation().equals("ListPipelines")).count())
                .isEqualTo(listings + 1L);
        assertThat(account.plan.attentionOf("idle-0001")).isEmpty();
    }

    @Test
    void anEditedPipelineIsAskedAgainAsSoonAsTheListingShowsItsNewVersion() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10)).withIdlePipelines(2);
        account.runFor(Duration.ofSeconds(20));
        account.change(PipelineStates.idleWithVersion("idle-0000", 2));

        account.plan.refreshAllRequested(account.now());
        account.runFor(Duration.ofSeconds(1));

        assertThat(account.requests.stream().filter(r -> r.operation().equals("GetPipeline")).map(r -> r.pipelineName()))
                .containsExactly("idle-0000", "idle-0001", "idle-0000");
    }

    @Test
    void waitsForTheNextDuePipelineWhenNothingIsDue() {
        ScriptedAccount account = new ScriptedAccount(ScriptedAccount.settings(10)).withIdlePipelines(1);
        account.runFor(Duration.ofSeconds(1));
        Instant due = account.plan.dueOf("idle-0000").orElseThrow();

        assertThat(account.plan.next(account.now())).isEqualTo(new PollDecision.WaitUntil(due));
    }

    @Test
    void neverHasMoreCallsOutThanAllowedNorTheSamePipelineTwice() {
        PollPlan plan = new PollPlan(ScriptedAccount.settings(1000).withMaxInFlight(2), new java.util.Random(1),
                ScriptedAccount.START);
        Instant now = ScriptedAccount.START;
        assertThat(plan.next(now)).isInstanceOf(PollDecision.ListPipelines.class);
        plan.listed(List.of(new dev.tollgate.pipeline.PipelineSummary("a", 1, now),
                new dev.tollgate.pipeline.PipelineSummary("b", 1, now),
                new dev.tollgate.pipeline.PipelineSummary("c", 1, now)), now);
        now = now.plusSeconds(1);

        PollDecision first = plan.next(now);
        plan.refreshRequested("a", now);
        PollDecision second = plan.next(now.plusSeconds(1));
        PollDecision third = plan.next(now.plusSeconds(2));

        assertThat(first).isEqualTo(new PollDecision.Poll("a", false));
        // "a" is still out, so the refresh waits for its answer; "b" goes instead.
        assertThat(second).isEqualTo(new PollDecision.Poll("b", false));
        assertThat(third).isInstanceOf(PollDecision.WaitUntil.class);
        plan.pollFailed("a", new GatewayException(Problem.SERVICE_ERROR, "blip"), now.plusSeconds(3));
        assertThat(plan.next(now.plusSeconds(3))).isEqualTo(new PollDecision.Poll("a", true));
    }
}
