package dev.tollgate.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Paces calls at the current rate and adapts that rate to throttling: additive increase while AWS answers,
 * multiplicative decrease when it throttles (AIMD, as TCP does). Two rules together: call starts are spaced
 * evenly at {@code 1 / rate}, never in bursts; and no window of one second holds more requests than the rate,
 * counting every request a call makes (the pages of a listing, a declaration fetched with a state), because
 * AWS counts its quotas in requests over short windows. Not thread-safe; {@link PollPlan} owns it.
 */
final class RequestBudget {

    /** Throttling answers to calls already in flight tell nothing new: one decrease per this period. */
    static final Duration DECREASE_HOLD = Duration.ofSeconds(1);
    /**
     * AWS counts requests per second in windows that are not aligned with ours, and the network shifts arrivals
     * by milliseconds: counting over a slightly longer window keeps an extra request out of AWS's second.
     */
    private static final Duration WINDOW = Duration.ofMillis(1050);

    private double ceiling;
    private double floor;
    private final double increasePerSecond;
    private final double decreaseFactor;
    /** When the requests of the last second went out, oldest first. */
    private final Deque<Instant> recentRequests = new ArrayDeque<>();
    private double rate;
    /** The earliest instant the next call may start. */
    private Instant nextCallAt = Instant.MIN;
    private Instant lastAdjustment;
    private Instant lastDecrease = Instant.MIN;

    RequestBudget(WatchSettings settings, Instant now) {
        this.ceiling = settings.callsPerSecond();
        this.floor = settings.minCallsPerSecond();
        this.increasePerSecond = settings.increasePerSecond();
        this.decreaseFactor = settings.decreaseFactor();
        this.rate = ceiling;
        this.lastAdjustment = now;
    }

    /** Calls per second allowed now. */
    double rate() {
        return rate;
    }

    /** The budget: calls per second the rate returns to without throttling. */
    double ceiling() {
        return ceiling;
    }

    /**
     * The approver changed the budget. A lower one applies at once; a higher one is reached by the usual
     * additive increase, so that a budget raised during throttling does not hit AWS at full rate.
     */
    void changeCeiling(double callsPerSecond, Instant now) {
        answered(now);
        ceiling = callsPerSecond;
        floor = Math.min(floor, callsPerSecond);
        rate = Math.min(rate, ceiling);
    }

    /** Whether a call that makes {@code requests} requests in a row may start now. */
    boolean canCall(Instant now, int requests) {
        return !now.isBefore(earliestFor(requests, now));
    }

    /** When a call of {@code requests} requests may start, if nothing else is spent before. */
    Instant earliestFor(int requests, Instant now) {
        forgetBefore(now);
        int limit = Math.max(perWindow(), requests);
        int mustExpire = recentRequests.size() + requests - limit;
        Instant earliest = nextCallAt;
        if (mustExpire > 0) {
            Iterator<Instant> oldestFirst = recentRequests.iterator();
            Instant expiring = null;
            for (int i = 0; i < mustExpire; i++) {
                expiring = oldestFirst.next();
            }
            Instant windowFree = expiring.plus(WINDOW);
            earliest = windowFree.isAfter(earliest) ? windowFree : earliest;
        }
        return earliest;
    }

    /** Records a call of {@code requests} requests started at {@code now}. */
    void spend(Instant now, int requests) {
        for (int i = 0; i < requests; i++) {
            recentRequests.addLast(now);
        }
        nextCallAt = now.plus(spacing());
    }

    /** Records requests that went out unforeseen (a declaration that changed meanwhile, another page). */
    void charge(Instant now, int extraRequests) {
        for (int i = 0; i < extraRequests; i++) {
            recentRequests.addLast(now);
        }
    }

    void answered(Instant now) {
        double seconds = Math.max(0, Duration.between(lastAdjustment, now).toNanos() / 1e9);
        rate = Math.min(ceiling, rate + increasePerSecond * seconds);
        lastAdjustment = now;
    }

    void throttled(Instant now) {
        if (now.isBefore(lastDecrease.plus(DECREASE_HOLD))) {
            return;
        }
        rate = Math.max(floor, rate * decreaseFactor);
        lastDecrease = now;
        lastAdjustment = now;
        Instant earliest = now.plus(spacing());
        if (earliest.isAfter(nextCallAt)) {
            nextCallAt = earliest;
        }
    }

    /** Requests allowed in one window; at least one, so that a rate below 1/s still makes progress. */
    private int perWindow() {
        return Math.max(1, (int) Math.floor(rate + 1e-9));
    }

    /** A request at {@code t} counts in the windows (t - 1s, t]: it no longer counts from t + 1s on. */
    private void forgetBefore(Instant now) {
        Instant windowStart = now.minus(WINDOW);
        while (!recentRequests.isEmpty() && !recentRequests.peekFirst().isAfter(windowStart)) {
            recentRequests.removeFirst();
        }
    }

    private Duration spacing() {
        return Duration.ofNanos(Math.round(1e9 / rate));
    }
}
