package dev.capstan.service.metrics;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Set;

/**
 * The application port's requests as one histogram, {@code http_server_request_duration_seconds}, labelled with
 * {@code method}, {@code route} and {@code status}. Every label takes one of a bounded set of values whatever a
 * client sends: a method outside the standard ones is {@code OTHER}, the route is a template of the application's
 * own (never the path asked for), and the status is one the service answered with.
 */
public final class RequestDurations {
    public static final String NAME = "http_server_request_duration_seconds";
    public static final String METHOD = "method";
    public static final String ROUTE = "route";
    public static final String STATUS = "status";
    /** Any method but the standard ones (RFC 9110 and PATCH): a client may send any token as a method. */
    public static final String OTHER_METHOD = "OTHER";

    /**
     * Seconds. A fast JSON API: at 1,000 requests a second its p99 is 2.5 ms (docs/performance.md), so the bounds are
     * dense below 10 ms; above that they follow the usual 1-2.5-5 steps up to the 10 s a slow request body may take.
     */
    static final double[] BUCKETS = {.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10};

    private static final Set<String> STANDARD_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

    private final Histogram histogram;

    private RequestDurations(Histogram histogram) {
        this.histogram = histogram;
    }

    public static RequestDurations register(PrometheusRegistry registry) {
        return new RequestDurations(Histogram.builder()
                .name(NAME)
                .help("Requests answered on the application port, from the first byte of the request to the last "
                        + "of the response, by method, route template and status")
                .unit(Unit.SECONDS)
                .labelNames(METHOD, ROUTE, STATUS)
                .classicOnly()
                .classicUpperBounds(BUCKETS)
                .register(registry));
    }

    /**
     * @param route a route template of the application's, or {@link Routes#UNMATCHED}
     * @param status the status answered, which Jetty bounds to three digits
     */
    public void record(String method, String route, int status, long nanos) {
        histogram.labelValues(methodLabel(method), route, Integer.toString(status))
                .observe(Math.max(0, nanos) / 1e9);
    }

    static String methodLabel(String method) {
        return STANDARD_METHODS.contains(method) ? method : OTHER_METHOD;
    }
}
