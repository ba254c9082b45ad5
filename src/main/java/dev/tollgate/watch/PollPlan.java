package dev.tollgate.watch;

import dev.tollgate.pipeline.Action;
import dev.tollgate.pipeline.GatewayException;
import dev.tollgate.pipeline.PipelineSnapshot;
import dev.tollgate.pipeline.PipelineSummary;
import dev.tollgate.pipeline.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Decides which pipeline to ask about when, within the request budget. Pure bookkeeping: it is told the time
 * and what came back, and answers with the next {@link PollDecision}; it never sleeps, starts threads or calls
 * AWS, so every decision can be tested with a fake clock. Not thread-safe: {@link PipelineWatcher} serialises
 * access.
 *
 * <p>Order of service when several things are due: user refreshes (queue order), pipelines an event says
 * changed (push mode, queue order), the listing, the pipeline on screen, pipelines running towards an
 * approval, pipelines next in line for one, pipelines running towards one they cannot reach yet, pipelines
 * never asked yet, then all others by due time. Each {@link Attention} has its own interval; the intervals of
 * the three kinds that lead to an approval stretch alike when together they would take more than half the rate.
 * A pipeline whose approval cannot appear before a known moment ({@link ActionDurations}) is asked at that
 * moment at the latest. With many pipelines the budget cannot keep every interval: the others then fall behind
 * together and take turns, longest overdue first.
 */
final class PollPlan {

    /**
     * Pipelines running towards an approval or next in line for one may use at most this share of the rate
     * together; beyond it their intervals stretch alike, so that new executions elsewhere are still noticed
     * when many run at once.
     */
    static final double BEFORE_APPROVAL_SHARE = 0.5;
    /** ListPipelines answers at most this many pipelines a page. */
    static final int LISTING_PAGE_SIZE = 100;
    private static final Duration TRANSIT_RETRY = Duration.ofSeconds(5);
    private static final Duration LISTING_RETRY_CAP = Duration.ofMinutes(1);
    /**
     * While events arrive, idle and recently active pipelines are asked this many times less often: every
     * execution that starts there is announced, so polling them only guards against a lost event, and the calls
     * saved are left to other tools sharing the account's quota. Never so rarely that their data turns stale.
     */
    static final int PUSH_IDLE_STRETCH = 4;
    /** An event naming a pipeline not listed yet makes the plan list again, at most this often. */
    static final Duration UNKNOWN_PIPELINE_RELIST_HOLD = Duration.ofSeconds(30);

    private final WatchSettings settings;
    private final RandomGenerator random;
    private final RequestBudget budget;
    private final ActionDurations durations = new ActionDurations();
    /** Some pipeline's last call failed on the way; the first answer after that brings the others forward. */
    private boolean anyFailedInTransit;
    private final Instant startedAt;
    private final Map<String, WatchedPipeline> pipelines = new LinkedHashMap<>();
    private final Set<String> userQueue = new LinkedHashSet<>();
    private final Set<String> pushQueue = new LinkedHashSet<>();
    private boolean listening;
    private Instant relistedForUnknownAt = Instant.MIN;
    private final Set<String> pollsInFlight = new HashSet<>();
    /** Calls out for a user refresh or an event, by queue: a throttled one goes back to the front of its queue. */
    private final Set<String> userPollsInFlight = new HashSet<>();
    private final Set<String> pushPollsInFlight = new HashSet<>();
    private boolean listingInFlight;
    private int listingRequests;
    private Instant listingDue;
    private boolean listedOnce;
    private int listingFailures;
    private String focused;

    /** What the plan remembers of one pipeline. */
    private static final class WatchedPipeline {
        final String name;
        Attention attention = Attention.UNKNOWN;
        Instant due;
        Instant freshSince;
        Instant lastChange;
        PipelineSnapshot last;
        /** For {@link Attention#BEFORE_APPROVAL_LATER}: the earliest its approval can appear. */
        Instant approvalNotBefore;
        int listedVersion;
        int requestsInFlight;
        boolean reportedStale;
        /** Its last call failed on the way (network, 5xx): the row shows a problem until it is asked again. */
        boolean failedInTransit;

        WatchedPipeline(String name, int listedVersion, Instant now) {
            this.name = name;
            this.listedVersion = listedVersion;
            this.due = now;
            // Staleness of a pipeline never asked yet counts from when it was first listed.
            this.freshSince = now;
        }
    }

