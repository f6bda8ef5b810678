package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.standin.InstanceView;
import dev.capstan.standin.RefreshView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CancelInstanceRefresh cancels a refresh or a rollback in progress, so nothing the CLI does when it stops may cancel
 * AWS's own rollback half-way: that would leave the group on two versions.
 */
class StopDuringRollbackTest extends Scenario {

    /**
     * Runs a deploy, one instance at a time, whose second new instance fails, so that AWS is rolling back (putting the
     * first replaced instance back) when the deploy gives up.
     */
    private Result deployThatTimesOutDuringAwsRollback(String... extra) {
        failTheSecondReplacement();
        List<String> args = new ArrayList<>(List.of(RefreshFailureTest.ONE_AT_A_TIME));
        args.addAll(List.of("--timeout", "150s"));
        args.addAll(List.of(extra));
        return deploy(args.toArray(String[]::new));
    }

    private static void failTheSecondReplacement() {
        STAND_IN.faults().failRefreshAt(GROUP, 30);
    }

    @Test
    void aTimeoutDuringAwsRollbackLeavesTheRollbackToFinish() {
        Result result = deployThatTimesOutDuringAwsRollback();

        assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
        assertThat(result.err()).contains("RollbackInProgress").contains("AWS is already rolling instance refresh")
                .contains("left to finish");
        assertThat(calls("CancelInstanceRefresh")).isZero();
        assertThat(calls("RollbackInstanceRefresh")).isZero();
        STAND_IN.clock().advance(Duration.ofMinutes(30));
        assertThat(STAND_IN.autoScaling().latestRefresh(GROUP).map(RefreshView::status)).contains("RollbackSuccessful");
        assertThat(STAND_IN.autoScaling().group(GROUP).inServiceInstances())
                .extracting(InstanceView::launchTemplateVersion).containsOnly("1");
    }

    @Test
    void aTimeoutDuringAwsRollbackWithCancelPolicyDoesNotCancelTheRollbackEither() {
        Result result = deployThatTimesOutDuringAwsRollback("--on-timeout", "cancel");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(calls("CancelInstanceRefresh")).isZero();
    }

    @Test
    void aStopSignalDuringAwsRollbackLeavesTheRollbackToFinish() {
        failTheSecondReplacement();
        duringSleep = n -> {
            if (STAND_IN.autoScaling().latestRefresh(GROUP).map(RefreshView::status).orElse("").equals("RollbackInProgress")) {
                interruption.request("SIGTERM");
            }
        };

        Result result = deploy(RefreshFailureTest.ONE_AT_A_TIME);

        assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
        assertThat(result.err()).contains("interrupted (SIGTERM)").contains("AWS is already rolling");
        assertThat(calls("CancelInstanceRefresh") + calls("RollbackInstanceRefresh")).isZero();
    }

    @Test
    void theCancelCommandRefusesToStopARollbackUnlessAskedTo() {
        deployThatTimesOutDuringAwsRollback();

        Result refused = rollout("cancel", "--asg", GROUP);

        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
        assertThat(refused.err()).contains("is rolling back").contains("--stop-rollback");
        assertThat(calls("CancelInstanceRefresh")).isZero();

        Result forced = rollout("cancel", "--asg", GROUP, "--stop-rollback");

        assertThat(calls("CancelInstanceRefresh")).as(forced.all()).isEqualTo(1);
    }

    @Test
    void theRollbackCommandFollowsARollbackAlreadyInProgress() {
        deployThatTimesOutDuringAwsRollback();

        Result result = rollout("rollback", "--asg", GROUP);

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("is already rolling back; following it").contains("ended RollbackSuccessful");
        assertThat(calls("RollbackInstanceRefresh")).isZero();
    }
}
