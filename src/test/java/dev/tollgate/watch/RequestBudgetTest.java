package dev.tollgate.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private final RequestBudget budget = new RequestBudget(WatchSettings.defaults().withCallsPerSecond(10), T0);

    @Test
    void spacesCallsEvenlyAtTheRate() {
        budget.spend(T0, 1);

        assertThat(budget.canCall(T0.plusMillis(99), 1)).isFalse();
        assertThat(budget.canCall(T0.plusMillis(100), 1)).isTrue();
    }

    @Test
    void everyRequestOfACallCountsAgainstTheSecond() {
        for (int call = 0; call < 4; call++) {
            budget.spend(T0.plusMillis(100L * call), 2);
        }

        // 8 requests went out in this second; 3 more would make 11.
        assertThat(budget.canCall(T0.plusMillis(400), 2)).isTrue();
        assertThat(budget.canCall(T0.plusMillis(400), 3)).isFalse();
        assertThat(budget.earliestFor(3, T0.plusMillis(400))).isEqualTo(T0.plusMillis(1050));
    }

    @Test
    void unforeseenRequestsCountToo() {
        budget.spend(T0, 1);
        budget.charge(T0, 9);

        assertThat(budget.canCall(T0.plusMillis(1049), 1)).isFalse();
        assertThat(budget.canCall(T0.plusMillis(1050), 1)).isTrue();
    }

    @Test
    void aCallLargerThanTheRateWaitsForAnEmptySecond() {
        budget.spend(T0, 1);

        assertThat(budget.earliestFor(12, T0.plusMillis(100))).isEqualTo(T0.plusMillis(1050));
    }

    @Test
    void throttlingHalvesTheRateOncePerSecondOfAnswers() {
        budget.throttled(T0);
        budget.throttled(T0.plusMillis(500));

        assertThat(budget.rate()).isEqualTo(5.0);

        budget.throttled(T0.plusMillis(1000));
        assertThat(budget.rate()).isEqualTo(2.5);
    }

    @Test
    void theRateGrowsBackAdditivelyButNeverPastTheBudget() {
        budget.throttled(T0);

        budget.answered(T0.plusSeconds(4));
        assertThat(budget.rate()).isCloseTo(7.0, within(1e-9));

        budget.answered(T0.plusSeconds(60));
        assertThat(budget.rate()).isEqualTo(10.0);
    }

    @Test
    void theRateNeverFallsBelowTheFloor() {
        for (int second = 0; second < 20; second++) {
            budget.throttled(T0.plusSeconds(second));
        }

        assertThat(budget.rate()).isEqualTo(WatchSettings.defaults().minCallsPerSecond());
    }

    @Test
    void afterThrottlingTheNextCallWaitsAtTheNewRate() {
        budget.throttled(T0);

        assertThat(budget.canCall(T0.plusMillis(199), 1)).isFalse();
        assertThat(budget.canCall(T0.plusMillis(200), 1)).isTrue();
    }

    @Test
    void aLowerBudgetAppliesAtOnceAndAHigherOneIsClimbedTo() {
        budget.changeCeiling(2, T0);
        budget.spend(T0, 1);

        assertThat(budget.rate()).isEqualTo(2, within(1e-9));
        assertThat(budget.canCall(T0.plusMillis(499), 1)).isFalse();
        assertThat(budget.canCall(T0.plusMillis(500), 1)).isTrue();

        budget.changeCeiling(20, T0.plusSeconds(1));
        assertThat(budget.rate()).isEqualTo(2, within(1e-9));
        budget.answered(T0.plusSeconds(5));
        assertThat(budget.rate()).isEqualTo(4, within(1e-9));
        budget.answered(T0.plusSeconds(60));
        assertThat(budget.rate()).isEqualTo(20, within(1e-9));
    }
}