    PollPlan(WatchSettings settings, RandomGenerator random, Instant now) {
        this.settings = settings;
        this.random = random;
        this.budget = new RequestBudget(settings, now);
        this.startedAt = now;
        this.listingDue = now;
    }

    // ------------------------------------------------------------------ what to do next

    PollDecision next(Instant now) {
        if (inFlight() >= settings.maxInFlight()) {
            // The watcher asks again when an answer arrives; this is only a fallback.
            return new PollDecision.WaitUntil(now.plusSeconds(1));
        }
        PollDecision queued = fromQueue(userQueue, userPollsInFlight, true, now);
        if (queued == null) {
            queued = fromQueue(pushQueue, pushPollsInFlight, false, now);
        }
        if (queued != null) {
            return queued;
        }
        if (!listingInFlight && !now.isBefore(listingDue)) {
            int requests = listingPages(pipelines.size());
            if (!budget.canCall(now, requests)) {
                return new PollDecision.WaitUntil(budget.earliestFor(requests, now));
            }
            listingInFlight = true;
            listingRequests = requests;
            budget.spend(now, requests);
            return new PollDecision.ListPipelines();
        }
        WatchedPipeline best = null;
        Instant earliest = listingInFlight ? null : listingDue;
        for (WatchedPipeline pipeline : pipelines.values()) {
            if (pollsInFlight.contains(pipeline.name)) {
                continue;
            }
            if (pipeline.due.isAfter(now)) {
                earliest = earliest == null || pipeline.due.isBefore(earliest) ? pipeline.due : earliest;
            } else if (best == null || comesBefore(pipeline, best)) {
                best = pipeline;
            }
        }
        if (best == null) {
            return new PollDecision.WaitUntil(earliest == null ? now.plusSeconds(1) : earliest);
        }
        int requests = requestsFor(best);
        if (!budget.canCall(now, requests)) {
            return new PollDecision.WaitUntil(budget.earliestFor(requests, now));
        }
        startPoll(best, requests, now);
        return new PollDecision.Poll(best.name, false);
    }

    /**
     * The first pipeline of a queue (user refreshes, or pipelines events named) that has no call out, once the
     * budget allows; null when every one has a call out or the queue is empty. A call out for a pipeline may have
     * left before the change: it is asked again once that call is back.
     */
    private PollDecision fromQueue(Set<String> queue, Set<String> takenFrom, boolean userRequested, Instant now) {
        for (String name : queue) {
            if (!pollsInFlight.contains(name)) {
                WatchedPipeline pipeline = pipelines.get(name);
                int requests = requestsFor(pipeline);
                if (!budget.canCall(now, requests)) {
                    return new PollDecision.WaitUntil(budget.earliestFor(requests, now));
                }
                queue.remove(name);
                takenFrom.add(name);
                startPoll(pipeline, requests, now);
                return new PollDecision.Poll(name, userRequested);
            }
        }
        return null;
    }

    /**
     * GetPipelineState, plus GetPipeline when the gateway has not seen this version of the declaration yet
     * (it caches declarations by version).
     */
    private static int requestsFor(WatchedPipeline pipeline) {
        return pipeline.last == null || pipeline.last.version() != pipeline.listedVersion ? 2 : 1;
    }

    private static int listingPages(int pipelineCount) {
        return Math.max(1, (pipelineCount + LISTING_PAGE_SIZE - 1) / LISTING_PAGE_SIZE);
    }

    private boolean comesBefore(WatchedPipeline a, WatchedPipeline b) {
        boolean aFocused = a.name.equals(focused);
        boolean bFocused = b.name.equals(focused);
        if (aFocused != bFocused) {
            return aFocused;
        }
        if (a.attention.urgent() || b.attention.urgent()) {
            if (a.attention != b.attention) {
                return a.attention.ordinal() < b.attention.ordinal();
            }
        }
        return a.due.isBefore(b.due);
    }

    private void startPoll(WatchedPipeline pipeline, int requests, Instant now) {
        pollsInFlight.add(pipeline.name);
        pipeline.requestsInFlight = requests;
        budget.spend(now, requests);
    }

    // ------------------------------------------------------------------ what came back

