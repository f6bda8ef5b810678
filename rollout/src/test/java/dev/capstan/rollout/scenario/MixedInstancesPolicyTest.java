package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.standin.GroupSpec;
import dev.capstan.standin.InstanceView;
import dev.capstan.standin.LaunchTemplateRef;
import dev.capstan.standin.MixedPolicySpec;
import dev.capstan.standin.RecordedCall;
import dev.capstan.standin.TemplateSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A realistic mixed instances policy: several instance types, Spot above an On-Demand base, and overrides that name a
 * launch template of their own, one of them this very template. DescribeAutoScalingGroups reports every template by
 * id and by name, which StartInstanceRefresh refuses, so the deploy must send the policy back in the form AWS accepts,
 * with the new version wherever the policy names the deployed template.
 */
class MixedInstancesPolicyTest extends Scenario {
    private static final String ARM_TEMPLATE = "capstan-web-arm";
    private static final String PREFIX = "DesiredConfiguration.MixedInstancesPolicy.LaunchTemplate.";

    @BeforeEach
    void aGroupWithARealisticPolicy() {
        STAND_IN.reset();
        STAND_IN.ecr().putImage(REPOSITORY, NEW_TAG, NEW_DIGEST);
        STAND_IN.ec2().createLaunchTemplate(TemplateSpec.named(TEMPLATE).userData("#!/bin/bash\n")
                .versionDescription("image capstan:" + OLD_TAG + " " + OLD_DIGEST));
        STAND_IN.ec2().createLaunchTemplate(TemplateSpec.named(ARM_TEMPLATE).userData("#!/bin/bash\n").imageId("ami-0123456789abcdef1"));
        MixedPolicySpec policy = MixedPolicySpec.instanceTypes("t3.small", "t3a.small")
                .override("c6i.large", new LaunchTemplateRef(null, TEMPLATE, "1"))
                .override("m6g.medium", new LaunchTemplateRef(null, ARM_TEMPLATE, "1"))
                .onDemandBaseCapacity(1).onDemandPercentageAboveBaseCapacity(50)
                .spotAllocationStrategy("price-capacity-optimized");
        STAND_IN.autoScaling().createGroup(tagged(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "1").capacity(3)
                .mixedInstancesPolicy(policy)));
        recordLastGood(OLD_TAG, OLD_DIGEST);
    }

    @Test
    void theNewVersionGoesWhereverThePolicyNamesThisTemplateAndNowhereElse() {
        Result result = deploy();

        assertThat(result.exitCode()).as(result.all()).isZero();
        RecordedCall start = STAND_IN.calls("StartInstanceRefresh").get(0);
        String templateId = STAND_IN.ec2().launchTemplate(TEMPLATE).id();
        String armId = STAND_IN.ec2().launchTemplate(ARM_TEMPLATE).id();
        assertThat(start.param(PREFIX + "LaunchTemplateSpecification.LaunchTemplateId")).isEqualTo(templateId);
        assertThat(start.param(PREFIX + "LaunchTemplateSpecification.Version")).isEqualTo("2");
        assertThat(start.param(PREFIX + "Overrides.member.3.InstanceType")).isEqualTo("c6i.large");
        assertThat(start.param(PREFIX + "Overrides.member.3.LaunchTemplateSpecification.LaunchTemplateId")).isEqualTo(templateId);
        assertThat(start.param(PREFIX + "Overrides.member.3.LaunchTemplateSpecification.Version")).isEqualTo("2");
        assertThat(start.param(PREFIX + "Overrides.member.4.LaunchTemplateSpecification.LaunchTemplateId")).isEqualTo(armId);
        assertThat(start.param(PREFIX + "Overrides.member.4.LaunchTemplateSpecification.Version")).isEqualTo("1");
        assertThat(start.params().keySet()).as("a template is named by id or by name, never both")
                .noneMatch(k -> k.endsWith("LaunchTemplateSpecification.LaunchTemplateName"));
        assertThat(start.param("DesiredConfiguration.MixedInstancesPolicy.InstancesDistribution.OnDemandBaseCapacity")).isEqualTo("1");
        assertThat(start.param("DesiredConfiguration.MixedInstancesPolicy.InstancesDistribution.SpotAllocationStrategy"))
                .isEqualTo("price-capacity-optimized");
    }

    @Test
    void afterSuccessTheGroupKeepsItsPolicyWithTheNewVersion() {
        assertThat(deploy().exitCode()).isZero();

        var group = STAND_IN.autoScaling().group(GROUP);
        assertThat(group.mixedInstancesPolicy()).isTrue();
        assertThat(group.launchTemplate().version()).isEqualTo("2");
        assertThat(group.mixedPolicy().overrides()).extracting(o -> o.instanceType() + "=" + (o.launchTemplate() == null
                ? "-" : o.launchTemplate().version())).containsExactly("t3.small=-", "t3a.small=-", "c6i.large=2", "m6g.medium=1");
        assertThat(group.mixedPolicy().distribution().onDemandPercentageAboveBaseCapacity()).isEqualTo(50);
        String templateId = STAND_IN.ec2().launchTemplate(TEMPLATE).id();
        assertThat(group.inServiceInstances()).filteredOn(i -> templateId.equals(i.launchTemplate().launchTemplateId()))
                .isNotEmpty().extracting(InstanceView::launchTemplateVersion).containsOnly("2");
    }
}
