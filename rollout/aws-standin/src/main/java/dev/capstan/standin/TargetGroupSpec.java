package dev.capstan.standin;

import java.time.Duration;

/**
 * The load balancer target group of a group with ELB health checks: how often the load balancer checks a target,
 * how many passes make it healthy, and how long a deregistering target drains. The limits are
 * botocore/data/elbv2/2015-12-01/service-2.json's: {@code CreateTargetGroupInput.HealthCheckIntervalSeconds} 5-300,
 * {@code HealthyThresholdCount} 2-10, and attribute {@code deregistration_delay.timeout_seconds} 0-3600.
 */
public record TargetGroupSpec(Duration healthCheckInterval, int healthyThreshold, Duration deregistrationDelay) {

    public TargetGroupSpec {
        long interval = healthCheckInterval.toSeconds();
        if (interval < 5 || interval > 300 || healthCheckInterval.toNanosPart() != 0) {
            throw new IllegalArgumentException("the health check interval must be 5-300 whole seconds; got " + healthCheckInterval);
        }
        if (healthyThreshold < 2 || healthyThreshold > 10) {
            throw new IllegalArgumentException("the healthy threshold must be 2-10; got " + healthyThreshold);
        }
        long delay = deregistrationDelay.toSeconds();
        if (delay < 0 || delay > 3600 || deregistrationDelay.toNanosPart() != 0) {
            throw new IllegalArgumentException("the deregistration delay must be 0-3600 whole seconds; got " + deregistrationDelay);
        }
    }
}
