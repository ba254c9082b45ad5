package dev.tollgate.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PulseHistogramTest {

    private final PulseHistogram histogram = new PulseHistogram();

    @Test
    void anEmptyHistogramSaysZero() {
        assertThat(histogram.count()).isZero();
        assertThat(histogram.maxMillis()).isZero();
        assertThat(histogram.percentileMillis(0.99)).isZero();
    }

    @Test
    void percentilesAreNearestRankToHalfAMillisecondAndTheMaximumIsExact() {
        for (int i = 0; i < 98; i++) {
            histogram.add(16_700_000);
        }
        histogram.add(40_100_000);
        histogram.add(123_456_000);

        assertThat(histogram.count()).isEqualTo(100);
        assertThat(histogram.percentileMillis(0.5)).isCloseTo(17.0, within(1e-9));
        // The 99th of 100 values is the 40.1 ms one: its bucket's upper edge, 40.5 ms.
        assertThat(histogram.percentileMillis(0.99)).isCloseTo(40.5, within(1e-9));
        assertThat(histogram.percentileMillis(1.0)).isCloseTo(123.456, within(1e-9));
        assertThat(histogram.maxMillis()).isCloseTo(123.456, within(1e-9));
    }

    @Test
    void gapsBeyondTheLastBucketStillCountWithTheirExactMaximum() {
        histogram.add(16_000_000);
        histogram.add(9_000_000_000L);

        assertThat(histogram.percentileMillis(1.0)).isCloseTo(9000.0, within(1e-9));
        assertThat(histogram.maxMillis()).isCloseTo(9000.0, within(1e-9));
    }

    @Test
    void clearingStartsANewInterval() {
        histogram.add(30_000_000);
        histogram.clear();
        histogram.add(10_000_000);

        assertThat(histogram.count()).isEqualTo(1);
        assertThat(histogram.maxMillis()).isCloseTo(10.0, within(1e-9));
    }
}
