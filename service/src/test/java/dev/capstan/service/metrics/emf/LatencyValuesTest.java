package dev.capstan.service.metrics.emf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyValuesTest {
    static final double[] BOUNDS = {1, 2, 4, Double.POSITIVE_INFINITY};

    @Test
    void noRequestsGiveNoValues() {
        assertThat(LatencyValues.of(BOUNDS, new long[] {0, 0, 0, 0}, 100)).isEmpty();
    }

    @Test
    void upToTheLimitThereIsOneValuePerRequest() {
        assertThat(LatencyValues.of(BOUNDS, new long[] {3, 0, 2, 0}, 100)).hasSize(5);
        assertThat(LatencyValues.of(BOUNDS, new long[] {30_000, 0, 2, 7}, 100)).hasSize(100);
    }

    @Test
    void valuesAreSpreadEvenlyInsideTheirBucketAsHistogramQuantileDoes() {
        // Four requests between 2 and 4: the quantiles 1/8, 3/8, 5/8, 7/8 of that bucket.
        assertThat(LatencyValues.of(BOUNDS, new long[] {0, 0, 4, 0}, 100))
                .containsExactly(new double[] {2.25, 2.75, 3.25, 3.75}, within(1e-9));
        // The first bucket starts at 0.
        assertThat(LatencyValues.of(BOUNDS, new long[] {2, 0, 0, 0}, 100))
                .containsExactly(new double[] {0.25, 0.75}, within(1e-9));
    }

    @Test
    void theShareOfEachBucketIsKept() {
        final double[] values = LatencyValues.of(BOUNDS, new long[] {500, 300, 150, 50}, 100);

        assertThat(values).hasSize(100).isSorted();
        // Inside a bucket, values stay below its bound; those above the highest bound are given it.
        assertThat(count(values, value -> value > 0 && value < 1)).isEqualTo(50);
        assertThat(count(values, value -> value > 1 && value < 2)).isEqualTo(30);
        assertThat(count(values, value -> value > 2 && value < 4)).isEqualTo(15);
        assertThat(count(values, value -> value == 4)).isEqualTo(5);
    }

    @Test
    void requestsAboveTheHighestBoundGetThatBound() {
        assertThat(LatencyValues.of(BOUNDS, new long[] {0, 0, 0, 3}, 100)).containsExactly(4, 4, 4);
    }

    private static long count(double[] values, java.util.function.DoublePredicate which) {
        return java.util.Arrays.stream(values).filter(which).count();
    }
}
