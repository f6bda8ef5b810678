package dev.capstan.standin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of an Auto Scaling group. {@code launchTemplate} is the group's launch template specification, whether
 * set directly or inside its mixed instances policy ({@code mixedInstancesPolicy} says which; {@code mixedPolicy} is
 * the rest of that policy). {@code instanceMaintenancePolicy}, {@code mixedPolicy} and {@code targetGroupArn} are
 * {@code null} when the group has none; {@code healthCheckType} is {@code EC2} or {@code ELB};
 * {@code suspendedProcesses} names the suspended scaling processes (e.g. {@code ReplaceUnhealthy}), empty when none.
 */
public record GroupView(String name, String arn, LaunchTemplateRef launchTemplate, boolean mixedInstancesPolicy,
                        int minSize, int desiredCapacity, int maxSize, List<String> availabilityZones,
                        List<InstanceView> instances, List<LifecycleHookView> lifecycleHooks,
                        Map<String, String> tags, InstanceMaintenancePolicy instanceMaintenancePolicy,
                        MixedPolicySpec mixedPolicy, String healthCheckType, String targetGroupArn,
                        List<String> suspendedProcesses) {

    public List<InstanceView> inServiceInstances() {
        return instances.stream().filter(InstanceView::inService).toList();
    }

    public Optional<InstanceView> instance(String instanceId) {
        return instances.stream().filter(i -> i.instanceId().equals(instanceId)).findFirst();
    }
}
