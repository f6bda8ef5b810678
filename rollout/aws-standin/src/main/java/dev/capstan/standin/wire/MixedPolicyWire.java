package dev.capstan.standin.wire;

import dev.capstan.standin.AwsError;
import dev.capstan.standin.LaunchTemplateRef;
import dev.capstan.standin.MixedPolicySpec;
import dev.capstan.standin.MixedPolicySpec.InstanceOverride;
import dev.capstan.standin.MixedPolicySpec.InstancesDistribution;

import java.util.List;

/** A MixedInstancesPolicy on the Auto Scaling Query wire: read from a request, written into an answer. */
final class MixedPolicyWire {

    private MixedPolicyWire() {
    }

    /** The launch template at {@code prefix.LaunchTemplate.LaunchTemplateSpecification}. */
    static LaunchTemplateRef launchTemplate(QueryParams q, String prefix) {
        return spec(q, prefix + ".LaunchTemplate.LaunchTemplateSpecification.");
    }

    /** The rest of the policy at {@code prefix}: overrides and instances distribution. */
    static MixedPolicySpec read(QueryParams q, String prefix) {
        List<InstanceOverride> overrides = q.list(prefix + ".LaunchTemplate.Overrides.member", p -> {
            if (q.has(p + ".InstanceRequirements")) {
                // LaunchTemplateOverrides.InstanceRequirements: "If you specify InstanceRequirements, you can't
                // specify InstanceType." Attribute-based selection itself is not modelled.
                throw AwsError.validation(q.has(p + ".InstanceType")
                        ? "If you specify InstanceRequirements, you can't specify InstanceType."
                        : "The stand-in does not model InstanceRequirements; name instance types instead.");
            }
            LaunchTemplateRef own = q.has(p + ".LaunchTemplateSpecification") ? spec(q, p + ".LaunchTemplateSpecification.") : null;
            return new InstanceOverride(q.get(p + ".InstanceType"), q.get(p + ".WeightedCapacity"), own);
        });
        String d = prefix + ".InstancesDistribution.";
        InstancesDistribution distribution = new InstancesDistribution(q.get(d + "OnDemandAllocationStrategy"),
                q.integer(d + "OnDemandBaseCapacity"), q.integer(d + "OnDemandPercentageAboveBaseCapacity"),
                q.get(d + "SpotAllocationStrategy"), q.integer(d + "SpotInstancePools"), q.get(d + "SpotMaxPrice"));
        return new MixedPolicySpec(overrides == null ? List.of() : overrides, distribution);
    }

    static LaunchTemplateRef spec(QueryParams q, String prefix) {
        return new LaunchTemplateRef(q.get(prefix + "LaunchTemplateId"), q.get(prefix + "LaunchTemplateName"),
                q.get(prefix + "Version"));
    }

    /**
     * {@code <MixedInstancesPolicy>}: the launch template, every override with its own launch template (id and
     * name), and the instances distribution with AWS's defaults filled in when {@code filled}.
     */
    static void write(Xml xml, LaunchTemplateRef launchTemplate, MixedPolicySpec policy, boolean filled) {
        xml.start("MixedInstancesPolicy").start("LaunchTemplate");
        AutoScalingApi.writeSpec("LaunchTemplateSpecification", launchTemplate, xml);
        xml.start("Overrides");
        for (InstanceOverride o : policy.overrides()) {
            xml.start("member").leaf("InstanceType", o.instanceType()).leaf("WeightedCapacity", o.weightedCapacity());
            AutoScalingApi.writeSpec("LaunchTemplateSpecification", o.launchTemplate(), xml);
            xml.end();
        }
        xml.end().end();
        InstancesDistribution d = filled ? policy.effectiveDistribution() : policy.distribution();
        xml.start("InstancesDistribution").leaf("OnDemandAllocationStrategy", d.onDemandAllocationStrategy())
                .leaf("OnDemandBaseCapacity", d.onDemandBaseCapacity())
                .leaf("OnDemandPercentageAboveBaseCapacity", d.onDemandPercentageAboveBaseCapacity())
                .leaf("SpotAllocationStrategy", d.spotAllocationStrategy())
                .leaf("SpotInstancePools", d.spotInstancePools()).leaf("SpotMaxPrice", d.spotMaxPrice()).end();
        xml.end();
    }
}
