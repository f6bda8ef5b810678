package dev.capstan.service.metrics;

import com.codahale.metrics.MetricRegistry;
import dev.capstan.service.core.BuildInfo;
import dev.capstan.service.core.DeploymentInfo;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Server;

/**
 * The service's one Prometheus registry, which the admin port's {@code /prometheus} exposes and the CloudWatch
 * publisher reads: request durations, the Prometheus client's standard JVM metrics, readiness, build information and
 * Jetty's saturation signals. Nothing else: Dropwizard's own registry stays on {@code /metrics}, as it is.
 */
public final class ServiceMetrics {
    private final PrometheusRegistry registry;
    private final RequestDurations requests;

    private ServiceMetrics(PrometheusRegistry registry, RequestDurations requests) {
        this.registry = registry;
        this.requests = requests;
    }

    /** The parts of the running service the metrics read. */
    public record Sources(BuildInfo build, DeploymentInfo deployment, BooleanSupplier ready,
                          MetricRegistry dropwizardMetrics, String requestMetricPrefix, Supplier<Server> server) {
    }

    /** A registry of its own rather than the JVM-wide default, so that two services in one JVM (tests) stay apart. */
    public static ServiceMetrics create(Sources sources) {
        final PrometheusRegistry registry = new PrometheusRegistry();
        final RequestDurations requests = RequestDurations.register(registry);
        JvmMetrics.builder().register(registry);
        ServiceGauges.registerReadiness(registry, sources.ready());
        ServiceGauges.registerBuildInfo(registry, sources.build(), sources.deployment());
        JettyGauges.registerActiveRequests(registry, sources.dropwizardMetrics(), sources.requestMetricPrefix());
        JettyGauges.registerThreadPool(registry, sources.server());
        return new ServiceMetrics(registry, requests);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** Jetty's hook that feeds the request histogram. */
    public RequestDurationLog requestLog() {
        return new RequestDurationLog(requests);
    }
}
