package dev.capstan.standin.state;

import dev.capstan.standin.AwsError;
import dev.capstan.standin.LaunchTemplateRef;
import dev.capstan.standin.MixedPolicySpec;
import dev.capstan.standin.MixedPolicySpec.InstanceOverride;
import dev.capstan.standin.MixedPolicySpec.InstancesDistribution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a launch template specification, or a whole mixed instances policy, as Auto Scaling's write path does
 * (StartInstanceRefresh's DesiredConfiguration, CreateAutoScalingGroup), and returns it with every launch template
 * named by both id and name, as DescribeAutoScalingGroups reports specifications. The rules are the documentation in
 * botocore/data/autoscaling/2011-01-01/service-2.json of shapes {@code LaunchTemplateSpecification},
 * {@code LaunchTemplateOverrides} and {@code InstancesDistribution}; refusals are {@code ValidationError}. AWS
 * documents the rules, not its messages: where the wording below is not AWS's, it is ours.
 */
final class DesiredConfigurationCheck {

    private static final Set<String> SPOT_STRATEGIES = Set.of("capacity-optimized", "capacity-optimized-prioritized",
            "lowest-price", "price-capacity-optimized");
    private static final Set<String> ON_DEMAND_STRATEGIES = Set.of("lowest-price", "prioritized");

    /** The launch template (id, name, version as given) and the checked policy (null for a plain launch template). */
    record Checked(LaunchTemplateRef launchTemplate, MixedPolicySpec policy) {
    }

    private final LaunchTemplates templates;

    DesiredConfigurationCheck(LaunchTemplates templates) {
        this.templates = templates;
    }

    Checked check(LaunchTemplateRef spec, MixedPolicySpec policy) {
        LaunchTemplateRef top = specification(spec);
        return new Checked(top, policy == null ? null : policy(top, policy));
    }

    /**
     * {@code LaunchTemplateSpecification.LaunchTemplateId}/{@code LaunchTemplateName}: "Conditional: You must specify
     * either a LaunchTemplateId or a LaunchTemplateName"; {@code Version}: "The default value is $Default".
     */
    LaunchTemplateRef specification(LaunchTemplateRef d) {
        if (d.launchTemplateId() != null && d.launchTemplateName() != null) {
            throw AwsError.validation("Valid requests must contain either launchTemplateId or launchTemplateName, but not both.");
        }
        if (d.launchTemplateId() == null && d.launchTemplateName() == null) {
            throw AwsError.validation("Valid requests must contain either launchTemplateId or launchTemplateName.");
        }
        LaunchTemplates.Template t = (d.launchTemplateId() != null ? templates.byId(d.launchTemplateId())
                : templates.byName(d.launchTemplateName()))
                .orElseThrow(() -> AwsError.validation("You must use a valid fully-formed launch template. The specified launch template, "
                        + (d.launchTemplateId() != null ? "with template ID " + d.launchTemplateId() : "with template name " + d.launchTemplateName())
                        + ", does not exist."));
        String version = d.version() == null ? "$Default" : d.version();
        if (t.resolve(version).isEmpty()) {
            throw AwsError.validation("You must use a valid fully-formed launch template. The specified launch template version "
                    + version + " for launch template " + t.id + " does not exist.");
        }
        return new LaunchTemplateRef(t.id, t.name, version);
    }

    /** Checks a policy whose own launch template ({@code top}, by id) is already checked. */
    MixedPolicySpec policy(LaunchTemplateRef top, MixedPolicySpec policy) {
        List<InstanceOverride> overrides = new ArrayList<>();
        Set<String> templateIds = new LinkedHashSet<>(List.of(top.launchTemplateId()));
        long weighted = policy.overrides().stream().filter(o -> o.weightedCapacity() != null).count();
        // LaunchTemplateOverrides.WeightedCapacity: "If you specify a value for WeightedCapacity for one instance
        // type, you must specify a value for WeightedCapacity for all of them."
        if (weighted != 0 && weighted != policy.overrides().size()) {
            throw AwsError.validation("If you specify WeightedCapacity for one instance type, you must specify it for all of them.");
        }
        for (InstanceOverride o : policy.overrides()) {
            if (o.instanceType() == null || o.instanceType().isBlank()) {
                throw AwsError.validation("Each launch template override must specify an InstanceType.");
            }
            if (o.weightedCapacity() != null) {
                weight(o.weightedCapacity());
            }
            LaunchTemplateRef own = o.launchTemplate() == null ? null : specification(o.launchTemplate());
            if (own != null) {
                templateIds.add(own.launchTemplateId());
            }
            overrides.add(new InstanceOverride(o.instanceType(), o.weightedCapacity(), own));
        }
        // LaunchTemplateOverrides.InstanceType: "You can specify up to 40 instance types per Auto Scaling group."
        if (overrides.size() > 40) {
            throw AwsError.validation("You can specify up to 40 instance types per Auto Scaling group; got " + overrides.size() + ".");
        }
        // LaunchTemplateOverrides.LaunchTemplateSpecification: "You can specify up to 20 launch templates per Auto
        // Scaling group. The launch templates specified in the overrides and in the LaunchTemplate definition count
        // towards this limit."
        if (templateIds.size() > 20) {
            throw AwsError.validation("You can specify up to 20 launch templates per Auto Scaling group; got " + templateIds.size() + ".");
        }
        distribution(policy.distribution());
        return new MixedPolicySpec(overrides, policy.distribution());
    }

    /** {@code LaunchTemplateOverrides.WeightedCapacity}: "Value must be in the range of 1–999." */
    private static void weight(String value) {
        int w;
        try {
            w = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw AwsError.validation("WeightedCapacity must be a whole number from 1 to 999; got " + value + ".");
        }
        if (w < 1 || w > 999) {
            throw AwsError.validation("WeightedCapacity must be a whole number from 1 to 999; got " + value + ".");
        }
    }

    private static void distribution(InstancesDistribution d) {
        // OnDemandAllocationStrategy / SpotAllocationStrategy: "The following lists the valid values".
        if (d.onDemandAllocationStrategy() != null && !ON_DEMAND_STRATEGIES.contains(d.onDemandAllocationStrategy())) {
            throw AwsError.validation("OnDemandAllocationStrategy must be one of " + ON_DEMAND_STRATEGIES + "; got "
                    + d.onDemandAllocationStrategy() + ".");
        }
        if (d.spotAllocationStrategy() != null && !SPOT_STRATEGIES.contains(d.spotAllocationStrategy())) {
            throw AwsError.validation("SpotAllocationStrategy must be one of " + SPOT_STRATEGIES + "; got "
                    + d.spotAllocationStrategy() + ".");
        }
        // OnDemandBaseCapacity "Default: 0"; OnDemandPercentageAboveBaseCapacity is a percentage (the API
        // Reference, InstancesDistribution: valid range 0 to 100).
        if (d.onDemandBaseCapacity() != null && d.onDemandBaseCapacity() < 0) {
            throw AwsError.validation("OnDemandBaseCapacity must be 0 or more; got " + d.onDemandBaseCapacity() + ".");
        }
        Integer percent = d.onDemandPercentageAboveBaseCapacity();
        if (percent != null && (percent < 0 || percent > 100)) {
            throw AwsError.validation("OnDemandPercentageAboveBaseCapacity must be 0 to 100; got " + percent + ".");
        }
        // SpotInstancePools: "Valid only when the SpotAllocationStrategy is lowest-price. Value must be in the range
        // of 1–20."
        if (d.spotInstancePools() != null) {
            String strategy = d.spotAllocationStrategy() == null ? "lowest-price" : d.spotAllocationStrategy();
            if (!strategy.equals("lowest-price")) {
                throw AwsError.validation("SpotInstancePools is valid only when the SpotAllocationStrategy is lowest-price.");
            }
            if (d.spotInstancePools() < 1 || d.spotInstancePools() > 20) {
                throw AwsError.validation("SpotInstancePools must be 1 to 20; got " + d.spotInstancePools() + ".");
            }
        }
        // SpotMaxPrice: "Valid Range: Minimum value of 0.001"; an empty string removes a price set before.
        String price = d.spotMaxPrice();
        if (price != null && !price.isEmpty()) {
            BigDecimal p;
            try {
                p = new BigDecimal(price);
            } catch (NumberFormatException e) {
                throw AwsError.validation("SpotMaxPrice must be a price of at least 0.001; got " + price + ".");
            }
            if (p.compareTo(new BigDecimal("0.001")) < 0) {
                throw AwsError.validation("SpotMaxPrice must be a price of at least 0.001; got " + price + ".");
            }
        }
    }
}
