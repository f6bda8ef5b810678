package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.standin.InstanceView;
import dev.capstan.standin.RefreshView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A refresh is already running when the deploy starts: --if-refresh-running fail|wait|cancel. */
class RunningRefreshTest extends Scenario {
    static final String THIRD_TAG = "fed9876";
    static final String THIRD_DIGEST = "sha256:" + "c3".repeat(32);
    String runningId;

    @BeforeEach
    void anotherDeployLeftARefreshRunning() {
        STAND_IN.ecr().putImage(REPOSITORY, THIRD_TAG, THIRD_DIGEST);
        Result first = deploy("--timeout", "40s", "--on-timeout", "leave");
        assertThat(first.exitCode()).as(first.all()).isEqualTo(3);
        runningId = STAND_IN.autoScaling().activeRefresh(GROUP).map(RefreshView::instanceRefreshId).orElseThrow();
    }

    private Result deployThird(String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", "--asg", GROUP, "--repository", REPOSITORY, "--tag", THIRD_TAG));
        args.addAll(List.of(extra));
        return rollout(args.toArray(String[]::new));
    }

    @Test
    void failsByDefaultWithoutChangingAnything() {
        long mutatingBefore = STAND_IN.mutatingCalls().size();

        Result result = deployThird();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Instance refresh " + runningId + " is already")
                .contains("pass --if-refresh-running wait or cancel");
        assertThat(STAND_IN.mutatingCalls()).hasSize((int) mutatingBefore);
    }

    @Test
    void canWaitForTheRunningRefreshThenDeploy() {
        Result result = deployThird("--if-refresh-running", "wait");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("Waiting for instance refresh " + runningId + " to end")
                .contains("Instance refresh " + runningId + " ended Successful");
        assertThat(calls("CancelInstanceRefresh")).isZero();
        assertThat(STAND_IN.ec2().launchTemplate(TEMPLATE).defaultVersionNumber()).isEqualTo(3);
        assertThat(STAND_IN.autoScaling().group(GROUP).inServiceInstances())
                .extracting(InstanceView::launchTemplateVersion).containsOnly("3");
    }

    @Test
    void aTimeoutWhileWaitingForAnotherRefreshLeavesThatRefreshAlone() {
        long mutatingBefore = STAND_IN.mutatingCalls().size();

        Result result = deployThird("--if-refresh-running", "wait", "--timeout", "40s");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("while instance refresh " + runningId + " was still")
                .contains("nothing was changed, that refresh is not ours");
        assertThat(STAND_IN.mutatingCalls()).hasSize((int) mutatingBefore);
        assertThat(STAND_IN.autoScaling().activeRefresh(GROUP).map(RefreshView::instanceRefreshId)).contains(runningId);
    }

    @Test
    void canCancelTheRunningRefreshThenDeploy() {
        Result result = deployThird("--if-refresh-running", "cancel");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("Cancelling instance refresh " + runningId)
                .contains("Instance refresh " + runningId + " ended Cancelled");
        assertThat(calls("CancelInstanceRefresh")).isEqualTo(1);
        assertThat(STAND_IN.ec2().launchTemplate(TEMPLATE).defaultVersionNumber()).isEqualTo(3);
    }

    @Test
    void dryRunShowsTheRunningRefreshAndStillFailsUnderTheFailPolicy() {
        Result result = deployThird("--dry-run");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains(runningId).contains("--if-refresh-running fail");
    }
}
