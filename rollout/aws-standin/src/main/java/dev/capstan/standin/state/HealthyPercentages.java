package dev.capstan.standin.state;

import dev.capstan.standin.AwsError;
import dev.capstan.standin.InstanceMaintenancePolicy;
import dev.capstan.standin.RefreshPreferences;

/**
 * The minimum and maximum healthy percentages a refresh applies. 
 * botocore/data/autoscaling/2011-01-01/service-2.json, shape
 * {@code RefreshPreferences}: MinHealthyPercentage "If you do not specify this property, the default is 90 percent,
 * or the percentage set in the instance maintenance policy for the Auto Scaling group, if defined";
 * MaxHealthyPercentage likewise with 100 percent. User Guide, "Understand the default values for an instance
 * refresh" (https://docs.aws.amazon.com/autoscaling/ec2/userguide/understand-instance-refresh-default-values.html):
 * without a policy the maximum "defaults to 100 percent (null)", so {@code max} stays null then and
 * DescribeInstanceRefreshes leaves it out.
 *
 * @param max null when neither the preferences nor a policy give it
 */
record HealthyPercentages(int min, Integer max) {

    static HealthyPercentages resolve(RefreshPreferences given, InstanceMaintenancePolicy policy) {
        int min = given.minHealthyPercentage() != null ? given.minHealthyPercentage()
                : policy != null ? policy.minHealthyPercentage() : 90;
        Integer max = given.maxHealthyPercentage() != null ? given.maxHealthyPercentage()
                : policy != null ? policy.maxHealthyPercentage() : null;
        // A given minimum with the policy's maximum must still be a pair AWS accepts (its rule for a given pair; AWS
        // documents no separate rule for this mix, so the wording is ours).
        if (given.minHealthyPercentage() != null && given.maxHealthyPercentage() == null && max != null
                && max - min > 100) {
            throw AwsError.validation("The difference between the instance maintenance policy's MaxHealthyPercentage ("
                    + max + ") and MinHealthyPercentage (" + min + ") cannot be greater than 100.");
        }
        return new HealthyPercentages(min, max);
    }
}
