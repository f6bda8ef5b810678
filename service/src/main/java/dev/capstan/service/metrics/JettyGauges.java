package dev.capstan.service.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty's saturation signals: requests in flight on the application port, and the request thread pool (shared by both
 * ports), with the names common Jetty dashboards use. Read at each scrape from what Jetty and Dropwizard already keep;
 * nothing is reported before the server exists.
 */
public final class JettyGauges {
    public static final String ACTIVE_REQUESTS = "http_server_active_requests";

    private JettyGauges() {
    }

    /**
     * @param dropwizardMetrics where Dropwizard's handler around the application context counts requests in flight,
     *                          under {@code metricPrefix.active-requests}: the count a drain waits for
     */
    public static void registerActiveRequests(PrometheusRegistry registry, MetricRegistry dropwizardMetrics,
                                              String metricPrefix) {
        final String name = MetricRegistry.name(metricPrefix, "active-requests");
        GaugeWithCallback.builder()
                .name(ACTIVE_REQUESTS)
                .help("Requests in flight on the application port, bodies still arriving included")
                .callback(callback -> {
                    // getMetrics() is a view; getCounters() would copy every counter on each scrape to read one.
                    if (dropwizardMetrics.getMetrics().get(name) instanceof Counter active) {
                        callback.call(active.getCount());
                    }
                })
                .register(registry);
    }

    public static void registerThreadPool(PrometheusRegistry registry, Supplier<Server> server) {
        threadPoolGauge(registry, server, "jetty_threads_current", "Threads in the request thread pool",
                QueuedThreadPool::getThreads);
        threadPoolGauge(registry, server, "jetty_threads_busy", "Threads of the request thread pool running a job",
                QueuedThreadPool::getBusyThreads);
        threadPoolGauge(registry, server, "jetty_threads_config_max", "The request thread pool's maximum size",
                QueuedThreadPool::getMaxThreads);
        threadPoolGauge(registry, server, "jetty_threads_jobs",
                "Jobs queued for a request thread (above 0 for long: saturated)", QueuedThreadPool::getQueueSize);
    }

    private static void threadPoolGauge(PrometheusRegistry registry, Supplier<Server> server, String name,
                                        String help, ToDoubleFunction<QueuedThreadPool> value) {
        GaugeWithCallback.builder()
                .name(name)
                .help(help)
                .callback(callback -> {
                    final Server current = server.get();
                    if (current != null && current.getThreadPool() instanceof QueuedThreadPool pool) {
                        callback.call(value.applyAsDouble(pool));
                    }
                })
                .register(registry);
    }
}
