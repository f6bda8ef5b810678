package dev.capstan.standin;

import java.util.ArrayList;
import java.util.List;

/**
 * A mixed instances policy without its top-level launch template (that is the group's, or the refresh's desired
 * one): the instance type overrides and the instances distribution, as botocore/data/autoscaling/2011-01-01/service-2.json
 * shapes {@code LaunchTemplateOverrides} and {@code InstancesDistribution} describe them. Immutable; each wither
 * returns a new policy.
 *
 * <pre>MixedPolicySpec.instanceTypes("t3.small", "t3a.small").onDemandBaseCapacity(1).spotAllocationStrategy("price-capacity-optimized")</pre>
 *
 * A distribution member left {@code null} is reported with AWS's documented default (see {@link #effectiveDistribution()}).
 */
public record MixedPolicySpec(List<InstanceOverride> overrides, InstancesDistribution distribution) {

    /**
     * One override: an instance type, its optional weight, and an optional launch template for that type (by id or
     * by name, with a version; {@code null} means the policy's own launch template).
     */
    public record InstanceOverride(String instanceType, String weightedCapacity, LaunchTemplateRef launchTemplate) {
    }

    /** {@code null} members are "not given". */
    public record InstancesDistribution(String onDemandAllocationStrategy, Integer onDemandBaseCapacity,
                                        Integer onDemandPercentageAboveBaseCapacity, String spotAllocationStrategy,
                                        Integer spotInstancePools, String spotMaxPrice) {

        public static final InstancesDistribution NONE = new InstancesDistribution(null, null, null, null, null, null);
    }

    public MixedPolicySpec {
        overrides = List.copyOf(overrides);
        distribution = distribution == null ? InstancesDistribution.NONE : distribution;
    }

    /** The policy of a group seeded with the boolean {@code mixedInstancesPolicy(true)}: no overrides, defaults only. */
    public static MixedPolicySpec defaults() {
        return new MixedPolicySpec(List.of(), InstancesDistribution.NONE);
    }

    /** One override per instance type, each on the policy's own launch template. */
    public static MixedPolicySpec instanceTypes(String... types) {
        List<InstanceOverride> list = new ArrayList<>();
        for (String type : types) {
            list.add(new InstanceOverride(type, null, null));
        }
        return new MixedPolicySpec(list, InstancesDistribution.NONE);
    }

    /** Adds an override whose instances launch from another launch template (named by id or by name, with a version). */
    public MixedPolicySpec override(String instanceType, LaunchTemplateRef launchTemplate) {
        return withOverride(new InstanceOverride(instanceType, null, launchTemplate));
    }

    public MixedPolicySpec withOverride(InstanceOverride override) {
        List<InstanceOverride> list = new ArrayList<>(overrides);
        list.add(override);
        return new MixedPolicySpec(list, distribution);
    }

    public MixedPolicySpec onDemandBaseCapacity(int capacity) {
        InstancesDistribution d = distribution;
        return with(new InstancesDistribution(d.onDemandAllocationStrategy(), capacity,
                d.onDemandPercentageAboveBaseCapacity(), d.spotAllocationStrategy(), d.spotInstancePools(), d.spotMaxPrice()));
    }

    public MixedPolicySpec onDemandPercentageAboveBaseCapacity(int percent) {
        InstancesDistribution d = distribution;
        return with(new InstancesDistribution(d.onDemandAllocationStrategy(), d.onDemandBaseCapacity(), percent,
                d.spotAllocationStrategy(), d.spotInstancePools(), d.spotMaxPrice()));
    }

    public MixedPolicySpec spotAllocationStrategy(String strategy) {
        InstancesDistribution d = distribution;
        return with(new InstancesDistribution(d.onDemandAllocationStrategy(), d.onDemandBaseCapacity(),
                d.onDemandPercentageAboveBaseCapacity(), strategy, d.spotInstancePools(), d.spotMaxPrice()));
    }

    public MixedPolicySpec onDemandAllocationStrategy(String strategy) {
        InstancesDistribution d = distribution;
        return with(new InstancesDistribution(strategy, d.onDemandBaseCapacity(),
                d.onDemandPercentageAboveBaseCapacity(), d.spotAllocationStrategy(), d.spotInstancePools(), d.spotMaxPrice()));
    }

    public MixedPolicySpec with(InstancesDistribution newDistribution) {
        return new MixedPolicySpec(overrides, newDistribution);
    }

    /**
     * The distribution with AWS's documented defaults filled in (botocore/data/autoscaling/2011-01-01/service-2.json, shape {@code InstancesDistribution}):
     * OnDemandAllocationStrategy {@code prioritized} (for groups without InstanceRequirements), OnDemandBaseCapacity 0,
     * OnDemandPercentageAboveBaseCapacity 100, SpotAllocationStrategy {@code lowest-price}, and SpotInstancePools 2,
     * which is "valid only when the SpotAllocationStrategy is lowest-price".
     */
    public InstancesDistribution effectiveDistribution() {
        InstancesDistribution d = distribution;
        String spot = d.spotAllocationStrategy() != null ? d.spotAllocationStrategy() : "lowest-price";
        Integer pools = spot.equals("lowest-price") ? (d.spotInstancePools() != null ? d.spotInstancePools() : 2) : null;
        return new InstancesDistribution(
                d.onDemandAllocationStrategy() != null ? d.onDemandAllocationStrategy() : "prioritized",
                d.onDemandBaseCapacity() != null ? d.onDemandBaseCapacity() : 0,
                d.onDemandPercentageAboveBaseCapacity() != null ? d.onDemandPercentageAboveBaseCapacity() : 100,
                spot, pools, d.spotMaxPrice());
    }

    /** The override new instances launch with: the first (the highest priority under {@code prioritized}), if any. */
    public InstanceOverride firstOverride() {
        return overrides.isEmpty() ? null : overrides.get(0);
    }
}