    void listed(List<PipelineSummary> listing, Instant now) {
        listingInFlight = false;
        listedOnce = true;
        listingFailures = 0;
        listingDue = now.plus(settings.relistEvery());
        budget.answered(now);
        budget.charge(now, listingPages(listing.size()) - listingRequests);
        Set<String> listed = new HashSet<>();
        for (PipelineSummary summary : listing) {
            listed.add(summary.name());
            WatchedPipeline known = pipelines.get(summary.name());
            if (known == null) {
                pipelines.put(summary.name(), new WatchedPipeline(summary.name(), summary.version(), now));
            } else if (known.listedVersion != summary.version()) {
                // Somebody edited the pipeline: its stages may differ, look now.
                known.listedVersion = summary.version();
                known.due = now;
            }
        }
        pipelines.keySet().removeIf(name -> {
            boolean gone = !listed.contains(name) && !userQueue.contains(name);
            if (gone) {
                durations.forget(name);
            }
            return gone;
        });
        pushQueue.retainAll(pipelines.keySet());
    }

    /** @return whether the failure is worth showing */
    boolean listingFailed(GatewayException error, Instant now) {
        listingInFlight = false;
        listingFailures++;
        if (error.problem() == GatewayException.Problem.THROTTLED) {
            budget.throttled(now);
        }
        Duration retry = Duration.ofSeconds(1L << Math.min(listingFailures, 6));
        listingDue = now.plus(retry.compareTo(LISTING_RETRY_CAP) > 0 ? LISTING_RETRY_CAP : retry);
        if (error.problem() != GatewayException.Problem.THROTTLED) {
            // Lost network, a 5xx past the SDK's retries, denied or expired credentials: the approver must know.
            return true;
        }
        // Throttling is not an error: it shows only when nothing could be listed within the staleness threshold.
        return !listedOnce && now.isAfter(startedAt.plus(settings.staleAfter()));
    }

    void snapshotTaken(PipelineSnapshot snapshot, Instant now) {
        pollsInFlight.remove(snapshot.name());
        userPollsInFlight.remove(snapshot.name());
        pushPollsInFlight.remove(snapshot.name());
        WatchedPipeline pipeline = pipelines.get(snapshot.name());
        budget.answered(now);
        if (pipeline == null) {
            // Deleted while the call was out; the next listing confirms it.
            return;
        }
        boolean declarationFetched = pipeline.last == null || pipeline.last.version() != snapshot.version();
        if (declarationFetched && pipeline.requestsInFlight < 2) {
            // The version changed after the last listing: the gateway fetched the declaration unforeseen.
            budget.charge(now, 1);
        }
        if (pipeline.last != null && !activity(pipeline.last).equals(activity(snapshot))) {
            pipeline.lastChange = now;
        }
        if (pipeline.last != null) {
            durations.learn(pipeline.last, snapshot);
        }
        pipeline.last = snapshot;
        pipeline.listedVersion = snapshot.version();
        pipeline.freshSince = now;
        pipeline.reportedStale = false;
        pipeline.failedInTransit = false;
        pipeline.attention = Attention.of(snapshot, pipeline.lastChange, now, settings.recentWindow());
        pipeline.approvalNotBefore = null;
        if (pipeline.attention == Attention.BEFORE_APPROVAL) {
            Optional<Instant> notBefore = Attention.approvalNotBefore(snapshot, durations);
            if (notBefore.isPresent() && notBefore.get().isAfter(now.plus(settings.beforeApprovalEvery()))) {
                pipeline.attention = Attention.BEFORE_APPROVAL_LATER;
                pipeline.approvalNotBefore = notBefore.get();
            }
        }
        pipeline.due = now.plus(interval(pipeline, now));
        if (anyFailedInTransit) {
            // AWS answers again: the rows still marked by the outage are asked next, not at their usual interval.
            anyFailedInTransit = false;
            for (WatchedPipeline other : pipelines.values()) {
                if (other.failedInTransit && other.due.isAfter(now)) {
                    other.due = now;
                }
            }
        }
    }

