package dev.capstan.rollout.refresh;

import software.amazon.awssdk.services.autoscaling.model.InstancesDistribution;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplate;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateOverrides;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.MixedInstancesPolicy;

/**
 * Gives a group's mixed instances policy back with the new version wherever it names the deployed template: the
 * policy's own template and every override that names the same one (an override with its own template, "for
 * example, some instance types might require a launch template with a different AMI", would otherwise go on booting
 * the old image). What DescribeAutoScalingGroups reports is not always what StartInstanceRefresh accepts, so the
 * policy is cleaned of the combinations AWS refuses on write (botocore autoscaling 2011-01-01): a template named by
 * both id and name, and SpotInstancePools beside any Spot allocation strategy but lowest-price ("Valid only when the
 * SpotAllocationStrategy is lowest-price").
 */
final class MixedPolicyRewriter {
    private MixedPolicyRewriter() {
    }

    static MixedInstancesPolicy withVersion(MixedInstancesPolicy policy, String templateId, String templateName,
                                            long version) {
        LaunchTemplate lt = policy.launchTemplate();
        LaunchTemplate.Builder rewritten = lt.toBuilder()
                .launchTemplateSpecification(numbered(templateId, version))
                .overrides(lt.overrides().stream().map(o -> override(o, templateId, templateName, version)).toList());
        return policy.toBuilder()
                .launchTemplate(rewritten.build())
                .instancesDistribution(distribution(policy.instancesDistribution()))
                .build();
    }

    private static LaunchTemplateOverrides override(LaunchTemplateOverrides o, String templateId, String templateName,
                                                    long version) {
        LaunchTemplateSpecification spec = o.launchTemplateSpecification();
        if (spec == null) {
            return o;
        }
        boolean same = templateId.equals(spec.launchTemplateId())
                || (spec.launchTemplateId() == null && templateName.equals(spec.launchTemplateName()));
        return o.toBuilder().launchTemplateSpecification(same ? numbered(templateId, version) : oneName(spec)).build();
    }

    private static LaunchTemplateSpecification numbered(String templateId, long version) {
        return LaunchTemplateSpecification.builder().launchTemplateId(templateId).version(Long.toString(version)).build();
    }

    /** "You must specify either a LaunchTemplateId or a LaunchTemplateName": the id wins when both are reported. */
    private static LaunchTemplateSpecification oneName(LaunchTemplateSpecification spec) {
        return spec.launchTemplateId() == null ? spec : spec.toBuilder().launchTemplateName(null).build();
    }

    private static InstancesDistribution distribution(InstancesDistribution d) {
        if (d == null || d.spotInstancePools() == null || "lowest-price".equals(d.spotAllocationStrategy())) {
            return d;
        }
        return d.toBuilder().spotInstancePools(null).build();
    }
}
