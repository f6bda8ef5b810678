package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.rollout.admin.Shell;
import dev.capstan.standin.DemoWorld;
import dev.capstan.standin.GroupSpec;
import dev.capstan.standin.InstanceSpec;
import dev.capstan.standin.InstanceView;
import dev.capstan.standin.RecordedCall;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rollout admin: which instance it picks or accepts, the command it prints, and what it refuses. */
class AdminCommandTest extends Scenario {
    private static final String OTHER_GROUP = "capstan-worker";

    private static List<String> argv(String instanceId, String remotePort, String localPort) {
        return List.of("aws", "ssm", "start-session", "--region", "eu-west-1", "--target", instanceId,
                "--document-name", "AWS-StartPortForwardingSession",
                "--parameters", "portNumber=" + remotePort + ",localPortNumber=" + localPort);
    }

    /** The command line alone: exactly one line on stdout. */
    private static String line(Result result) {
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).endsWith("\n");
        String line = result.out().substring(0, result.out().length() - 1);
        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        return line;
    }

    private static String id(int n) {
        return "i-0000000000000a" + String.format("%03d", n);
    }

    /** Every instance that must not be picked beats the one that may on both counts: newer version, lower id. */
    private static void groupWithOneServingInstanceAmongOthers() {
        STAND_IN.ec2().createVersion(TEMPLATE, "#!/bin/bash\necho v2\n", "v2");
        STAND_IN.autoScaling().createGroup(GroupSpec.named(OTHER_GROUP).launchTemplate(TEMPLATE, "2")
                .launchHook("capstan-launch").holdLifecycleActions(true)
                .instance(new InstanceSpec(id(1), "eu-west-1a", "Pending", null, false))
                .instance(InstanceSpec.waitingForLaunchHook(id(2), "eu-west-1a"))
                .instance(InstanceSpec.inStandby(id(3), "eu-west-1b"))
                .instance(InstanceSpec.inService(id(4), "eu-west-1b"))
                .instance(InstanceSpec.inService(id(9), "eu-west-1a").onVersion("1")));
        STAND_IN.autoScaling().suspendProcesses(OTHER_GROUP, "ReplaceUnhealthy");
        STAND_IN.autoScaling().setInstanceHealth(OTHER_GROUP, id(4), "Unhealthy");
    }

    @Test
    void theDemoWorldGivesTheCommandForOneOfItsInServiceInstancesOnPort8081() {
        STAND_IN.reset();
        DemoWorld.seed(STAND_IN);
        List<String> inService = STAND_IN.autoScaling().group(DemoWorld.GROUP).inServiceInstances().stream()
                .map(InstanceView::instanceId).toList();
        assertThat(inService).hasSize(4);

        Result result = rollout("admin", "--asg", DemoWorld.GROUP);

        List<String> words = Shell.evalWords(line(result));
        assertThat(words.get(6)).isIn(inService);
        assertThat(words).isEqualTo(argv(words.get(6), "8081", "8081"));
        assertThat(result.err())
                .contains("Instance " + words.get(6) + " in eu-west-1")
                .contains("InService and Healthy, launch template capstan version 1")
                .contains("4 InService instances (4 Healthy) of capstan-web")
                .contains("http://localhost:8081/healthcheck, /threads, /metrics, /prometheus, /instance");
    }

    @Test
    void picksTheNewestVersionThenTheLowestIdAndReadsOnlyTheGroup() {
        STAND_IN.ec2().createVersion(TEMPLATE, "#!/bin/bash\necho v2\n", "v2");
        STAND_IN.autoScaling().createGroup(GroupSpec.named(OTHER_GROUP).launchTemplate(TEMPLATE, "2")
                .instance(inServiceOn(id(1), "1")).instance(inServiceOn(id(7), "2"))
                .instance(inServiceOn(id(5), "2")).instance(inServiceOn(id(2), "1")));

        Result result = rollout("admin", "--asg", OTHER_GROUP);

        assertThat(Shell.evalWords(line(result))).isEqualTo(argv(id(5), "8081", "8081"));
        assertThat(result.err()).contains("launch template capstan-web version 2")
                .contains("the newest launch template version first, then the lowest instance id");
        assertThat(STAND_IN.calls()).extracting(RecordedCall::iamAction)
                .containsExactly("autoscaling:DescribeAutoScalingGroups");
    }

    private static InstanceSpec inServiceOn(String id, String version) {
        return InstanceSpec.inService(id, "eu-west-1a").onVersion(version);
    }

    @Test
    void neverPicksPendingStandbyOrUnhealthyInstances() {
        groupWithOneServingInstanceAmongOthers();
        assertThat(STAND_IN.autoScaling().group(OTHER_GROUP).instance(id(4))).get()
                .extracting(InstanceView::lifecycleState, InstanceView::healthStatus).containsExactly("InService", "Unhealthy");

        Result result = rollout("admin", "--asg", OTHER_GROUP);

        assertThat(Shell.evalWords(line(result))).isEqualTo(argv(id(9), "8081", "8081"));
        assertThat(result.err()).contains("2 InService instances (1 Healthy) of capstan-worker");
    }

    @Test
    void withNoInServiceHealthyInstanceExitsTwoListingWhatThereIs() {
        groupWithOneServingInstanceAmongOthers();
        STAND_IN.autoScaling().setInstanceHealth(OTHER_GROUP, id(9), "Unhealthy");

        Result result = rollout("admin", "--asg", OTHER_GROUP);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip()).isEqualTo("The Auto Scaling group 'capstan-worker' has no InService, Healthy"
                + " instance to connect to (its instances: " + id(1) + " Pending, " + id(2) + " Pending:Wait, " + id(3)
                + " Standby, " + id(4) + " InService and Unhealthy, " + id(9) + " InService and Unhealthy); wait for one,"
                + " or name an instance in Standby with --instance.");
    }

    @Test
    void aGroupWithoutInstancesExitsTwo() {
        STAND_IN.autoScaling().createGroup(GroupSpec.named(OTHER_GROUP).launchTemplate(TEMPLATE, "1").capacity(0));

        Result result = rollout("admin", "--asg", OTHER_GROUP);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("has no InService, Healthy instance to connect to (it has no instances)");
    }

    @Test
    void portsAppearInTheParameters() {
        Result result = rollout("admin", "--asg", GROUP, "--port", "9000", "--local-port", "18081");

        List<String> words = Shell.evalWords(line(result));
        assertThat(words.subList(words.size() - 2, words.size()))
                .containsExactly("--parameters", "portNumber=9000,localPortNumber=18081");
        assertThat(result.err()).contains("http://localhost:18081/healthcheck");
    }

    @Test
    void theLineIsOneShellCommandThatGivesTheSameWordsPastedEvaldOrSubstituted() {
        String line = line(rollout("admin", "--asg", GROUP, "--local-port", "18081"));

        assertThat(Shell.syntax(line).exitCode()).as(Shell.syntax(line).err()).isZero();
        List<String> words = Shell.evalWords(line);
        assertThat(words).isEqualTo(argv(words.get(6), "8081", "18081"));
        assertThat(Shell.substitutionWords(line)).isEqualTo(words);
    }

    @Test
    void theRegionIsTheOneTheCliResolved() {
        Result flag = rollout("admin", "--asg", GROUP, "--region", "eu-central-1");

        assertThat(Shell.evalWords(line(flag))).containsSubsequence("--region", "eu-central-1");
    }

    @Test
    void aNamedInstanceOfTheGroupIsUsed() {
        String second = STAND_IN.autoScaling().group(GROUP).instances().get(1).instanceId();

        Result result = rollout("admin", "--asg", GROUP, "--instance", second);

        assertThat(Shell.evalWords(line(result))).isEqualTo(argv(second, "8081", "8081"));
        assertThat(result.err()).contains("Named with --instance; capstan-web has 3 InService instances (3 Healthy).");
    }

    @Test
    void aNamedInstanceOfAnotherGroupExitsTwo() {
        groupWithOneServingInstanceAmongOthers();

        Result result = rollout("admin", "--asg", GROUP, "--instance", id(9));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip()).isEqualTo("Instance " + id(9) + " is not in the Auto Scaling group 'capstan-web';"
                + " check --instance and --asg, or leave --instance out to let rollout admin pick one.");
    }

    @Test
    void aNamedPendingOrUnhealthyInstanceExitsTwoNamingItsState() {
        groupWithOneServingInstanceAmongOthers();

        Result pending = rollout("admin", "--asg", OTHER_GROUP, "--instance", id(1));
        Result unhealthy = rollout("admin", "--asg", OTHER_GROUP, "--instance", id(4));

        assertThat(pending.exitCode()).isEqualTo(2);
        assertThat(pending.err().strip()).isEqualTo("Instance " + id(1) + " of capstan-worker is Pending; rollout admin"
                + " connects only to an InService, Healthy instance or to one in Standby, so wait until it is InService or"
                + " leave --instance out to let rollout admin pick one.");
        assertThat(unhealthy.exitCode()).isEqualTo(2);
        assertThat(unhealthy.err().strip()).isEqualTo("Instance " + id(4) + " of capstan-worker is InService and Unhealthy;"
                + " rollout admin connects only to an InService, Healthy instance or to one in Standby, so leave --instance"
                + " out to let rollout admin pick one.");
        assertThat(pending.out() + unhealthy.out()).isEmpty();
    }

    @Test
    void aNamedStandbyInstanceIsAllowedForTroubleshooting() {
        groupWithOneServingInstanceAmongOthers();

        Result result = rollout("admin", "--asg", OTHER_GROUP, "--instance", id(3));

        assertThat(Shell.evalWords(line(result))).isEqualTo(argv(id(3), "8081", "8081"));
        assertThat(result.err()).contains("Instance " + id(3) + " in eu-west-1b: Standby (Healthy)")
                .contains("It is in Standby: the load balancer sends it no requests");
    }

    @Test
    void anUnknownGroupExitsTwo() {
        Result result = rollout("admin", "--asg", "capstan-nope");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo(
                "The Auto Scaling group 'capstan-nope' does not exist in this account and region; check --asg and --region.");
    }

    @Test
    void badInputExitsTwoWithoutCallingAws() {
        String[][] bad = {
                {"--instance", "i-123"}, {"--instance", "I-0123456789ABCDEF0"}, {"--instance", "i-0123456789abcdef0;id"},
                {"--port", "0"}, {"--port", "65536"}, {"--local-port", "70000"}, {"--local-port", "-1"}, {"--port", "http"}};
        String[] expected = {"--instance 'i-123' is not an EC2 instance id", "--instance 'I-0123456789ABCDEF0' is not",
                "--instance 'i-0123456789abcdef0;id' is not", "--port must be a TCP port from 1 to 65535 (got 0).",
                "--port must be a TCP port from 1 to 65535 (got 65536).",
                "--local-port must be a TCP port from 1 to 65535 (got 70000).",
                "--local-port must be a TCP port from 1 to 65535 (got -1).", "Invalid value for option '--port': 'http'"};
        for (int i = 0; i < bad.length; i++) {
            Result result = rollout("admin", "--asg", GROUP, bad[i][0], bad[i][1]);

            assertThat(result.exitCode()).as(String.join(" ", bad[i])).isEqualTo(2);
            assertThat(result.err()).as(String.join(" ", bad[i])).startsWith(expected[i]);
            assertThat(result.out()).isEmpty();
        }
        assertThat(STAND_IN.calls()).isEmpty();
    }

    @Test
    void accessDeniedExitsFourNamingTheOperatorPolicy() {
        STAND_IN.faults().accessDenied("autoscaling:DescribeAutoScalingGroups");

        Result result = rollout("admin", "--asg", GROUP);

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip()).isEqualTo("AWS denied autoscaling:DescribeAutoScalingGroups (AccessDenied): allow"
                + " autoscaling:DescribeAutoScalingGroups for your operator role (see rollout/iam/operator-policy.json).");
    }
}
