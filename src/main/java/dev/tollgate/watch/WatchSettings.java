package dev.tollgate.watch;

import java.time.Duration;
import java.util.Objects;

/**
 * How the watcher spends a connection's request budget. Start from {@link #defaults()} and adjust with the
 * {@code with...} methods.
 *
 * @param callsPerSecond        the budget: the most CodePipeline calls per second the watcher ever makes, user
 *                              refreshes included; its own rate stays at or below it
 * @param minCallsPerSecond     the floor the rate never drops below when AWS throttles
 * @param increasePerSecond     additive increase: calls/s regained per second without throttling
 * @param decreaseFactor        multiplicative decrease: the rate is multiplied by this on a throttled call
 * @param beforeApprovalEvery   how often a pipeline is asked whose execution runs towards an approval
 * @param nextInLineEvery       how often a pipeline is asked whose execution waits behind an approval that
 *                              waits for a decision: whoever decides, wherever, lets it in
 * @param focusedEvery          how often the pipeline on screen is asked
 * @param runningEvery          how often a pipeline is asked whose execution runs past its approvals, or runs
 *                              towards one it cannot reach yet
 * @param awaitingDecisionEvery how often a pipeline is asked whose approval waits for a decision
 * @param recentlyActiveEvery   how often a pipeline is asked that changed within {@code recentWindow}
 * @param idleEvery             the shortest interval for an idle pipeline; with many pipelines the budget left
 *                              over after the others decides, and idle pipelines take turns
 * @param recentWindow          how long a pipeline counts as recently active after it changed
 * @param relistEvery           how often the list of pipelines is read again
 * @param staleAfter            data older than this is reported stale, per pipeline (longer in a large account:
 *                              {@link #staleAfter(int)})
 * @param jitter                each interval is stretched or shrunk by up to this share, at random
 * @param maxInFlight           how many calls may wait for an answer at once
 */
