package dev.capstan.standin;

import java.util.List;
import java.util.Optional;

/**
 * A snapshot of an Auto Scaling group. {@code launchTemplate} is the group's launch template specification, whether
 * set directly or inside its mixed instances policy ({@code mixedInstancesPolicy} says which).
 */
public record GroupView(String name, String arn, LaunchTemplateRef launchTemplate, boolean mixedInstancesPolicy,
                        int minSize, int desiredCapacity, int maxSize, List<String> availabilityZones,
                        List<InstanceView> instances, List<LifecycleHookView> lifecycleHooks) {

    public List<InstanceView> inServiceInstances() {
        return instances.stream().filter(InstanceView::inService).toList();
    }

    public Optional<InstanceView> instance(String instanceId) {
        return instances.stream().filter(i -> i.instanceId().equals(instanceId)).findFirst();
    }
}
