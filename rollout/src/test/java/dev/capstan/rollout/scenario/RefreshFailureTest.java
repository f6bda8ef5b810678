package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.standin.InstanceView;
import org.junit.jupiter.api.Test;

/** A refresh that does not end Successful is a failed deploy (exit 1), even when AWS rolled it back cleanly. */
class RefreshFailureTest extends Scenario {
    /** One instance at a time, so that the refresh has replaced some instances when the failure comes. */
    static final String[] ONE_AT_A_TIME = {"--min-healthy", "100", "--max-healthy", "100"};

    @Test
    void aRefreshThatFailsPartWayAndRollsBackIsReportedAsAFailedDeploy() {
        STAND_IN.faults().failRefreshAt(GROUP, 50);

        Result result = deploy(ONE_AT_A_TIME);

        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(result.out()).contains("RollbackInProgress").contains("RollbackSuccessful")
                .contains("status reason: ").contains("rollback reason: ").contains("instances to update on rollback");
        assertThat(result.err()).contains("The deploy failed: instance refresh")
                .contains("ended RollbackSuccessful after reaching ").contains("so the group is back on its previous version");
        assertThat(STAND_IN.ec2().launchTemplate(TEMPLATE).defaultVersionNumber()).as("never promoted").isEqualTo(1);
        assertThat(STAND_IN.autoScaling().group(GROUP).inServiceInstances())
                .extracting(InstanceView::launchTemplateVersion).containsOnly("1");
        assertThat(mutatingActions()).doesNotContain("ModifyLaunchTemplate");
    }

    @Test
    void withoutAutoRollbackAFailingRefreshEndsFailedAndExitsOne() {
        STAND_IN.faults().failRefreshAt(GROUP, 0);

        Result result = deploy("--no-auto-rollback");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(result.err()).contains("ended Failed");
        assertThat(STAND_IN.calls("StartInstanceRefresh").get(0).param("Preferences.AutoRollback")).isEqualTo("false");
        assertThat(STAND_IN.ec2().launchTemplate(TEMPLATE).defaultVersionNumber()).isEqualTo(1);
    }

    @Test
    void aFailedRollbackIsReportedWithItsDetails() {
        STAND_IN.faults().failRefreshAt(GROUP, 50).failRollback(GROUP);

        Result result = deploy(ONE_AT_A_TIME);

        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(result.err()).contains("ended RollbackFailed").contains("the group may run both versions");
        assertThat(result.out()).contains("rollback reason: ");
    }
}
