package dev.capstan.standin;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingInstanceDetails;
import software.amazon.awssdk.services.autoscaling.model.DescribeInstanceRefreshesResponse;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.LifecycleHook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutoScalingApiTest {

    @RegisterExtension
    static final FreshStandIn AWS = new FreshStandIn();
    private static final AwsStandIn standIn = AWS.standIn();
    private static final AutoScalingClient asg = AWS.autoScaling();

    @BeforeEach
    void world() {
        standIn.ec2().createLaunchTemplate("capstan", "#!/bin/bash\n");
        standIn.autoScaling().createGroup(GroupSpec.named("web").launchTemplate("capstan", "1").capacity(2, 4, 8)
                .availabilityZones("eu-west-1a", "eu-west-1b").launchHook("web-launch"));
    }


    @Test
    void groupsCarryTheirLaunchTemplateAndInstances() {
        AutoScalingGroup g = asg.describeAutoScalingGroups(r -> r.autoScalingGroupNames("web")).autoScalingGroups().get(0);
        String templateId = standIn.ec2().launchTemplate("capstan").id();
        assertThat(g.autoScalingGroupName()).isEqualTo("web");
        assertThat(g.autoScalingGroupARN()).startsWith("arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:")
                .endsWith(":autoScalingGroupName/web");
        assertThat(g.launchTemplate().launchTemplateId()).isEqualTo(templateId);
        assertThat(g.launchTemplate().launchTemplateName()).isEqualTo("capstan");
        assertThat(g.launchTemplate().version()).isEqualTo("1");
        assertThat(g.mixedInstancesPolicy()).isNull();
        assertThat(List.of(g.minSize(), g.desiredCapacity(), g.maxSize())).containsExactly(2, 4, 8);
        assertThat(g.availabilityZones()).containsExactly("eu-west-1a", "eu-west-1b");
        assertThat(g.createdTime()).isNotNull();
        assertThat(g.instances()).hasSize(4).allSatisfy(i -> {
            assertThat(i.instanceId()).matches("i-[0-9a-f]{17}");
            assertThat(i.lifecycleStateAsString()).isEqualTo("InService");
            assertThat(i.healthStatus()).isEqualTo("Healthy");
            assertThat(i.launchTemplate().launchTemplateId()).isEqualTo(templateId);
            assertThat(i.launchTemplate().version()).isEqualTo("1");
            assertThat(i.protectedFromScaleIn()).isFalse();
        });
        assertThat(g.instances()).extracting(Instance::availabilityZone)
                .containsExactlyInAnyOrder("eu-west-1a", "eu-west-1a", "eu-west-1b", "eu-west-1b");
    }

    @Test
    void aMixedInstancesPolicyGroupReportsItsTemplateInsideThePolicy() {
        standIn.autoScaling().createGroup(GroupSpec.named("mixed").launchTemplate("capstan", "$Default")
                .mixedInstancesPolicy(true).capacity(1));
        AutoScalingGroup g = asg.describeAutoScalingGroups(r -> r.autoScalingGroupNames("mixed")).autoScalingGroups().get(0);
        assertThat(g.launchTemplate()).isNull();
        assertThat(g.mixedInstancesPolicy().launchTemplate().launchTemplateSpecification().version()).isEqualTo("$Default");
        assertThat(g.instances().get(0).launchTemplate().version()).isEqualTo("1");
    }

    @Test
    void groupsPaginateAndAnUnknownNameIsJustAbsent() {
        for (int n = 1; n <= 4; n++) {
            standIn.autoScaling().createGroup(GroupSpec.named("g" + n).launchTemplate("capstan", "1").capacity(1));
        }
        List<String> names = new ArrayList<>();
        asg.describeAutoScalingGroupsPaginator(r -> r.maxRecords(2)).autoScalingGroups()
                .forEach(g -> names.add(g.autoScalingGroupName()));
        assertThat(names).containsExactly("web", "g1", "g2", "g3", "g4");
        assertThat(standIn.calls("DescribeAutoScalingGroups")).hasSize(3);
        assertThat(asg.describeAutoScalingGroups(r -> r.autoScalingGroupNames("nope")).autoScalingGroups()).isEmpty();
        assertThatThrownBy(() -> asg.describeAutoScalingGroups(r -> r.nextToken("garbage")))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("InvalidNextToken"));
        assertThatThrownBy(() -> asg.describeAutoScalingGroups(r -> r.maxRecords(101)))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ValidationError"));
    }

    @Test
    void refreshesAreListedNewestFirstAndPaginate() {
        List<String> started = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            started.add(asg.startInstanceRefresh(r -> r.autoScalingGroupName("web")
                    .preferences(p -> p.skipMatching(true))).instanceRefreshId());
            standIn.clock().advance(Duration.ofSeconds(10));
        }
        List<String> listed = new ArrayList<>();
        asg.describeInstanceRefreshesPaginator(r -> r.autoScalingGroupName("web").maxRecords(2))
                .stream().forEach(page -> page.instanceRefreshes().forEach(r -> listed.add(r.instanceRefreshId())));
        assertThat(listed).containsExactly(started.get(2), started.get(1), started.get(0));

        DescribeInstanceRefreshesResponse one = asg.describeInstanceRefreshes(r -> r.autoScalingGroupName("web")
                .instanceRefreshIds(started.get(1)));
        assertThat(one.instanceRefreshes()).extracting(InstanceRefresh::instanceRefreshId).containsExactly(started.get(1));
        assertThat(one.instanceRefreshes().get(0).statusAsString()).isEqualTo("Successful");
        assertThat(one.instanceRefreshes().get(0).desiredConfiguration()).isNull();
    }

    @Test
    void refreshReportsItsPreferencesWithDefaultsFilledIn() {
        String id = asg.startInstanceRefresh(r -> r.autoScalingGroupName("web")
                .desiredConfiguration(d -> d.launchTemplate(t -> t.launchTemplateName("capstan").version("1")))
                .preferences(p -> p.minHealthyPercentage(90).maxHealthyPercentage(120).instanceWarmup(45)
                        .checkpointPercentages(50, 100).checkpointDelay(300).skipMatching(false).autoRollback(true)
                        .alarmSpecification(a -> a.alarms("capstan-5xx")).scaleInProtectedInstances("Ignore")
                        .standbyInstances("Terminate").bakeTime(120))).instanceRefreshId();
        InstanceRefresh r = asg.describeInstanceRefreshes(d -> d.autoScalingGroupName("web")).instanceRefreshes().get(0);
        assertThat(r.instanceRefreshId()).isEqualTo(id);
        assertThat(r.statusAsString()).isEqualTo("Pending");
        assertThat(r.strategyAsString()).isEqualTo("Rolling");
        var p = r.preferences();
        assertThat(List.of(p.minHealthyPercentage(), p.maxHealthyPercentage(), p.instanceWarmup(), p.checkpointDelay(),
                p.bakeTime())).containsExactly(90, 120, 45, 300, 120);
        assertThat(p.checkpointPercentages()).containsExactly(50, 100);
        assertThat(p.autoRollback()).isTrue();
        assertThat(p.skipMatching()).isFalse();
        assertThat(p.alarmSpecification().alarms()).containsExactly("capstan-5xx");
        assertThat(p.scaleInProtectedInstancesAsString()).isEqualTo("Ignore");
        assertThat(p.standbyInstancesAsString()).isEqualTo("Terminate");
        assertThat(r.progressDetails().livePoolProgress().instancesToUpdate()).isEqualTo(0);

        standIn.clock().advance(Duration.ofSeconds(6));
        InstanceRefresh running = asg.describeInstanceRefreshes(d -> d.autoScalingGroupName("web")).instanceRefreshes().get(0);
        assertThat(running.statusAsString()).isEqualTo("InProgress");
        assertThat(running.instancesToUpdate()).isEqualTo(4);
        assertThat(running.progressDetails().livePoolProgress().instancesToUpdate()).isEqualTo(4);
        assertThat(standIn.autoScaling().latestRefresh("web").orElseThrow().preferences().alarms())
                .containsExactly("capstan-5xx");
    }

    @Test
    void autoScalingInstancesAndLifecycleHooksAreDescribed() {
        List<String> ids = standIn.autoScaling().group("web").instances().stream().map(InstanceView::instanceId).toList();
        List<AutoScalingInstanceDetails> all = asg.describeAutoScalingInstances(r -> r.maxRecords(50)).autoScalingInstances();
        assertThat(all).extracting(AutoScalingInstanceDetails::instanceId).containsExactlyElementsOf(ids);
        AutoScalingInstanceDetails one = asg.describeAutoScalingInstances(r -> r.instanceIds(ids.get(2)))
                .autoScalingInstances().get(0);
        assertThat(one.autoScalingGroupName()).isEqualTo("web");
        assertThat(one.lifecycleState()).isEqualTo("InService");
        assertThat(one.healthStatus()).isEqualTo("HEALTHY");
        assertThat(one.launchTemplate().version()).isEqualTo("1");

        LifecycleHook hook = asg.describeLifecycleHooks(r -> r.autoScalingGroupName("web")).lifecycleHooks().get(0);
        assertThat(hook.lifecycleHookName()).isEqualTo("web-launch");
        assertThat(hook.lifecycleTransition()).isEqualTo("autoscaling:EC2_INSTANCE_LAUNCHING");
        assertThat(hook.heartbeatTimeout()).isEqualTo(3600);
        assertThat(hook.defaultResult()).isEqualTo("ABANDON");
        assertThat(asg.describeLifecycleHooks(r -> r.autoScalingGroupName("web").lifecycleHookNames("other"))
                .lifecycleHooks()).isEmpty();
    }

    @Test
    void operationsOnAMissingGroupAreValidationErrors() {
        assertThatThrownBy(() -> asg.startInstanceRefresh(r -> r.autoScalingGroupName("nope")))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> asg.describeLifecycleHooks(r -> r.autoScalingGroupName("nope")))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> asg.completeLifecycleAction(r -> r.autoScalingGroupName("web")
                .lifecycleHookName("other").instanceId("i-0123").lifecycleActionResult("CONTINUE")))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ValidationError"))
                .hasMessageContaining("No Lifecycle Hook found");
    }
}
