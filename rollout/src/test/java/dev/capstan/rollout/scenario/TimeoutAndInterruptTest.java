package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.standin.RefreshView;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A timeout and a stop signal both apply --on-timeout to our refresh and exit 3. */
class TimeoutAndInterruptTest extends Scenario {

    @Test
    void timeoutRollsBackByDefault() {
        Result result = deploy("--timeout", "40s");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
        assertThat(result.err()).contains("The deploy timed out after 40s with instance refresh")
                .contains("rollback of instance refresh").contains("returns to its previous version");
        assertThat(calls("RollbackInstanceRefresh")).isEqualTo(1);
        STAND_IN.clock().advance(Duration.ofMinutes(30));
        assertThat(STAND_IN.autoScaling().latestRefresh(GROUP).map(RefreshView::status)).contains("RollbackSuccessful");
        assertThat(STAND_IN.ec2().launchTemplate(TEMPLATE).defaultVersionNumber()).isEqualTo(1);
    }

    @Test
    void timeoutCanCancelInstead() {
        Result result = deploy("--timeout", "40s", "--on-timeout", "cancel");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("cancelled; instances already replaced keep the new version");
        assertThat(calls("CancelInstanceRefresh")).isEqualTo(1);
        assertThat(calls("RollbackInstanceRefresh")).isZero();
    }

    @Test
    void timeoutCanLeaveTheRefreshRunning() {
        Result result = deploy("--timeout", "40s", "--on-timeout", "leave");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("left running; follow it with rollout status --asg capstan-web");
        assertThat(calls("CancelInstanceRefresh") + calls("RollbackInstanceRefresh")).isZero();
        assertThat(STAND_IN.autoScaling().activeRefresh(GROUP)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rollback", "cancel", "leave"})
    void aStopSignalWhileWaitingAppliesThePolicyAndExitsThree(String policy) {
        duringSleep = n -> {
            if (n == 3) {
                interruption.request("SIGTERM");
            }
        };

        Result result = deploy("--on-timeout", policy);

        assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
        assertThat(result.err()).contains("The deploy was interrupted (SIGTERM) with instance refresh");
        assertThat(calls("RollbackInstanceRefresh")).isEqualTo(policy.equals("rollback") ? 1 : 0);
        assertThat(calls("CancelInstanceRefresh")).isEqualTo(policy.equals("cancel") ? 1 : 0);
        assertThat(STAND_IN.ec2().launchTemplate(TEMPLATE).defaultVersionNumber()).isEqualTo(1);
    }

    @Test
    void aStopSignalBeforeAnyChangeChangesNothing() {
        interruption.request("SIGINT");

        Result result = deploy();

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("interrupted (SIGINT) before any change; nothing was changed");
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void whenRollbackIsRefusedTheTimeoutCancelsInstead() {
        STAND_IN.faults().error("autoscaling:RollbackInstanceRefresh", "IrreversibleInstanceRefresh", 400, 1);

        Result result = deploy("--timeout", "40s");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).contains("could not apply --on-timeout rollback");
        assertThat(result.err()).contains("rollback was refused, so instance refresh").contains("was cancelled instead");
        assertThat(calls("CancelInstanceRefresh")).isEqualTo(1);
    }
}
