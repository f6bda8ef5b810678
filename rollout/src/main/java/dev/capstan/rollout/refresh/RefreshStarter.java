package dev.capstan.rollout.refresh;

import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.aws.AwsCall;
import dev.capstan.rollout.aws.AwsErrors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.DesiredConfiguration;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
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

    public String start(String group, String templateId, long version, RefreshSettings settings) {
        DesiredConfiguration desired = DesiredConfiguration.builder()
                .launchTemplate(LaunchTemplateSpecification.builder()
                        .launchTemplateId(templateId)
                        .version(Long.toString(version))
                        .build())
                .build();
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
}
