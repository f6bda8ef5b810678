package dev.capstan.standin.state;

import dev.capstan.standin.TargetGroupSpec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The one load balancer target group of a group with ELB health checks. It only answers "when is a registered
 * target healthy": the load balancer checks every interval from registration, a check passes once the service
 * answers its readiness check, and a target is healthy after {@code healthyThreshold} passes in a row (
 * botocore/data/elbv2/2015-12-01/service-2.json, {@code CreateTargetGroupInput.HealthyThresholdCount}: "the number of consecutive health
 * check successes required before considering a target healthy"; {@code TargetHealth.Reason}
 * {@code Elb.InitialHealthChecking}).
 */
public final class TargetGroup {

    public final String arn;
    public final TargetGroupSpec spec;

    TargetGroup(String groupName, TargetGroupSpec spec) {
        // Target group names have at most 32 characters; the ARN ends with a 16-hex-digit id.
        String name = groupName.length() > 32 ? groupName.substring(0, 32) : groupName;
        String id = UUID.nameUUIDFromBytes(groupName.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "")
                .substring(0, 16);
        this.arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/" + name + "/" + id;
        this.spec = spec;
    }

    /** The first check is one interval after registration; a check passes when the service is ready by then. */
    public Instant healthyAt(Instant registeredAt, Instant readyAt) {
        Duration interval = spec.healthCheckInterval();
        long first = 1;
        if (readyAt.isAfter(registeredAt)) {
            long wait = Duration.between(registeredAt, readyAt).toMillis();
            first = Math.max(1, (wait + interval.toMillis() - 1) / interval.toMillis());
        }
        return registeredAt.plus(interval.multipliedBy(first + spec.healthyThreshold() - 1));
    }

    public Duration deregistrationDelay() {
        return spec.deregistrationDelay();
    }
}
