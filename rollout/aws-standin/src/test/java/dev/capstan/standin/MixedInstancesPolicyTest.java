package dev.capstan.standin;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshStatus;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateOverrides;
import software.amazon.awssdk.services.autoscaling.model.MixedInstancesPolicy;
import software.amazon.awssdk.services.autoscaling.model.StartInstanceRefreshRequest;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A refresh whose desired configuration is a mixed instances policy: checked as AWS checks it, then applied. */
class MixedInstancesPolicyTest {

    private static final String GROUP = "web";

    @RegisterExtension
    static final RefreshWorld AWS = RefreshWorld.forGroup(GROUP);
    private static final AwsStandIn standIn = AWS.standIn();
    private static final AutoScalingClient asg = AWS.autoScaling();

    @BeforeEach
    void world() {
        standIn.ec2().createLaunchTemplate("capstan-arm", "#!/bin/bash\n");
        standIn.autoScaling().createGroup(GroupSpec.named(GROUP).launchTemplate("capstan", "1").capacity(2)
                .mixedInstancesPolicy(MixedPolicySpec.instanceTypes("t3.small")));
    }

    private static String start(Consumer<MixedInstancesPolicy.Builder> policy) {
        return asg.startInstanceRefresh(StartInstanceRefreshRequest.builder().autoScalingGroupName(GROUP)
                .desiredConfiguration(d -> d.mixedInstancesPolicy(policy))
                .preferences(p -> p.minHealthyPercentage(50).instanceWarmup(0)).build()).instanceRefreshId();
    }

    private static Consumer<MixedInstancesPolicy.Builder> policy(Consumer<LaunchTemplateOverrides.Builder>... overrides) {
        return m -> m.launchTemplate(lt -> lt.launchTemplateSpecification(s -> s.launchTemplateName("capstan").version("2"))
                        .overrides(List.of(overrides).stream()
                                .map(o -> LaunchTemplateOverrides.builder().applyMutation(o).build()).toList()))
                .instancesDistribution(d -> d.onDemandBaseCapacity(1).onDemandPercentageAboveBaseCapacity(0)
                        .spotAllocationStrategy("price-capacity-optimized"));
    }

    /** One t3.small override and this distribution. */
    @SuppressWarnings("unchecked")
    private static Consumer<MixedInstancesPolicy.Builder> withDistribution(
            Consumer<software.amazon.awssdk.services.autoscaling.model.InstancesDistribution.Builder> distribution) {
        return m -> {
            policy(o -> o.instanceType("t3.small")).accept(m);
            m.instancesDistribution(distribution);
        };
    }

    @Test
    @SuppressWarnings("unchecked")
    void onSuccessTheGroupTakesTheDesiredPolicy() {
        String id = start(policy(o -> o.instanceType("t3a.small"),
                o -> o.instanceType("t4g.small").launchTemplateSpecification(s -> s.launchTemplateName("capstan-arm").version("1"))));

        assertThat(AWS.describe(id).desiredConfiguration().mixedInstancesPolicy().launchTemplate().overrides())
                .extracting(LaunchTemplateOverrides::instanceType).containsExactly("t3a.small", "t4g.small");
        assertThat(AWS.runToEnd(id, Duration.ofSeconds(5), Duration.ofMinutes(15)).status())
                .isEqualTo(InstanceRefreshStatus.SUCCESSFUL);

        var group = asg.describeAutoScalingGroups(r -> r.autoScalingGroupNames(GROUP)).autoScalingGroups().get(0);
        var lt = group.mixedInstancesPolicy().launchTemplate();
        assertThat(lt.launchTemplateSpecification().version()).isEqualTo("2");
        assertThat(lt.overrides()).extracting(LaunchTemplateOverrides::instanceType).containsExactly("t3a.small", "t4g.small");
        assertThat(lt.overrides().get(1).launchTemplateSpecification().launchTemplateId())
                .isEqualTo(standIn.ec2().launchTemplate("capstan-arm").id());
        assertThat(group.mixedInstancesPolicy().instancesDistribution().onDemandPercentageAboveBaseCapacity()).isZero();
        assertThat(group.instances()).allSatisfy(i -> {
            assertThat(i.instanceType()).isEqualTo("t3a.small");
            assertThat(i.launchTemplate().version()).isEqualTo("2");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPolicyThatBreaksAwsWriteRulesIsRefusedAndStartsNothing() {
        List<Consumer<MixedInstancesPolicy.Builder>> invalid = List.of(
                // A launch template named by id and by name.
                m -> m.launchTemplate(lt -> lt.launchTemplateSpecification(s -> s.launchTemplateName("capstan")
                        .launchTemplateId(standIn.ec2().launchTemplate("capstan").id()).version("2"))
                        .overrides(o -> o.instanceType("t3.small"))),
                policy(o -> o.instanceType("t3.small").launchTemplateSpecification(s -> s.launchTemplateName("capstan-arm")
                        .launchTemplateId(standIn.ec2().launchTemplate("capstan-arm").id()))),
                policy(o -> o.instanceType("t3.small").launchTemplateSpecification(s -> s.launchTemplateName("nope"))),
                policy(o -> o.instanceType("t3.small").weightedCapacity("2"), o -> o.instanceType("t3a.small")),
                policy(o -> o.instanceType("t3.small").weightedCapacity("1000")),
                policy(o -> o.instanceType("t3.small").instanceRequirements(r -> r.vCpuCount(v -> v.min(2)).memoryMiB(v -> v.min(2048)))),
                withDistribution(d -> d.spotAllocationStrategy("cheapest")),
                withDistribution(d -> d.onDemandPercentageAboveBaseCapacity(101)),
                withDistribution(d -> d.spotAllocationStrategy("price-capacity-optimized").spotInstancePools(3)));
        for (Consumer<MixedInstancesPolicy.Builder> p : invalid) {
            assertThatThrownBy(() -> start(p)).satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ValidationError"));
        }
        assertThat(standIn.autoScaling().refreshes(GROUP)).isEmpty();
    }

    @Test
    void moreThan40InstanceTypesAreRefused() {
        String[] types = new String[41];
        for (int n = 0; n < types.length; n++) {
            types[n] = "t3.type" + n;
        }
        assertThatThrownBy(() -> start(m -> m.launchTemplate(lt -> lt
                .launchTemplateSpecification(s -> s.launchTemplateName("capstan").version("2"))
                .overrides(java.util.Arrays.stream(types).map(t -> LaunchTemplateOverrides.builder().instanceType(t).build()).toList()))))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ValidationError"))
                .hasMessageContaining("40");
    }
}
