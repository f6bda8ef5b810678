package dev.capstan.service.metrics.emf;

/**
 * One method, route and status's requests in one interval.
 *
 * @param latencyMillis values that keep the shape of the interval's latencies ({@link LatencyValues})
 */
public record RequestInterval(String method, String route, String status, long requests, double[] latencyMillis) {
    public boolean serverError() {
        return status.startsWith("5");
    }
}
