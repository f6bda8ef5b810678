package dev.capstan.standin.state;

import dev.capstan.standin.CapacitySample;
import dev.capstan.standin.GroupSpec;
import dev.capstan.standin.InstanceMaintenancePolicy;
import dev.capstan.standin.LaunchTemplateRef;
import dev.capstan.standin.MixedPolicySpec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One simulated Auto Scaling group with its instances, hooks and refresh history (newest first). */
public final class Group {

    public final String name;
    public final String arn;
    public final Instant createdTime;
    public LaunchTemplateRef launchTemplate;
    /** Null unless the launch template sits inside a mixed instances policy. */
    public MixedPolicySpec mixedPolicy;
    public InstanceMaintenancePolicy maintenancePolicy;
    /** Null for a group with EC2 health checks only. */
    public TargetGroup targetGroup;
    public final Map<String, GroupSpec.Tag> tags = new LinkedHashMap<>();
    public int minSize;
    public int desiredCapacity;
    public int maxSize;
    public List<String> availabilityZones;
    public Duration healthCheckGracePeriod;
    public Duration defaultInstanceWarmup;
    public boolean holdLifecycleActions;
    public final List<Hook> hooks = new ArrayList<>();
    public final List<Instance> instances = new ArrayList<>();
    public final List<Refresh> refreshes = new ArrayList<>();
    /** One sample per change, oldest first. */
    public final List<CapacitySample> capacity = new ArrayList<>();
    /** Suspended scaling processes (see {@link ScalingProcesses}) and when each was suspended, in suspension order. */
    public final Map<String, Instant> suspendedProcesses = new LinkedHashMap<>();

    public Group(String name, Instant createdTime) {
        this.name = name;
        this.createdTime = createdTime;
        this.arn = "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:"
                + java.util.UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + ":autoScalingGroupName/" + name;
    }

    public void attachTargetGroup(dev.capstan.standin.TargetGroupSpec spec) {
        this.targetGroup = spec == null ? null : new TargetGroup(name, spec);
    }

    public boolean suspended(String process) {
        return suspendedProcesses.containsKey(process);
    }

    public Optional<Hook> launchHook() {
        return hooks.stream().filter(Hook::onLaunch).findFirst();
    }

    public Optional<Hook> hook(String name) {
        return hooks.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public Optional<Refresh> activeRefresh() {
        return refreshes.stream().filter(Refresh::active).findFirst();
    }

    public Optional<Instance> instance(String id) {
        return instances.stream().filter(i -> i.id.equals(id)).findFirst();
    }

    /** Instances that count toward the group's capacity: not terminating and not in Standby. */
    public long liveCount() {
        return instances.stream().filter(Instance::counts).count();
    }

    /** Instances that serve at {@code t}: InService, Healthy and, with a target group, healthy in it. */
    public long servingCount(Instant t) {
        return instances.stream().filter(i -> i.serving(t)).count();
    }
}
