package dev.capstan.standin;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshStatus;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Standby instances in a group and in its refreshes (StandbyInstances Wait, Ignore, Terminate). */
class StandbyInstancesTest {

    private static final String GROUP = "web";
    private static final String STANDBY = "i-0000000000000c003";

    @RegisterExtension
    static final RefreshWorld AWS = RefreshWorld.forGroup(GROUP);
    private static final AwsStandIn standIn = AWS.standIn();
    private static final AutoScalingClient asg = AWS.autoScaling();

    @BeforeEach
    void groupWithOneInstanceInStandby() {
        standIn.autoScaling().createGroup(GroupSpec.named(GROUP).launchTemplate("capstan", "1")
                .instance(InstanceSpec.inService("i-0000000000000c001", "eu-west-1a"))
                .instance(InstanceSpec.inService("i-0000000000000c002", "eu-west-1b"))
                .instance(InstanceSpec.inStandby(STANDBY, "eu-west-1a")));
    }

    private String start(String standbyInstances) {
        return AWS.start("2", p -> {
            p.minHealthyPercentage(50).instanceWarmup(0);
            if (standbyInstances != null) {
                p.standbyInstances(standbyInstances);
            }
        });
    }

    @Test
    void aStandbyInstanceIsReportedAndDoesNotCountTowardTheDesiredCapacity() {
        standIn.clock().advance(Duration.ofMinutes(5));
        GroupView g = standIn.autoScaling().group(GROUP);
        assertThat(g.desiredCapacity()).isEqualTo(2);
        assertThat(g.instances()).hasSize(3);
        assertThat(g.instance(STANDBY)).get().extracting(InstanceView::lifecycleState).isEqualTo("Standby");
        assertThat(asg.describeAutoScalingGroups(r -> r.autoScalingGroupNames(GROUP)).autoScalingGroups().get(0)
                .instances()).anySatisfy(i -> assertThat(i.lifecycleStateAsString()).isEqualTo("Standby"));
    }

    @Test
    void byDefaultTheRefreshReplacesTheOthersThenWaitsAnHourForStandbyInstancesAndFails() {
        String id = start(null);

        InstanceRefresh waiting = AWS.runUntil(id, r -> r.statusReason() != null
                && r.statusReason().contains("Standby"), Duration.ofSeconds(5), Duration.ofMinutes(15));
        assertThat(waiting.status()).isEqualTo(InstanceRefreshStatus.IN_PROGRESS);
        assertThat(waiting.statusReason()).contains(STANDBY).contains("one hour");
        standIn.clock().advance(Duration.ofMinutes(59));
        assertThat(AWS.describe(id).status()).isEqualTo(InstanceRefreshStatus.IN_PROGRESS);

        InstanceRefresh failed = AWS.runToEnd(id, Duration.ofSeconds(30), Duration.ofMinutes(5));
        assertThat(failed.status()).isEqualTo(InstanceRefreshStatus.FAILED);
        assertThat(failed.statusReason()).contains("Standby").contains(STANDBY);
        assertThat(failed.percentageComplete()).isEqualTo(66);
        assertThat(standIn.autoScaling().group(GROUP).instance(STANDBY)).get()
                .extracting(InstanceView::lifecycleState).isEqualTo("Standby");
    }

    @Test
    void ignoreLeavesStandbyInstancesAloneAndSucceeds() {
        String id = start("Ignore");
        InstanceRefresh done = AWS.runToEnd(id, Duration.ofSeconds(5), Duration.ofMinutes(15));
        assertThat(done.status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
        GroupView g = standIn.autoScaling().group(GROUP);
        assertThat(g.instance(STANDBY)).get().satisfies(i -> {
            assertThat(i.lifecycleState()).isEqualTo("Standby");
            assertThat(i.launchTemplateVersion()).isEqualTo("1");
        });
        assertThat(g.inServiceInstances()).hasSize(2).allSatisfy(i -> assertThat(i.launchTemplateVersion()).isEqualTo("2"));
    }

    @Test
    void terminateTerminatesStandbyInstancesWithoutReplacingThem() {
        String id = start("Terminate");
        standIn.clock().advance(Duration.ofSeconds(6));
        assertThat(standIn.autoScaling().group(GROUP).instance(STANDBY)).get()
                .extracting(InstanceView::lifecycleState).isEqualTo("Terminating");

        InstanceRefresh done = AWS.runToEnd(id, Duration.ofSeconds(5), Duration.ofMinutes(15));
        assertThat(done.status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
        GroupView g = standIn.autoScaling().group(GROUP);
        assertThat(g.instance(STANDBY)).isEmpty();
        assertThat(g.instances()).hasSize(2).allSatisfy(i -> assertThat(i.launchTemplateVersion()).isEqualTo("2"));
    }
}
