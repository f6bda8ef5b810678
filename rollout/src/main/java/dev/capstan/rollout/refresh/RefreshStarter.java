package dev.capstan.rollout.refresh;

import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.aws.AwsCall;
import dev.capstan.rollout.aws.AwsErrors;
import dev.capstan.rollout.group.GroupSnapshot;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.DesiredConfiguration;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.MixedInstancesPolicy;
import software.amazon.awssdk.services.autoscaling.model.RefreshStrategy;

/**
 * Starts the refresh towards version N, named by number in DesiredConfiguration. The group itself is never updated
 * first: AWS rolls back to the configuration the group had before the refresh, so that must still be the old one.
 */
public final class RefreshStarter {
    private final AutoScalingClient autoScaling;

    public RefreshStarter(AutoScalingClient autoScaling) {
        this.autoScaling = autoScaling;
    }

    public String start(GroupSnapshot target, String templateId, long version, RefreshSettings settings) {
        String group = target.name();
        DesiredConfiguration desired = desiredConfiguration(target, LaunchTemplateSpecification.builder()
                .launchTemplateId(templateId)
                .version(Long.toString(version))
                .build());
        return AwsCall.run("autoscaling:StartInstanceRefresh", () -> {
            try {
                return autoScaling.startInstanceRefresh(r -> r.autoScalingGroupName(group)
                        .strategy(RefreshStrategy.ROLLING)
                        .desiredConfiguration(desired)
                        .preferences(settings.toAws())).instanceRefreshId();
            } catch (AwsServiceException e) {
                if ("InstanceRefreshInProgress".equals(AwsErrors.code(e))) {
                    throw RolloutException.invalid("Another instance refresh started on group '" + group
                            + "' after the preflight check; the group is unchanged (version " + version
                            + " stays unused), so run the deploy again once that refresh ends.");
                }
                throw e;
            }
        });
    }

    /**
     * A group whose template sits in a mixed instances policy gets the same policy back with only the template
     * version changed: naming a bare LaunchTemplate would make a Successful refresh drop the policy (its instance
     * types and On-Demand/Spot split) from the group.
     */
    private static DesiredConfiguration desiredConfiguration(GroupSnapshot target, LaunchTemplateSpecification version) {
        return target.mixedInstances()
                .map(policy -> DesiredConfiguration.builder().mixedInstancesPolicy(withTemplate(policy, version)).build())
                .orElseGet(() -> DesiredConfiguration.builder().launchTemplate(version).build());
    }

    private static MixedInstancesPolicy withTemplate(MixedInstancesPolicy policy, LaunchTemplateSpecification version) {
        return policy.toBuilder()
                .launchTemplate(policy.launchTemplate().toBuilder().launchTemplateSpecification(version).build())
                .build();
    }
}