    /** @return whether the failure is worth showing now */
    boolean pollFailed(String pipelineName, GatewayException error, Instant now) {
        pollsInFlight.remove(pipelineName);
        boolean forUser = userPollsInFlight.remove(pipelineName);
        boolean forEvent = pushPollsInFlight.remove(pipelineName);
        WatchedPipeline pipeline = pipelines.get(pipelineName);
        switch (error.problem()) {
            case THROTTLED -> {
                // Not an error: slow down and ask again when the budget allows, before anything less urgent.
                // What the approver or an event asked for is still owed: back to the front of its queue.
                budget.throttled(now);
                if (pipeline != null && forUser) {
                    requeueFirst(userQueue, pipelineName);
                } else if (pipeline != null && forEvent) {
                    requeueFirst(pushQueue, pipelineName);
                }
                return false;
            }
            case NOT_FOUND -> {
                pipelines.remove(pipelineName);
                durations.forget(pipelineName);
                userQueue.remove(pipelineName);
                pushQueue.remove(pipelineName);
                listingDue = now;
                return true;
            }
            default -> {
                if (pipeline != null && (error.problem() == GatewayException.Problem.UNREACHABLE
                        || error.problem() == GatewayException.Problem.SERVICE_ERROR)) {
                    pipeline.failedInTransit = true;
                    anyFailedInTransit = true;
                }
                if (pipeline != null) {
                    Duration interval = interval(pipeline, now);
                    // A refused call is refused again right away: wait at least as long as for an idle pipeline.
                    pipeline.due = now.plus(error.isTransient() || interval.compareTo(settings.idleEvery()) > 0
                            ? interval : settings.idleEvery());
                    if (pipeline.failedInTransit && interval.compareTo(TRANSIT_RETRY) > 0) {
                        // The network or AWS may be back any moment: look again soon, so the outage ends on
                        // screen within seconds of its end; the budget still bounds the rate.
                        pipeline.due = now.plus(TRANSIT_RETRY);
                    }
                }
                // Only throttling is passing trouble worth hiding; anything else reads as a problem on the row
                // until the next snapshot clears it.
                return true;
            }
        }
    }

    private static void requeueFirst(Set<String> queue, String name) {
        List<String> after = new ArrayList<>(queue);
        queue.clear();
        queue.add(name);
        queue.addAll(after);
    }

    // ------------------------------------------------------------------ what the user does

    /** The pipeline on screen is asked first and often; null when none is. */
    void focus(String pipelineName, Instant now) {
        focused = pipelineName;
        WatchedPipeline pipeline = pipelineName == null ? null : pipelines.get(pipelineName);
        if (pipeline != null && pipeline.due.isAfter(now)) {
            pipeline.due = now;
        }
    }

    /** Asks for the pipeline ahead of everything else, once the budget allows. */
    void refreshRequested(String pipelineName, Instant now) {
        pipelines.computeIfAbsent(pipelineName, name -> new WatchedPipeline(name, 0, now));
        userQueue.add(pipelineName);
    }

    /**
     * Push mode: these pipelines changed. Known ones are asked next, once each however often named; an unknown
     * name (a pipeline created since the last listing, or one of another account) makes the plan list again.
     */
    void changed(Iterable<String> pipelineNames, Instant now) {
        for (String name : pipelineNames) {
            if (pipelines.containsKey(name)) {
                pushQueue.add(name);
            } else if (listedOnce && !now.isBefore(relistedForUnknownAt.plus(UNKNOWN_PIPELINE_RELIST_HOLD))) {
                relistedForUnknownAt = now;
                if (listingDue.isAfter(now)) {
                    listingDue = now;
                }
            }
        }
    }

    /** Whether push mode's events arrive; idle pipelines are asked less often while they do. */
    void listening(boolean eventsArrive) {
        listening = eventsArrive;
    }

    /** The Refresh button: the listing and the pipeline on screen at once, then every pipeline in turn. */
    void refreshAllRequested(Instant now) {
        listingDue = now;
        pipelines.values().forEach(pipeline -> pipeline.due = now);
        if (focused != null && pipelines.containsKey(focused)) {
            userQueue.add(focused);
        }
    }

    /** Pipelines whose data went stale since the last call; each is reported once until it is fresh again. */
    List<StalePipeline> newlyStale(Instant now) {
        List<StalePipeline> stale = new ArrayList<>();
        Instant threshold = now.minus(staleAfter());
        for (WatchedPipeline pipeline : pipelines.values()) {
            if (!pipeline.reportedStale && pipeline.freshSince.isBefore(threshold)) {
                pipeline.reportedStale = true;
                stale.add(new StalePipeline(pipeline.name, pipeline.freshSince));
            }
        }
        return stale;
    }

