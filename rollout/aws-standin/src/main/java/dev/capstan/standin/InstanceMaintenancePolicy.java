package dev.capstan.standin;

/**
 * A group's instance maintenance policy, as DescribeAutoScalingGroups reports it. A refresh whose preferences leave
 * out MinHealthyPercentage or MaxHealthyPercentage takes the missing value from it (
 * botocore/data/autoscaling/2011-01-01/service-2.json, shape {@code RefreshPreferences}, members {@code MinHealthyPercentage} and
 * {@code MaxHealthyPercentage}: "the default is 90 percent [100 percent], or the percentage set in the instance
 * maintenance policy for the Auto Scaling group, if defined").
 */
public record InstanceMaintenancePolicy(int minHealthyPercentage, int maxHealthyPercentage) {

    /**
     * The ranges of botocore/data/autoscaling/2011-01-01/service-2.json,
     * shape {@code InstanceMaintenancePolicy}: min 0-100, max 100-200, "the difference between
     * them cannot be greater than 100" (-1, which clears a policy, is not a value a policy holds).
     */
    public InstanceMaintenancePolicy {
        if (minHealthyPercentage < 0 || minHealthyPercentage > 100) {
            throw new IllegalArgumentException("MinHealthyPercentage must be 0-100; got " + minHealthyPercentage);
        }
        if (maxHealthyPercentage < 100 || maxHealthyPercentage > 200) {
            throw new IllegalArgumentException("MaxHealthyPercentage must be 100-200; got " + maxHealthyPercentage);
        }
        if (maxHealthyPercentage - minHealthyPercentage > 100) {
            throw new IllegalArgumentException("the difference between MaxHealthyPercentage and MinHealthyPercentage "
                    + "cannot be greater than 100; got " + minHealthyPercentage + " and " + maxHealthyPercentage);
        }
    }
}
