package dev.capstan.service.metrics;

import dev.capstan.service.core.BuildInfo;
import dev.capstan.service.core.DeploymentInfo;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.BooleanSupplier;

/** What this copy runs and whether it takes traffic: {@code capstan_build_info}, {@code capstan_ready}. */
public final class ServiceGauges {
    public static final String READY = "capstan_ready";
    public static final String BUILD_INFO = "capstan_build_info";

    private ServiceGauges() {
    }

    /** 1 while the readiness answer the load balancer reads is 200; 0 while starting, and draining after SIGTERM. */
    public static void registerReadiness(PrometheusRegistry registry, BooleanSupplier ready) {
        GaugeWithCallback.builder()
                .name(READY)
                .help("1 while the service answers ready to the load balancer's health check, 0 otherwise")
                .callback(callback -> callback.call(ready.getAsBoolean() ? 1 : 0))
                .register(registry);
    }

    /** Always 1; the labels say which build and which image this copy runs, for joins and version panels. */
    public static void registerBuildInfo(PrometheusRegistry registry, BuildInfo build, DeploymentInfo deployment) {
        Info.builder()
                .name(BUILD_INFO)
                .help("The build and image this copy of the service runs")
                .labelNames("version", "commit", "image_tag")
                .register(registry)
                .addLabelValues(build.version(), build.commit(), deployment.imageTag());
    }
}