    /** Data older than this is reported stale: {@link WatchSettings#staleAfter(int)} at the current budget. */
    Duration staleAfter() {
        return WatchSettings.staleAfter(settings.staleAfter(), pipelines.size(), budget.ceiling());
    }

    // ------------------------------------------------------------------ reading

    void changeBudget(double callsPerSecond, Instant now) {
        if (!(callsPerSecond > 0) || Double.isInfinite(callsPerSecond)) {
            throw new IllegalArgumentException("callsPerSecond must be positive, was " + callsPerSecond);
        }
        budget.changeCeiling(callsPerSecond, now);
    }

    double callsPerSecond() {
        return budget.rate();
    }

    int inFlight() {
        return pollsInFlight.size() + (listingInFlight ? 1 : 0);
    }

    Optional<Attention> attentionOf(String pipelineName) {
        return Optional.ofNullable(pipelines.get(pipelineName)).map(pipeline -> pipeline.attention);
    }

    Optional<Instant> dueOf(String pipelineName) {
        return Optional.ofNullable(pipelines.get(pipelineName)).map(pipeline -> pipeline.due);
    }

    // ------------------------------------------------------------------ intervals

    /**
     * The nominal interval of the pipeline's kind, stretched for pipelines running towards an approval when
     * together they would take more than their share of the current rate; shorter for the pipeline on screen;
     * with jitter so that pipelines seen together do not stay in step; never past the moment an approval can
     * appear.
     */
    private Duration interval(WatchedPipeline pipeline, Instant now) {
        Attention attention = pipeline.attention;
        Duration interval = settings.nominalInterval(attention);
        if (approaching(attention)) {
            double wanted = pipelines.values().stream().filter(p -> approaching(p.attention))
                    .mapToDouble(p -> 1e9 / settings.nominalInterval(p.attention).toNanos()).sum();
            double allowed = BEFORE_APPROVAL_SHARE * budget.rate();
            if (wanted > allowed) {
                interval = Duration.ofNanos(Math.round(interval.toNanos() * wanted / allowed));
            }
        }
        if (listening && (attention == Attention.IDLE || attention == Attention.RECENTLY_ACTIVE)) {
            Duration stretched = interval.multipliedBy(PUSH_IDLE_STRETCH);
            Duration freshEnough = staleAfter().dividedBy(2);
            interval = stretched.compareTo(freshEnough) <= 0 ? stretched
                    : interval.compareTo(freshEnough) < 0 ? freshEnough : interval;
        }
        if (pipeline.name.equals(focused) && settings.focusedEvery().compareTo(interval) < 0) {
            interval = settings.focusedEvery();
        }
        double stretch = 1 + settings.jitter() * (2 * random.nextDouble() - 1);
        Duration jittered = Duration.ofNanos(Math.round(interval.toNanos() * stretch));
        if (attention == Attention.BEFORE_APPROVAL_LATER && pipeline.approvalNotBefore != null) {
            Duration untilPossible = Duration.between(now, pipeline.approvalNotBefore);
            if (untilPossible.compareTo(settings.beforeApprovalEvery()) < 0) {
                // Past the moment (a failed call): as often as any pipeline running towards an approval.
                untilPossible = settings.beforeApprovalEvery();
            }
            return untilPossible.compareTo(jittered) < 0 ? untilPossible : jittered;
        }
        return jittered;
    }

    /**
     * An approval is about to appear there: when an execution gets to it, or when somebody decides; or it will
     * later, and the pipeline is asked now and then until it can.
     */
    private static boolean approaching(Attention attention) {
        return attention == Attention.BEFORE_APPROVAL || attention == Attention.NEXT_IN_LINE
                || attention == Attention.BEFORE_APPROVAL_LATER;
    }

    /** What a pipeline is doing, without timestamps: a change here means it is active. */
    private static List<Object> activity(PipelineSnapshot snapshot) {
        List<Object> activity = new ArrayList<>();
        for (Stage stage : snapshot.stages()) {
            activity.add(stage.latest());
            activity.add(stage.heldExecutionId());
            activity.add(stage.inbound().enabled());
            for (Action action : stage.actions()) {
                activity.add(action.latest().map(run -> run.actionExecutionId() + "/" + run.status().kind()));
            }
        }
        return activity;
    }
}
