package dev.capstan.service.health;

import io.dropwizard.health.HealthEnvironment;
import io.dropwizard.health.HealthStatusChecker;
import java.util.function.BooleanSupplier;

/**
 * Whether the public readiness check ({@code /health-check?type=ready}, what the load balancer asks) answers 200 now:
 * dropwizard-health's own answer, so false until the first critical checks pass and again from SIGTERM on.
 */
public final class PublicReadiness implements BooleanSupplier {
    private final HealthEnvironment health;

    public PublicReadiness(HealthEnvironment health) {
        this.health = health;
    }

    /** dropwizard-health sets its aggregator up after the application's {@code run}: it is looked up each time. */
    @Override
    public boolean getAsBoolean() {
        return health.healthStateAggregator() instanceof HealthStatusChecker checker && checker.isHealthy("ready");
    }
}
