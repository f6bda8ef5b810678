package dev.capstan.standin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The group's capacity over time: serving instances, desired capacity and live instances, one sample per change. */
class CapacityHistoryTest {

    private static final String GROUP = "web";

    @RegisterExtension
    static final RefreshWorld AWS = RefreshWorld.forGroup(GROUP);
    private static final AwsStandIn standIn = AWS.standIn();

    private static List<CapacitySample> refreshToEnd(GroupSpec spec, int minHealthy, Integer maxHealthy) {
        standIn.autoScaling().createGroup(spec);
        String id = AWS.start("2", p -> {
            p.minHealthyPercentage(minHealthy).instanceWarmup(30);
            if (maxHealthy != null) {
                p.maxHealthyPercentage(maxHealthy);
            }
        });
        AWS.runToEnd(id, Duration.ofMinutes(1), Duration.ofMinutes(30));
        standIn.clock().advance(Duration.ofMinutes(2));
        return standIn.autoScaling().capacity(GROUP);
    }

    @Test
    void aLaunchFirstRefreshKeepsEveryInstanceServingAndEndsWhereItStarted() {
        List<CapacitySample> samples = refreshToEnd(GroupSpec.named(GROUP).launchTemplate("capstan", "1").capacity(2)
                .elb(Duration.ofSeconds(5), 2, Duration.ofSeconds(15)), 100, 200);

        assertThat(samples.get(0)).extracting(CapacitySample::inService, CapacitySample::desired, CapacitySample::live)
                .containsExactly(2, 2, 2);
        assertThat(samples).allSatisfy(s -> assertThat(s.inService()).isGreaterThanOrEqualTo(2));
        assertThat(samples).extracting(CapacitySample::live).contains(4);
        assertThat(samples).extracting(CapacitySample::inService).contains(4);
        assertThat(samples.get(samples.size() - 1)).extracting(CapacitySample::inService, CapacitySample::desired,
                CapacitySample::live).containsExactly(2, 2, 2);
        assertThat(samples).extracting(CapacitySample::at).isSorted().doesNotHaveDuplicates();
        for (int k = 1; k < samples.size(); k++) {
            CapacitySample a = samples.get(k - 1);
            CapacitySample b = samples.get(k);
            assertThat(List.of(a.inService(), a.desired(), a.live())).isNotEqualTo(List.of(b.inService(), b.desired(), b.live()));
        }
    }

    @Test
    void aFailedLaunchFirstRefreshRollsBackByRemovingTheNewInstancesOnly() {
        // The old instances were never terminated, so nothing needs replacing: desired capacity is kept throughout
        // and the group ends with exactly its desired instances, all on the original version.
        standIn.faults().failRefreshAt(GROUP, 0);
        standIn.autoScaling().createGroup(GroupSpec.named(GROUP).launchTemplate("capstan", "1").capacity(4)
                .elb(Duration.ofSeconds(5), 2, Duration.ofSeconds(15)));
        String id = AWS.start("2", p -> p.minHealthyPercentage(100).maxHealthyPercentage(200).instanceWarmup(30)
                .autoRollback(true));
        AWS.runToEnd(id, Duration.ofMinutes(1), Duration.ofMinutes(30));
        standIn.clock().advance(Duration.ofMinutes(2));
        List<CapacitySample> samples = standIn.autoScaling().capacity(GROUP);

        assertThat(standIn.autoScaling().latestRefresh(GROUP)).get().extracting(RefreshView::status)
                .isEqualTo("RollbackSuccessful");
        assertThat(samples).allSatisfy(s -> assertThat(s.inService()).isGreaterThanOrEqualTo(4));
        assertThat(samples).allSatisfy(s -> assertThat(s.live()).isLessThanOrEqualTo(8));
        assertThat(samples.get(samples.size() - 1).live()).isEqualTo(4);
        assertThat(standIn.autoScaling().group(GROUP).instances()).filteredOn(InstanceView::inService)
                .hasSize(4).extracting(InstanceView::launchTemplateVersion).containsOnly("1");
    }

    @Test
    void bothBoundsAtOneHundredReplaceOneAtATimeLaunchingFirst() {
        // "To replace one instance at a time, set both the minimum and maximum healthy percentage to 100 percent. This
        // changes the behavior of an instance refresh to launch before terminating" (User Guide, instance refresh).
        List<CapacitySample> samples = refreshToEnd(GroupSpec.named(GROUP).launchTemplate("capstan", "1").capacity(3)
                .elb(Duration.ofSeconds(5), 2, Duration.ofSeconds(15)), 100, 100);

        assertThat(samples).allSatisfy(s -> assertThat(s.inService()).isGreaterThanOrEqualTo(3));
        assertThat(samples).extracting(CapacitySample::live).contains(4).allSatisfy(l -> assertThat(l).isLessThanOrEqualTo(4));
        assertThat(standIn.autoScaling().group(GROUP).inServiceInstances()).extracting(InstanceView::launchTemplateVersion)
                .containsOnly("2");
    }

    @Test
    void aNewInstanceServesOnlyOnceHealthyInTheTargetGroupAndADrainingOneNoLonger() {
        List<CapacitySample> samples = refreshToEnd(GroupSpec.named(GROUP).launchTemplate("capstan", "1").capacity(1)
                .launchHook("web-launch").elb(Duration.ofSeconds(10), 3, Duration.ofSeconds(60)), 100, 200);

        // 1 serving; a second launches (live 2) and serves only once healthy (2 serving); the old one deregisters
        // (1 serving, 1 live) and then leaves the group long after: that is no change of these numbers.
        assertThat(samples).extracting(s -> s.inService() + "/" + s.live()).containsExactly("1/1", "1/2", "2/2", "1/1");
        CapacitySample launched = samples.get(1);
        CapacitySample healthy = samples.get(2);
        // EC2 launch, boot and hook take about a minute, then three health checks 10 s apart.
        assertThat(Duration.between(launched.at(), healthy.at()).toSeconds()).isBetween(75L, 95L);
    }

    @Test
    void aTerminateFirstRefreshDropsToItsMinimumHealthy() {
        List<CapacitySample> samples = refreshToEnd(GroupSpec.named(GROUP).launchTemplate("capstan", "1").capacity(4), 50, null);

        assertThat(samples).extracting(CapacitySample::inService).contains(2).allSatisfy(n -> assertThat(n).isBetween(2, 4));
        assertThat(samples.get(samples.size() - 1).inService()).isEqualTo(4);
    }
}
