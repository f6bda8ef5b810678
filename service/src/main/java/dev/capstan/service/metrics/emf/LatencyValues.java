package dev.capstan.service.metrics.emf;

/**
 * Up to 100 latency values (an EMF metric holds at most 100) that keep the shape of an interval's histogram: the
 * values at evenly spaced quantiles, each interpolated linearly inside its bucket as Prometheus's
 * {@code histogram_quantile} does. With {@code n} requests and {@code n <= 100} there is one value per request; above
 * that, each value stands for {@code n / 100} requests. A value is only as precise as its bucket is narrow: inside a
 * bucket the requests are taken as evenly spread, and those above the highest finite bound are given that bound.
 */
public final class LatencyValues {
    public static final int MAX_VALUES = 100;

    private LatencyValues() {
    }

    /**
     * @param upperBounds the buckets' upper bounds, ascending, the last one possibly infinite
     * @param counts      how many observations fell in each bucket (not cumulative)
     * @param max         at most this many values
     * @return the values, ascending, in the unit of the bounds; none when the buckets are empty
     */
    public static double[] of(double[] upperBounds, long[] counts, int max) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        final int size = (int) Math.min(total, max);
        final double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            // The middle of the i-th of `size` equal slices of the distribution: never the extremes 0 and 1.
            values[i] = quantile((i + 0.5) / size, upperBounds, counts, total);
        }
        return values;
    }

    static double quantile(double q, double[] upperBounds, long[] counts, long total) {
        final double rank = q * total;
        long below = 0;
        for (int bucket = 0; bucket < counts.length; bucket++) {
            final long inBucket = counts[bucket];
            if (inBucket > 0 && below + inBucket >= rank) {
                final double lower = bucket == 0 ? 0 : upperBounds[bucket - 1];
                final double upper = upperBounds[bucket];
                if (Double.isInfinite(upper)) {
                    return lower;
                }
                return lower + (upper - lower) * (rank - below) / inBucket;
            }
            below += inBucket;
        }
        return 0;
    }
}
