package dev.capstan.rollout.refresh;

import dev.capstan.rollout.ExitCode;
import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.aws.AwsCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

/** Reads a group's instance refreshes (read-only, following every page). */
public final class RefreshFinder {
    private static final String ACTION = "autoscaling:DescribeInstanceRefreshes";
    private final AutoScalingClient autoScaling;

    public RefreshFinder(AutoScalingClient autoScaling) {
        this.autoScaling = autoScaling;
    }

    /** The refresh that is still moving, if any; AWS allows one per group. */
    public Optional<InstanceRefresh> active(String group) {
        return AwsCall.run(ACTION, () -> autoScaling
                .describeInstanceRefreshesPaginator(r -> r.autoScalingGroupName(group).maxRecords(50))
                .stream().flatMap(page -> page.instanceRefreshes().stream()).filter(RefreshStatus::isActive).findFirst());
    }

    /** Every refresh AWS still reports for the group, newest first. */
    public List<InstanceRefresh> history(String group) {
        return recent(group, Integer.MAX_VALUE);
    }

    /** Up to {@code limit} refreshes, newest first. */
    public List<InstanceRefresh> recent(String group, int limit) {
        return AwsCall.run(ACTION, () -> {
            List<InstanceRefresh> out = new ArrayList<>();
            autoScaling.describeInstanceRefreshesPaginator(b -> b.autoScalingGroupName(group).maxRecords(50))
                    .stream().flatMap(page -> page.instanceRefreshes().stream())
                    .limit(limit).forEach(out::add);
            return out;
        });
    }

    public InstanceRefresh get(String group, String refreshId) {
        return AwsCall.run(ACTION, () -> autoScaling
                .describeInstanceRefreshes(r -> r.autoScalingGroupName(group).instanceRefreshIds(refreshId))
                .instanceRefreshes().stream().findFirst()
                .orElseThrow(() -> new RolloutException(ExitCode.AWS_ERROR,
                        "AWS no longer reports instance refresh " + refreshId + " for group '" + group
                                + "'; check it with rollout status.")));
    }
}
