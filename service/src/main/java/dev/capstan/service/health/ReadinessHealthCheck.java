package dev.capstan.service.health;

import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Server;

/**
 * Unhealthy until Jetty has started every connector and context, so a new instance is not put into service before
 * it can answer. Shutdown is not this check's business: dropwizard-health turns readiness off on SIGTERM.
 */
public class ReadinessHealthCheck extends HealthCheck implements ServerLifecycleListener {
    public static final String NAME = "readiness";

    private final AtomicBoolean started = new AtomicBoolean();

    @Override
    public void serverStarted(Server server) {
        started.set(true);
    }

    @Override
    protected Result check() {
        return started.get() ? Result.healthy() : Result.unhealthy("the server has not started yet");
    }
}
