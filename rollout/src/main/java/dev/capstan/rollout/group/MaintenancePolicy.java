package dev.capstan.rollout.group;

import java.util.Optional;
import software.amazon.awssdk.services.autoscaling.model.InstanceMaintenancePolicy;

/**
 * A group's instance maintenance policy: the healthy range Auto Scaling keeps while it replaces instances, and what an
 * instance refresh uses when it is given no Min/MaxHealthyPercentage (botocore autoscaling 2011-01-01,
 * {@code RefreshPreferences.MinHealthyPercentage}: "the default is 90 percent, or the percentage set in the instance
 * maintenance policy for the Auto Scaling group, if defined").
 */
public record MaintenancePolicy(int minHealthy, int maxHealthy) {

    /** AWS reports a cleared value as -1 or leaves it out; either way there is no policy. */
    static Optional<MaintenancePolicy> of(InstanceMaintenancePolicy policy) {
        if (policy == null || policy.minHealthyPercentage() == null || policy.maxHealthyPercentage() == null
                || policy.minHealthyPercentage() < 0 || policy.maxHealthyPercentage() < 0) {
            return Optional.empty();
        }
        return Optional.of(new MaintenancePolicy(policy.minHealthyPercentage(), policy.maxHealthyPercentage()));
    }
}
