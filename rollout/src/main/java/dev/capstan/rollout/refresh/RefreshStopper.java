package dev.capstan.rollout.refresh;

import dev.capstan.rollout.aws.AwsCall;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;

/** Cancels or rolls back a group's active refresh. */
public final class RefreshStopper {
    private final AutoScalingClient autoScaling;

    public RefreshStopper(AutoScalingClient autoScaling) {
        this.autoScaling = autoScaling;
    }

    public String cancel(String group) {
        return AwsCall.run("autoscaling:CancelInstanceRefresh", () ->
                autoScaling.cancelInstanceRefresh(r -> r.autoScalingGroupName(group)).instanceRefreshId());
    }

    public String rollback(String group) {
        return AwsCall.run("autoscaling:RollbackInstanceRefresh", () ->
                autoScaling.rollbackInstanceRefresh(r -> r.autoScalingGroupName(group)).instanceRefreshId());
    }
}
