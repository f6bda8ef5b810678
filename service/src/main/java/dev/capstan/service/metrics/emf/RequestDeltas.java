package dev.capstan.service.metrics.emf;

import dev.capstan.service.metrics.RequestDurations;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The request histogram's change since the previous interval, per method, route and status. It keeps the last counts
 * of every series it has seen, which is as many as the histogram has: bounded by its labels' rules.
 */
final class RequestDeltas {
    private final Map<Labels, long[]> previous = new HashMap<>();

    /** @return the series that served requests since the previous call, in the histogram's order */
    List<RequestInterval> next(HistogramSnapshot histogram) {
        final List<RequestInterval> intervals = new ArrayList<>();
        for (HistogramDataPointSnapshot series : histogram.getDataPoints()) {
            final ClassicHistogramBuckets buckets = series.getClassicBuckets();
            final long[] now = new long[buckets.size()];
            final double[] upperBounds = new double[buckets.size()];
            for (int i = 0; i < now.length; i++) {
                now[i] = buckets.getCount(i);
                upperBounds[i] = buckets.getUpperBound(i);
            }
            final long[] before = previous.put(series.getLabels(), now);
            final long[] delta = minus(now, before);
            long requests = 0;
            for (long count : delta) {
                requests += count;
            }
            if (requests > 0) {
                final double[] latencySeconds = LatencyValues.of(upperBounds, delta, LatencyValues.MAX_VALUES);
                final double[] latencyMillis = new double[latencySeconds.length];
                for (int i = 0; i < latencySeconds.length; i++) {
                    latencyMillis[i] = latencySeconds[i] * 1000;
                }
                final Labels labels = series.getLabels();
                intervals.add(new RequestInterval(labels.get(RequestDurations.METHOD),
                        labels.get(RequestDurations.ROUTE), labels.get(RequestDurations.STATUS), requests,
                        latencyMillis));
            }
        }
        return intervals;
    }

    private static long[] minus(long[] now, long[] before) {
        final long[] delta = now.clone();
        if (before != null && before.length == now.length) {
            for (int i = 0; i < delta.length; i++) {
                delta[i] = Math.max(0, now[i] - before[i]);
            }
        }
        return delta;
    }
}
