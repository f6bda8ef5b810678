package dev.capstan.standin;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Instance;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SetInstanceHealth and a suspended ReplaceUnhealthy process, as DescribeAutoScalingGroups reports them. */
class InstanceHealthTest {

    private static final String GROUP = "web";
    private static final String SICK = "i-0000000000000d001";
    private static final String WELL = "i-0000000000000d002";

    @RegisterExtension
    static final RefreshWorld AWS = RefreshWorld.forGroup(GROUP);
    private static final AwsStandIn standIn = AWS.standIn();
    private static final AutoScalingClient asg = AWS.autoScaling();

    @BeforeEach
    void groupOfTwo() {
        standIn.autoScaling().createGroup(GroupSpec.named(GROUP).launchTemplate("capstan", "1")
                .instance(InstanceSpec.inService(SICK, "eu-west-1a"))
                .instance(InstanceSpec.inService(WELL, "eu-west-1b")));
    }

    private static AutoScalingGroup described() {
        return asg.describeAutoScalingGroups(r -> r.autoScalingGroupNames(GROUP)).autoScalingGroups().get(0);
    }

    private static Instance described(String instanceId) {
        return described().instances().stream().filter(i -> i.instanceId().equals(instanceId)).findFirst().orElseThrow();
    }

    @Test
    void anUnhealthyInstanceIsTerminatedAndReplacedAtOnce() {
        standIn.autoScaling().setInstanceHealth(GROUP, SICK, "Unhealthy");

        assertThat(described(SICK).lifecycleStateAsString()).startsWith("Terminating");
        assertThat(described().instances()).hasSize(3);
        standIn.clock().advance(Duration.ofMinutes(5));
        assertThat(described().instances()).extracting(Instance::instanceId).doesNotContain(SICK).contains(WELL);
        assertThat(described().instances()).hasSize(2)
                .allSatisfy(i -> assertThat(i.lifecycleStateAsString()).isEqualTo("InService"));
    }

    @Test
    void withReplaceUnhealthySuspendedItStaysInServiceAndUnhealthyUntilTheProcessResumes() {
        standIn.autoScaling().suspendProcesses(GROUP, "ReplaceUnhealthy");
        standIn.autoScaling().setInstanceHealth(GROUP, SICK, "Unhealthy");
        standIn.clock().advance(Duration.ofMinutes(30));

        Instance sick = described(SICK);
        assertThat(sick.lifecycleStateAsString()).isEqualTo("InService");
        assertThat(sick.healthStatus()).isEqualTo("Unhealthy");
        assertThat(described().instances()).hasSize(2);
        assertThat(described().suspendedProcesses()).singleElement().satisfies(p -> {
            assertThat(p.processName()).isEqualTo("ReplaceUnhealthy");
            assertThat(p.suspensionReason()).matches("User suspended at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        });
        assertThat(standIn.autoScaling().group(GROUP).suspendedProcesses()).containsExactly("ReplaceUnhealthy");

        standIn.autoScaling().resumeProcesses(GROUP, "ReplaceUnhealthy");

        assertThat(described(SICK).lifecycleStateAsString()).startsWith("Terminating");
        assertThat(described().suspendedProcesses()).isEmpty();
    }

    @Test
    void anInstanceMarkedHealthyAgainStays() {
        standIn.autoScaling().suspendProcesses(GROUP, "ReplaceUnhealthy");
        standIn.autoScaling().setInstanceHealth(GROUP, SICK, "Unhealthy");
        standIn.autoScaling().setInstanceHealth(GROUP, SICK, "Healthy");
        standIn.autoScaling().resumeProcesses(GROUP, "ReplaceUnhealthy");

        assertThat(described(SICK).lifecycleStateAsString()).isEqualTo("InService");
        assertThat(described(SICK).healthStatus()).isEqualTo("Healthy");
    }

    @Test
    void unknownOrUnmodelledProcessesBadHealthAndUnknownInstancesAreRefused() {
        assertThatThrownBy(() -> standIn.autoScaling().suspendProcesses(GROUP, "Launch"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not modelled");
        assertThatThrownBy(() -> standIn.autoScaling().suspendProcesses(GROUP, "ReplaceSick"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no scaling process named ReplaceSick");
        assertThatThrownBy(() -> standIn.autoScaling().setInstanceHealth(GROUP, SICK, "UNHEALTHY"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Healthy or Unhealthy");
        assertThatThrownBy(() -> standIn.autoScaling().setInstanceHealth(GROUP, "i-0000000000000dfff", "Unhealthy"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no live instance");
        assertThat(described().suspendedProcesses()).isEmpty();
    }
}
