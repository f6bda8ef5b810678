package dev.capstan.service.metrics.emf;

/**
 * The JVM at the end of an interval.
 *
 * @param gcMillis time spent collecting garbage during the interval
 * @param ready    whether the service answered ready to the load balancer at the end of the interval
 */
public record JvmInterval(double heapUsedBytes, long gcMillis, double threads, boolean ready) {
}
