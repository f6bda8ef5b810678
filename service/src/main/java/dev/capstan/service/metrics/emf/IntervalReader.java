package dev.capstan.service.metrics.emf;

import dev.capstan.service.metrics.RequestDurations;
import dev.capstan.service.metrics.ServiceGauges;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one interval from the Prometheus registry that {@code /prometheus} exposes (one registry, two formats): the
 * requests since the previous reading, and the JVM now. Not thread-safe: one publisher reads it.
 */
final class IntervalReader {
    static final String HEAP_USED = "jvm_memory_used_bytes";
    static final String GC_TIME = "jvm_gc_collection_seconds";
    static final String THREADS = "jvm_threads_current";
    private static final Set<String> READ = Set.of(RequestDurations.NAME, HEAP_USED, GC_TIME, THREADS,
            ServiceGauges.READY);

    /** What one interval saw. */
    record Interval(List<RequestInterval> requests, JvmInterval jvm) {
    }

    private final PrometheusRegistry registry;
    private final RequestDeltas requestDeltas = new RequestDeltas();
    private double gcSecondsBefore;

    IntervalReader(PrometheusRegistry registry) {
        this.registry = registry;
    }

    /** Starts the first interval: what was counted before it belongs to no interval. */
    void start() {
        next();
    }

    Interval next() {
        final MetricSnapshots snapshots = registry.scrape(READ::contains);
        final List<RequestInterval> requests = find(snapshots, RequestDurations.NAME, HistogramSnapshot.class)
                .map(requestDeltas::next)
                .orElse(List.of());
        final double gcSeconds = find(snapshots, GC_TIME, SummarySnapshot.class)
                .map(summary -> summary.getDataPoints().stream().mapToDouble(point -> point.getSum()).sum())
                .orElse(0.0);
        // The JVM counts collection time in whole milliseconds.
        final long gcMillis = Math.round(Math.max(0, gcSeconds - gcSecondsBefore) * 1000);
        gcSecondsBefore = gcSeconds;
        return new Interval(requests, new JvmInterval(
                gauge(snapshots, HEAP_USED, "area", "heap"),
                gcMillis,
                gauge(snapshots, THREADS, null, null),
                gauge(snapshots, ServiceGauges.READY, null, null) == 1));
    }

    /** The gauge's value (of its series with that label, if one is named); 0 when there is none. */
    private static double gauge(MetricSnapshots snapshots, String name, String label, String value) {
        return find(snapshots, name, GaugeSnapshot.class)
                .flatMap(gauge -> gauge.getDataPoints().stream()
                        .filter(point -> label == null || value.equals(point.getLabels().get(label)))
                        .findFirst())
                .map(GaugeSnapshot.GaugeDataPointSnapshot::getValue)
                .orElse(0.0);
    }

    private static <T extends MetricSnapshot> Optional<T> find(MetricSnapshots snapshots, String name, Class<T> type) {
        return snapshots.stream()
                .filter(snapshot -> snapshot.getMetadata().getPrometheusName().equals(name))
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst();
    }
}
