package dev.capstan.standin;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.InstancesDistribution;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateOverrides;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What DescribeAutoScalingGroups reports of a group's tags, maintenance policy, load balancing and mixed policy. */
class GroupDescriptionTest {

    @RegisterExtension
    static final RefreshWorld AWS = RefreshWorld.forGroup("web");
    private static final AwsStandIn standIn = AWS.standIn();
    private static final AutoScalingClient asg = AWS.autoScaling();

    @BeforeEach
    void armTemplate() {
        standIn.ec2().createLaunchTemplate("capstan-arm", "#!/bin/bash\n");
    }

    private static AutoScalingGroup describe(String name) {
        return asg.describeAutoScalingGroups(r -> r.autoScalingGroupNames(name)).autoScalingGroups().get(0);
    }

    @Test
    void tagsAreReportedAsTagDescriptionsOfTheGroup() {
        standIn.autoScaling().createGroup(GroupSpec.named("web").launchTemplate("capstan", "1")
                .tag("capstan:last-good-parameter", "/capstan/production/last-good-image")
                .tag("Name", "capstan", true));

        assertThat(describe("web").tags()).extracting(TagDescription::resourceId, TagDescription::resourceType,
                        TagDescription::key, TagDescription::value, TagDescription::propagateAtLaunch)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("web", "auto-scaling-group", "capstan:last-good-parameter",
                                "/capstan/production/last-good-image", false),
                        org.assertj.core.groups.Tuple.tuple("web", "auto-scaling-group", "Name", "capstan", true));
        assertThat(standIn.autoScaling().group("web").tags())
                .containsEntry("capstan:last-good-parameter", "/capstan/production/last-good-image");
    }

    @Test
    void aGroupWithoutTagsOrPolicyReportsNoneAndEc2HealthChecks() {
        standIn.autoScaling().createGroup(GroupSpec.named("web").launchTemplate("capstan", "1"));
        AutoScalingGroup g = describe("web");
        assertThat(g.tags()).isEmpty();
        assertThat(g.instanceMaintenancePolicy()).isNull();
        assertThat(g.healthCheckType()).isEqualTo("EC2");
        assertThat(g.targetGroupARNs()).isEmpty();
        assertThat(g.trafficSources()).isEmpty();
    }

    @Test
    void theInstanceMaintenancePolicyIsReported() {
        standIn.autoScaling().createGroup(GroupSpec.named("web").launchTemplate("capstan", "1")
                .instanceMaintenancePolicy(100, 110));
        assertThat(describe("web").instanceMaintenancePolicy().minHealthyPercentage()).isEqualTo(100);
        assertThat(describe("web").instanceMaintenancePolicy().maxHealthyPercentage()).isEqualTo(110);
        assertThatThrownBy(() -> GroupSpec.named("bad").instanceMaintenancePolicy(50, 160))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be greater than 100");
    }

    @Test
    void aGroupBehindALoadBalancerReportsElbHealthChecksAndItsTargetGroup() {
        standIn.autoScaling().createGroup(GroupSpec.named("web").launchTemplate("capstan", "1")
                .elb(Duration.ofSeconds(5), 2, Duration.ofSeconds(15)));
        AutoScalingGroup g = describe("web");
        assertThat(g.healthCheckType()).isEqualTo("ELB");
        assertThat(g.targetGroupARNs()).singleElement().asString()
                .matches("arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/[0-9a-f]{16}");
        assertThat(g.trafficSources()).singleElement().satisfies(t -> {
            assertThat(t.identifier()).isEqualTo(g.targetGroupARNs().get(0));
            assertThat(t.type()).isEqualTo("elbv2");
        });
        assertThat(standIn.autoScaling().group("web").instances())
                .allSatisfy(i -> assertThat(i.targetHealth()).isEqualTo("healthy"));
    }

    @Test
    void aMixedInstancesPolicyIsReportedWholeWithEachTemplateByIdAndName() {
        String armId = standIn.ec2().launchTemplate("capstan-arm").id();
        standIn.autoScaling().createGroup(GroupSpec.named("web").launchTemplate("capstan", "1").capacity(2)
                .mixedInstancesPolicy(MixedPolicySpec.instanceTypes("t3.small", "t3a.small")
                        .override("t4g.small", new LaunchTemplateRef(null, "capstan-arm", "1"))
                        .onDemandBaseCapacity(1).onDemandPercentageAboveBaseCapacity(50)
                        .spotAllocationStrategy("price-capacity-optimized")));

        AutoScalingGroup g = describe("web");
        assertThat(g.launchTemplate()).isNull();
        var lt = g.mixedInstancesPolicy().launchTemplate();
        assertThat(lt.launchTemplateSpecification().launchTemplateName()).isEqualTo("capstan");
        assertThat(lt.launchTemplateSpecification().launchTemplateId()).isEqualTo(standIn.ec2().launchTemplate("capstan").id());
        assertThat(lt.overrides()).extracting(LaunchTemplateOverrides::instanceType)
                .containsExactly("t3.small", "t3a.small", "t4g.small");
        assertThat(lt.overrides().get(2).launchTemplateSpecification().launchTemplateId()).isEqualTo(armId);
        assertThat(lt.overrides().get(2).launchTemplateSpecification().launchTemplateName()).isEqualTo("capstan-arm");
        assertThat(lt.overrides().get(0).launchTemplateSpecification()).isNull();
        InstancesDistribution d = g.mixedInstancesPolicy().instancesDistribution();
        assertThat(List.of(d.onDemandAllocationStrategy(), d.spotAllocationStrategy()))
                .containsExactly("prioritized", "price-capacity-optimized");
        assertThat(List.of(d.onDemandBaseCapacity(), d.onDemandPercentageAboveBaseCapacity())).containsExactly(1, 50);
        assertThat(d.spotInstancePools()).isNull();
        assertThat(g.instances()).allSatisfy(i -> assertThat(i.instanceType()).isEqualTo("t3.small"));
    }

    @Test
    void theBooleanMixedPolicyReportsAwsDefaultDistribution() {
        standIn.autoScaling().createGroup(GroupSpec.named("web").launchTemplate("capstan", "1").mixedInstancesPolicy(true));
        InstancesDistribution d = describe("web").mixedInstancesPolicy().instancesDistribution();
        assertThat(List.of(d.onDemandAllocationStrategy(), d.spotAllocationStrategy()))
                .containsExactly("prioritized", "lowest-price");
        assertThat(List.of(d.onDemandBaseCapacity(), d.onDemandPercentageAboveBaseCapacity(), d.spotInstancePools()))
                .containsExactly(0, 100, 2);
    }
}
