package dev.capstan.standin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a replacement takes: EC2 launch, boot, the launch hook, and with a load balancer its health checks before
 * a new instance counts and its deregistration delay before an old one goes.
 */
class LaunchTimingTest {

    private static final String GROUP = "web";

    @RegisterExtension
    static final RefreshWorld AWS = RefreshWorld.forGroup(GROUP);
    private static final AwsStandIn standIn = AWS.standIn();

    private static GroupSpec group(int capacity) {
        return GroupSpec.named(GROUP).launchTemplate("capstan", "1").capacity(capacity).launchHook("web-launch");
    }

    private static String launchFirst() {
        return AWS.start("2", p -> p.minHealthyPercentage(100).maxHealthyPercentage(200).instanceWarmup(0));
    }

    private static InstanceView newInstance() {
        return standIn.autoScaling().group(GROUP).instances().stream()
                .filter(i -> "2".equals(i.launchTemplateVersion())).findFirst().orElseThrow();
    }

    @Test
    void aNewInstanceSpendsTheModelledTimesInEachLaunchState() {
        standIn.autoScaling().createGroup(group(1));
        launchFirst();
        standIn.clock().advance(Duration.ofSeconds(5));
        Instant launched = standIn.clock().instant();

        Map<String, Instant> firstSeen = new LinkedHashMap<>();
        for (int s = 0; s < 180; s++) {
            firstSeen.putIfAbsent(newInstance().lifecycleState(), standIn.clock().instant());
            standIn.clock().advance(Duration.ofSeconds(1));
        }

        assertThat(firstSeen.keySet()).containsExactly("Pending", "Pending:Wait", "Pending:Proceed", "InService");
        // EC2 launch: 12 s plus up to 8 s (brevdev, daemonology measurements); boot: OS 8 s, Docker 20 s, pull
        // 6-10 s, container ready 1.1 s, then 2 s of lifecycle hook calls; Pending:Proceed 2 s.
        assertThat(Duration.between(launched, firstSeen.get("Pending:Wait")).toSeconds()).isBetween(12L, 21L);
        assertThat(Duration.between(firstSeen.get("Pending:Wait"), firstSeen.get("Pending:Proceed")).toMillis())
                .isBetween(39_100L, 44_100L);
        assertThat(Duration.between(firstSeen.get("Pending:Proceed"), firstSeen.get("InService")).toSeconds()).isBetween(2L, 3L);
    }

    @Test
    void behindALoadBalancerANewInstanceCountsOnceHealthyInItsTargetGroupAndAnOldOneDrainsFirst() {
        standIn.autoScaling().createGroup(group(1).elb(Duration.ofSeconds(10), 3, Duration.ofSeconds(30)));
        String old = standIn.autoScaling().group(GROUP).instances().get(0).instanceId();
        String id = launchFirst();

        AWS.runUntil(id, r -> standIn.autoScaling().group(GROUP).instances().stream()
                .anyMatch(i -> i.inService() && "2".equals(i.launchTemplateVersion())), Duration.ofSeconds(1), Duration.ofMinutes(5));
        Instant inService = standIn.clock().instant();
        InstanceRefresh waiting = AWS.describe(id);
        assertThat(newInstance().targetHealth()).isEqualTo("initial");
        assertThat(waiting.percentageComplete()).isZero();
        assertThat(waiting.statusReason()).contains("not yet healthy in its target group");

        InstanceRefresh done = AWS.runToEnd(id, Duration.ofSeconds(1), Duration.ofMinutes(5));
        assertThat(done.status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
        // Registered 2 s before InService (Pending:Proceed); three passing checks 10 s apart.
        assertThat(Duration.between(inService, done.endTime()).toSeconds()).isBetween(27L, 29L);
        assertThat(newInstance().targetHealth()).isEqualTo("healthy");

        InstanceView draining = standIn.autoScaling().group(GROUP).instance(old).orElseThrow();
        assertThat(draining.lifecycleState()).isEqualTo("Terminating");
        assertThat(draining.targetHealth()).isEqualTo("draining");
        standIn.clock().advance(Duration.ofSeconds(29));
        assertThat(standIn.autoScaling().group(GROUP).instance(old)).get().extracting(InstanceView::targetHealth)
                .isEqualTo("draining");
        standIn.clock().advance(Duration.ofSeconds(2));
        assertThat(standIn.autoScaling().group(GROUP).instance(old)).get().extracting(InstanceView::targetHealth)
                .isNull();
        standIn.clock().advance(Duration.ofSeconds(15));
        assertThat(standIn.autoScaling().group(GROUP).instance(old)).isEmpty();
    }

    @Test
    void sixteenParallelLaunchesTakeLongerThanOne() {
        assertThat(refreshDuration(16)).isGreaterThan(refreshDuration(1));
    }

    private Duration refreshDuration(int capacity) {
        AWS.reset();
        standIn.autoScaling().createGroup(group(capacity).elb(Duration.ofSeconds(5), 2, Duration.ofSeconds(15)));
        InstanceRefresh done = AWS.runToEnd(launchFirst(), Duration.ofSeconds(1), Duration.ofMinutes(10));
        assertThat(done.status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
        return Duration.between(done.startTime(), done.endTime());
    }
}