public record WatchSettings(
        double callsPerSecond,
        double minCallsPerSecond,
        double increasePerSecond,
        double decreaseFactor,
        Duration beforeApprovalEvery,
        Duration nextInLineEvery,
        Duration focusedEvery,
        Duration runningEvery,
        Duration awaitingDecisionEvery,
        Duration recentlyActiveEvery,
        Duration idleEvery,
        Duration recentWindow,
        Duration relistEvery,
        Duration staleAfter,
        double jitter,
        int maxInFlight) {

    public WatchSettings {
        if (!(callsPerSecond > 0) || Double.isInfinite(callsPerSecond)) {
            throw new IllegalArgumentException("callsPerSecond must be positive, was " + callsPerSecond);
        }
        if (!(minCallsPerSecond > 0) || minCallsPerSecond > callsPerSecond) {
            throw new IllegalArgumentException("minCallsPerSecond must be in (0, callsPerSecond], was " + minCallsPerSecond);
        }
        if (!(increasePerSecond >= 0)) {
            throw new IllegalArgumentException("increasePerSecond must not be negative, was " + increasePerSecond);
        }
        if (!(decreaseFactor > 0 && decreaseFactor < 1)) {
            throw new IllegalArgumentException("decreaseFactor must be in (0, 1), was " + decreaseFactor);
        }
        requirePositive("beforeApprovalEvery", beforeApprovalEvery);
        requirePositive("nextInLineEvery", nextInLineEvery);
        requirePositive("focusedEvery", focusedEvery);
        requirePositive("runningEvery", runningEvery);
        requirePositive("awaitingDecisionEvery", awaitingDecisionEvery);
        requirePositive("recentlyActiveEvery", recentlyActiveEvery);
        requirePositive("idleEvery", idleEvery);
        requirePositive("recentWindow", recentWindow);
        requirePositive("relistEvery", relistEvery);
        requirePositive("staleAfter", staleAfter);
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
    }

    /**
     * Five calls per second: well under CodePipeline's default per-account quotas, so that CI jobs, the console
     * and the CLI of the same account keep their share.
     */
    public static WatchSettings defaults() {
        return new WatchSettings(5, 0.5, 0.5, 0.5,
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10),
                Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(15),
                Duration.ofMinutes(5), Duration.ofMinutes(5), 0.2, 4);
    }

    /** How often the desktop app asks an idle pipeline when the budget allows (TollgateApp's poll interval). */
    public static final Duration DESKTOP_IDLE_EVERY = Duration.ofSeconds(3);

    /**
     * The app's settings: {@link #defaults()} with idle pipelines asked as often as every {@code idleEvery}
     * when the budget allows. With many pipelines the budget stretches the rounds well past that interval, so
     * a row turns stale only past the default threshold, or ten idle intervals when those are longer.
     * The benchmark runs these too, so that its figures are the app's.
     */
    public static WatchSettings desktop(Duration idleEvery) {
        WatchSettings settings = defaults().withIdleEvery(idleEvery);
        Duration tenRounds = idleEvery.multipliedBy(10);
        return settings.withStaleAfter(tenRounds.compareTo(settings.staleAfter()) > 0 ? tenRounds : settings.staleAfter());
    }

    /** Data is stale past this many rounds of every pipeline at the full budget, in a large account. */
    public static final int STALE_ROUNDS = 4;

    /**
     * Data older than this is stale in an account of {@code pipelines} pipelines: {@link #staleAfter()}, or
     * {@value #STALE_ROUNDS} rounds of every pipeline at the full budget when the account is that large. There,
     * idle pipelines are asked once a round by design, which is no news; only a watcher kept from its budget
     * (throttling, an outage) lets data grow that old.
     */
    public Duration staleAfter(int pipelines) {
        return staleAfter(staleAfter, pipelines, callsPerSecond);
    }

    static Duration staleAfter(Duration threshold, int pipelines, double callsPerSecond) {
        Duration rounds = Duration.ofMillis(Math.round(STALE_ROUNDS * 1000.0 * pipelines / callsPerSecond));
        return rounds.compareTo(threshold) > 0 ? rounds : threshold;
    }

    /** The same settings with another budget; the floor follows when it would exceed the budget. */
    public WatchSettings withCallsPerSecond(double budget) {
        return new WatchSettings(budget, Math.min(minCallsPerSecond, budget), increasePerSecond, decreaseFactor,
                beforeApprovalEvery, nextInLineEvery, focusedEvery, runningEvery, awaitingDecisionEvery, recentlyActiveEvery, idleEvery,
                recentWindow, relistEvery, staleAfter, jitter, maxInFlight);
    }

    public WatchSettings withIdleEvery(Duration interval) {
        return new WatchSettings(callsPerSecond, minCallsPerSecond, increasePerSecond, decreaseFactor,
                beforeApprovalEvery, nextInLineEvery, focusedEvery, runningEvery, awaitingDecisionEvery, recentlyActiveEvery, interval,
                recentWindow, relistEvery, staleAfter, jitter, maxInFlight);
    }

    public WatchSettings withStaleAfter(Duration threshold) {
        return new WatchSettings(callsPerSecond, minCallsPerSecond, increasePerSecond, decreaseFactor,
                beforeApprovalEvery, nextInLineEvery, focusedEvery, runningEvery, awaitingDecisionEvery, recentlyActiveEvery, idleEvery,
                recentWindow, relistEvery, threshold, jitter, maxInFlight);
    }

    public WatchSettings withJitter(double share) {
        return new WatchSettings(callsPerSecond, minCallsPerSecond, increasePerSecond, decreaseFactor,
                beforeApprovalEvery, nextInLineEvery, focusedEvery, runningEvery, awaitingDecisionEvery, recentlyActiveEvery, idleEvery,
                recentWindow, relistEvery, staleAfter, share, maxInFlight);
    }

    public WatchSettings withMaxInFlight(int calls) {
        return new WatchSettings(callsPerSecond, minCallsPerSecond, increasePerSecond, decreaseFactor,
                beforeApprovalEvery, nextInLineEvery, focusedEvery, runningEvery, awaitingDecisionEvery, recentlyActiveEvery, idleEvery,
                recentWindow, relistEvery, staleAfter, jitter, calls);
    }

    /** The nominal interval for pipelines that get this attention; null for idle and unknown ones. */
    Duration nominalInterval(Attention attention) {
        return switch (attention) {
            case BEFORE_APPROVAL -> beforeApprovalEvery;
            case NEXT_IN_LINE -> nextInLineEvery;
            case RUNNING, BEFORE_APPROVAL_LATER -> runningEvery;
            case AWAITING_DECISION -> awaitingDecisionEvery;
            case RECENTLY_ACTIVE -> recentlyActiveEvery;
            case IDLE, UNKNOWN -> idleEvery;
        };
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
