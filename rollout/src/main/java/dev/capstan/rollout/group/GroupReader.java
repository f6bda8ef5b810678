package dev.capstan.rollout.group;

import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.aws.AwsCall;
import dev.capstan.rollout.aws.Grantee;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;

/** Reads Auto Scaling groups (read-only). */
public final class GroupReader {
    private final AutoScalingClient autoScaling;
    private final Grantee grantee;

    /** A reader for the deploy role. */
    public GroupReader(AutoScalingClient autoScaling) {
        this(autoScaling, Grantee.DEPLOY_ROLE);
    }

    /** A reader whose access errors name {@code grantee}'s policy. */
    public GroupReader(AutoScalingClient autoScaling, Grantee grantee) {
        this.autoScaling = autoScaling;
        this.grantee = grantee;
    }

    public GroupSnapshot read(String groupName) {
        List<AutoScalingGroup> groups = AwsCall.run("autoscaling:DescribeAutoScalingGroups", grantee, () ->
                autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames(groupName)).autoScalingGroups());
        AutoScalingGroup group = groups.stream().filter(g -> groupName.equals(g.autoScalingGroupName())).findFirst()
                .orElseThrow(() -> RolloutException.invalid("The Auto Scaling group '" + groupName
                        + "' does not exist in this account and region; check --asg and --region."));
        return snapshot(group).orElseThrow(() -> RolloutException.invalid("The Auto Scaling group '" + groupName
                + "' does not launch from a launch template; switch it to a launch template before deploying."));
    }

    /** Every group in the region that launches from a launch template (all pages). */
    public List<GroupSnapshot> all() {
        return AwsCall.run("autoscaling:DescribeAutoScalingGroups", grantee, () -> {
            List<GroupSnapshot> out = new ArrayList<>();
            autoScaling.describeAutoScalingGroupsPaginator(r -> r.maxRecords(100)).autoScalingGroups()
                    .forEach(g -> snapshot(g).ifPresent(out::add));
            return out;
        });
    }

    static Optional<GroupSnapshot> snapshot(AutoScalingGroup group) {
        LaunchTemplateSpecification spec = group.launchTemplate();
        if (spec == null && group.mixedInstancesPolicy() != null
                && group.mixedInstancesPolicy().launchTemplate() != null) {
            spec = group.mixedInstancesPolicy().launchTemplate().launchTemplateSpecification();
        }
        if (spec == null) {
            return Optional.empty();
        }
        List<GroupInstance> instances = group.instances().stream().map(GroupReader::instance).toList();
        Map<String, String> tags = new TreeMap<>();
        group.tags().forEach(t -> tags.put(t.key(), t.value()));
        return Optional.of(new GroupSnapshot(group.autoScalingGroupName(), group.autoScalingGroupARN(),
                spec.launchTemplateId(), spec.launchTemplateName(), spec.version(), orZero(group.minSize()),
                orZero(group.desiredCapacity()), orZero(group.maxSize()), Map.copyOf(tags),
                MaintenancePolicy.of(group.instanceMaintenancePolicy()), instances,
                group.launchTemplate() == null ? group.mixedInstancesPolicy() : null));
    }

    private static GroupInstance instance(Instance i) {
        LaunchTemplateSpecification t = i.launchTemplate();
        return new GroupInstance(i.instanceId(), i.lifecycleStateAsString(), i.healthStatus(), i.availabilityZone(),
                t == null ? null : t.launchTemplateId(), t == null ? null : t.version(),
                Boolean.TRUE.equals(i.protectedFromScaleIn()));
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }
}
