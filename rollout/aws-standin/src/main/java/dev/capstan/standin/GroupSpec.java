package dev.capstan.standin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to seed as an Auto Scaling group. Defaults: capacity 2, or the number of explicit instances
 * (min = desired, max = 2 x desired), zones
 * eu-west-1a and eu-west-1b, launch template version {@code "1"}, no lifecycle hook, health check grace period 60 s
 * (also the default instance warm-up), EC2 health checks only, no tags, no instance maintenance policy. Instances are
 * generated InService on the launch template's resolved version, spread over the zones, unless given explicitly with
 * {@link #instance(InstanceSpec)}.
 *
 * <pre>GroupSpec.named("capstan-web").launchTemplate("capstan", "1").capacity(4).launchHook("capstan-launch")</pre>
 */
public final class GroupSpec {

    private final String name;
    private String launchTemplateName;
    private String launchTemplateVersion = "1";
    private MixedPolicySpec mixedPolicy;
    private InstanceMaintenancePolicy instanceMaintenancePolicy;
    private TargetGroupSpec targetGroup;
    private final Map<String, Tag> tags = new LinkedHashMap<>();
    private int minSize = -1;
    private int desiredCapacity = -1;
    private int maxSize = -1;
    private List<String> availabilityZones = List.of("eu-west-1a", "eu-west-1b");
    private String launchHook;
    private Duration launchHookHeartbeat = Duration.ofHours(1);
    private String launchHookDefaultResult = "ABANDON";
    private Duration healthCheckGracePeriod = Duration.ofSeconds(60);
    private Duration defaultInstanceWarmup;
    private boolean holdLifecycleActions;
    private final List<InstanceSpec> instances = new ArrayList<>();

    private GroupSpec(String name) {
        this.name = name;
    }

    public static GroupSpec named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a group name is required");
        }
        return new GroupSpec(name);
    }

    /** The template by name and the version the group uses: a number, {@code "$Default"} or {@code "$Latest"}. */
    public GroupSpec launchTemplate(String templateName, String version) {
        this.launchTemplateName = templateName;
        this.launchTemplateVersion = version;
        return this;
    }

    /** A group tag as DescribeAutoScalingGroups reports it (botocore/data/autoscaling/2011-01-01/service-2.json, shape {@code TagDescription}). */
    public record Tag(String key, String value, boolean propagateAtLaunch) {
    }

    /**
     * Puts the launch template inside a MixedInstancesPolicy (no overrides, the default distribution) instead of the
     * group's LaunchTemplate; false removes it.
     */
    public GroupSpec mixedInstancesPolicy(boolean mixed) {
        this.mixedPolicy = mixed ? MixedPolicySpec.defaults() : null;
        return this;
    }

    /** Puts the launch template inside this mixed instances policy (its overrides and distribution). */
    public GroupSpec mixedInstancesPolicy(MixedPolicySpec policy) {
        this.mixedPolicy = policy;
        return this;
    }

    /** The group's instance maintenance policy (DescribeAutoScalingGroups {@code InstanceMaintenancePolicy}). */
    public GroupSpec instanceMaintenancePolicy(int minHealthy, int maxHealthy) {
        this.instanceMaintenancePolicy = new InstanceMaintenancePolicy(minHealthy, maxHealthy);
        return this;
    }

    /** A group tag that does not propagate to instances at launch. */
    public GroupSpec tag(String key, String value) {
        return tag(key, value, false);
    }

    public GroupSpec tag(String key, String value, boolean propagateAtLaunch) {
        if (key == null || key.isEmpty() || value == null) {
            throw new IllegalArgumentException("a tag needs a key and a value");
        }
        tags.put(key, new Tag(key, value, propagateAtLaunch));
        return this;
    }

    /**
     * Attaches the group to one load balancer target group and turns on ELB health checks (HealthCheckType
     * {@code ELB}): a new instance counts once the target group finds it healthy, and a terminating one drains for
     * the deregistration delay first.
     */
    public GroupSpec elb(Duration healthCheckInterval, int healthyThreshold, Duration deregistrationDelay) {
        this.targetGroup = new TargetGroupSpec(healthCheckInterval, healthyThreshold, deregistrationDelay);
        return this;
    }

    /** Desired capacity; min becomes the same and max twice as much unless set with {@link #capacity(int, int, int)}. */
    public GroupSpec capacity(int desired) {
        this.desiredCapacity = desired;
        return this;
    }

    public GroupSpec capacity(int min, int desired, int max) {
        this.minSize = min;
        this.desiredCapacity = desired;
        this.maxSize = max;
        return this;
    }

    public GroupSpec availabilityZones(String... zones) {
        this.availabilityZones = List.of(zones);
        return this;
    }

    /** Adds a launch lifecycle hook (autoscaling:EC2_INSTANCE_LAUNCHING, heartbeat 3600 s, default result ABANDON). */
    public GroupSpec launchHook(String hookName) {
        this.launchHook = hookName;
        return this;
    }

    public GroupSpec launchHook(String hookName, Duration heartbeatTimeout, String defaultResult) {
        this.launchHook = hookName;
        this.launchHookHeartbeat = heartbeatTimeout;
        this.launchHookDefaultResult = defaultResult;
        return this;
    }

    /**
     * When true, launches stay in Pending:Wait until someone calls CompleteLifecycleAction (or the heartbeat times
     * out); when false (default) the simulation completes them with CONTINUE after a simulated boot.
     */
    public GroupSpec holdLifecycleActions(boolean hold) {
        this.holdLifecycleActions = hold;
        return this;
    }

    public GroupSpec healthCheckGracePeriod(Duration grace) {
        this.healthCheckGracePeriod = grace;
        return this;
    }

    /** The group's DefaultInstanceWarmup; a refresh without InstanceWarmup uses it, else the grace period. */
    public GroupSpec defaultInstanceWarmup(Duration warmup) {
        this.defaultInstanceWarmup = warmup;
        return this;
    }

    /** Seeds this instance instead of generated ones (call once per instance). */
    public GroupSpec instance(InstanceSpec instance) {
        this.instances.add(instance);
        return this;
    }

    public String name() { return name; }
    public String launchTemplateName() { return launchTemplateName; }
    public String launchTemplateVersion() { return launchTemplateVersion; }
    public boolean mixedInstancesPolicy() { return mixedPolicy != null; }
    public MixedPolicySpec mixedPolicy() { return mixedPolicy; }
    public InstanceMaintenancePolicy instanceMaintenancePolicy() { return instanceMaintenancePolicy; }
    public TargetGroupSpec targetGroup() { return targetGroup; }
    public List<Tag> tags() { return List.copyOf(tags.values()); }
    public int minSize() { return minSize >= 0 ? minSize : desiredCapacity(); }
    /**
     * As set; else the number of explicit instances that are not in Standby (Standby instances do not count toward
     * the desired capacity); else 2.
     */
    public int desiredCapacity() {
        return desiredCapacity >= 0 ? desiredCapacity
                : instances.isEmpty() ? 2 : (int) instances.stream().filter(i -> !i.standby()).count();
    }
    public int maxSize() { return maxSize >= 0 ? maxSize : Math.max(1, desiredCapacity() * 2); }
    public List<String> availabilityZones() { return availabilityZones; }
    public String launchHook() { return launchHook; }
    public Duration launchHookHeartbeat() { return launchHookHeartbeat; }
    public String launchHookDefaultResult() { return launchHookDefaultResult; }
    public Duration healthCheckGracePeriod() { return healthCheckGracePeriod; }
    public Duration defaultInstanceWarmup() { return defaultInstanceWarmup; }
    public boolean holdLifecycleActions() { return holdLifecycleActions; }
    public List<InstanceSpec> instances() { return List.copyOf(instances); }
}
