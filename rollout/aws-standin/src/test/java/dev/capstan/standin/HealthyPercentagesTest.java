package dev.capstan.standin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshStatus;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which minimum and maximum healthy percentages a refresh applies (its preferences, else the group's instance
 * maintenance policy, else AWS's defaults), what DescribeInstanceRefreshes reports, and how far above the desired
 * capacity a refresh goes.
 */
class HealthyPercentagesTest {

    private static final String GROUP = "web";

    @RegisterExtension
    static final RefreshWorld AWS = RefreshWorld.forGroup(GROUP);
    private static final AwsStandIn standIn = AWS.standIn();

    /** Runs the refresh to its end in 2 s steps; the most live (non-terminating) instances seen at once. */
    private int peakLiveInstances(String id) {
        int most = 0;
        for (int step = 0; step < 600 && AWS.describe(id).endTime() == null; step++) {
            standIn.clock().advance(Duration.ofSeconds(2));
            most = Math.max(most, (int) standIn.autoScaling().group(GROUP).instances().stream()
                    .filter(i -> !i.lifecycleState().startsWith("Terminat")).count());
        }
        assertThat(AWS.describe(id).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
        return most;
    }

    @Test
    void aRefreshWithoutHealthyPercentagesUsesTheGroupsMaintenancePolicyAndReportsIt() {
        standIn.autoScaling().createGroup(GroupSpec.named(GROUP).launchTemplate("capstan", "1").capacity(4, 4, 8)
                .instanceMaintenancePolicy(100, 150));

        String id = AWS.start("2", p -> p.instanceWarmup(10));

        InstanceRefresh r = AWS.describe(id);
        assertThat(r.preferences().minHealthyPercentage()).isEqualTo(100);
        assertThat(r.preferences().maxHealthyPercentage()).isEqualTo(150);
        // 150 % of 4: two replacements launch before any old instance goes.
        assertThat(peakLiveInstances(id)).isEqualTo(6);
    }

    @Test
    void givenPercentagesOverrideThePolicy() {
        standIn.autoScaling().createGroup(GroupSpec.named(GROUP).launchTemplate("capstan", "1").capacity(4, 4, 8)
                .instanceMaintenancePolicy(100, 150));

        String id = AWS.start("2", p -> p.minHealthyPercentage(100).maxHealthyPercentage(125).instanceWarmup(10));

        assertThat(AWS.describe(id).preferences().maxHealthyPercentage()).isEqualTo(125);
        assertThat(peakLiveInstances(id)).isEqualTo(5);
    }

    @Test
    void aGivenMinimumTakesTheMaximumFromThePolicy() {
        standIn.autoScaling().createGroup(GroupSpec.named(GROUP).launchTemplate("capstan", "1").capacity(4, 4, 8)
                .instanceMaintenancePolicy(100, 150));

        String id = AWS.start("2", p -> p.minHealthyPercentage(75).instanceWarmup(10));

        InstanceRefresh r = AWS.describe(id);
        assertThat(r.preferences().minHealthyPercentage()).isEqualTo(75);
        assertThat(r.preferences().maxHealthyPercentage()).isEqualTo(150);
    }

    @Test
    void aGivenMinimumMoreThan100BelowThePolicysMaximumIsRefused() {
        standIn.autoScaling().createGroup(GroupSpec.named(GROUP).launchTemplate("capstan", "1")
                .instanceMaintenancePolicy(100, 150));
        assertThatThrownBy(() -> AWS.start("2", p -> p.minHealthyPercentage(40)))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ValidationError"))
                .hasMessageContaining("instance maintenance policy");
        assertThat(standIn.autoScaling().refreshes(GROUP)).isEmpty();
    }

    @Test
    void withoutPolicyOrPercentagesTheDefaultsApplyAndNoMaximumIsReported() {
        standIn.autoScaling().createGroup(GroupSpec.named(GROUP).launchTemplate("capstan", "1").capacity(4));

        String id = AWS.start("2", p -> p.instanceWarmup(10));

        InstanceRefresh r = AWS.describe(id);
        assertThat(r.preferences().minHealthyPercentage()).isEqualTo(90);
        assertThat(r.preferences().maxHealthyPercentage()).isNull();
        assertThat(peakLiveInstances(id)).isEqualTo(4);
    }

    @Test
    void givenPreferencesAreStillValidatedWhenTheGroupHasAPolicy() {
        standIn.autoScaling().createGroup(GroupSpec.named(GROUP).launchTemplate("capstan", "1")
                .instanceMaintenancePolicy(90, 120));
        assertThatThrownBy(() -> AWS.start("2", p -> p.maxHealthyPercentage(150)))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> AWS.start("2", p -> p.minHealthyPercentage(20).maxHealthyPercentage(150)))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ValidationError"));
        assertThat(standIn.autoScaling().refreshes(GROUP)).isEmpty();
    }

    @Test
    void launchingFirstMayTakeTheGroupAboveItsMaxSize() {
        standIn.autoScaling().createGroup(GroupSpec.named(GROUP).launchTemplate("capstan", "1").capacity(4, 4, 4));

        String id = AWS.start("2", p -> p.minHealthyPercentage(100).maxHealthyPercentage(150).instanceWarmup(10));

        assertThat(peakLiveInstances(id)).isEqualTo(6);
        assertThat(standIn.autoScaling().group(GROUP).maxSize()).isEqualTo(4);
    }

    @Test
    void aRangeWiderThanTheSurgeTerminatesTheRestFirstDownToTheMinimum() {
        standIn.autoScaling().createGroup(GroupSpec.named(GROUP).launchTemplate("capstan", "1").capacity(4, 4, 8));

        String id = AWS.start("2", p -> p.minHealthyPercentage(50).maxHealthyPercentage(150).instanceWarmup(10));

        int fewestInService = 4;
        for (int step = 0; step < 600 && AWS.describe(id).endTime() == null; step++) {
            standIn.clock().advance(Duration.ofSeconds(2));
            fewestInService = Math.min(fewestInService, standIn.autoScaling().group(GROUP).inServiceInstances().size());
        }
        assertThat(fewestInService).isEqualTo(2);
    }

    @Test
    void aRangeWiderThanTheSurgeNeverExceedsTheMaximum() {
        standIn.autoScaling().createGroup(GroupSpec.named(GROUP).launchTemplate("capstan", "1").capacity(4, 4, 8));
        String id = AWS.start("2", p -> p.minHealthyPercentage(50).maxHealthyPercentage(150).instanceWarmup(10));
        assertThat(peakLiveInstances(id)).isEqualTo(6);
    }
}
