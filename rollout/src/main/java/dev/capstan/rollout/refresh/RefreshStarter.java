package dev.capstan.rollout.refresh;

import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.aws.AwsCall;
import dev.capstan.rollout.aws.AwsErrors;
import dev.capstan.rollout.group.GroupSnapshot;
import java.io.PrintWriter;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.DesiredConfiguration;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.RefreshPreferences;
import software.amazon.awssdk.services.autoscaling.model.RefreshStrategy;

/**
 * Starts the refresh towards version N, named by number in DesiredConfiguration. The group itself is never updated
 * first: AWS rolls back to the configuration the group had before the refresh, so that must still be the old one.
 */
public final class RefreshStarter {
    private final AutoScalingClient autoScaling;
    private final RefreshFinder finder;

    public RefreshStarter(AutoScalingClient autoScaling, RefreshFinder finder) {
        this.autoScaling = autoScaling;
        this.finder = finder;
    }

    public String start(GroupSnapshot target, String templateId, String templateName, long version,
                        RefreshPreferences preferences, PrintWriter out) {
        String group = target.name();
        DesiredConfiguration desired = target.mixedInstances()
                .map(policy -> DesiredConfiguration.builder()
                        .mixedInstancesPolicy(MixedPolicyRewriter.withVersion(policy, templateId, templateName, version))
                        .build())
                .orElseGet(() -> DesiredConfiguration.builder().launchTemplate(LaunchTemplateSpecification.builder()
                        .launchTemplateId(templateId).version(Long.toString(version)).build()).build());
        return AwsCall.run("autoscaling:StartInstanceRefresh", () -> {
            try {
                return autoScaling.startInstanceRefresh(r -> r.autoScalingGroupName(group)
                        .strategy(RefreshStrategy.ROLLING)
                        .desiredConfiguration(desired)
                        .preferences(preferences)).instanceRefreshId();
            } catch (AwsServiceException e) {
                if ("InstanceRefreshInProgress".equals(AwsErrors.code(e))) {
                    return adoptOurOwn(group, templateId, templateName, version, out);
                }
                throw e;
            }
        });
    }

    /**
     * StartInstanceRefresh has no idempotency token (botocore autoscaling 2011-01-01, StartInstanceRefreshType), so
     * when its answer is lost after AWS acted (a 5xx or a dropped connection), the SDK's retry meets our own refresh
     * as InstanceRefreshInProgress. Version N was created by this deploy a moment ago, so a refresh towards it can
     * only be ours: follow it instead of leaving it unwatched.
     */
    private String adoptOurOwn(String group, String templateId, String templateName, long version, PrintWriter out) {
        InstanceRefresh active = finder.active(group).orElse(null);
        if (active != null && RefreshTarget.targets(active, templateId, templateName, version)) {
            out.println("StartInstanceRefresh answered InstanceRefreshInProgress, and the refresh in progress, "
                    + active.instanceRefreshId() + ", goes to version " + version + ", which this deploy created: "
                    + "an earlier attempt of the same call started it and its answer was lost. Following it.");
            return active.instanceRefreshId();
        }
        throw RolloutException.invalid("Another instance refresh"
                + (active == null ? "" : " (" + active.instanceRefreshId() + ")") + " started on group '" + group
                + "' after the preflight check; the group is unchanged (version " + version
                + " stays unused), so run the deploy again once that refresh ends.");
    }
}
