package dev.capstan.rollout.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

class PollScheduleTest {
    private final PollSchedule schedule = PollSchedule.standard();

    private static InstanceRefresh refresh(String status, Integer instancesToUpdate) {
        return InstanceRefresh.builder().status(status).instancesToUpdate(instancesToUpdate).build();
    }

    @Test
    void startingAndStoppingPhasesArePolledEveryFiveSeconds() {
        assertThat(schedule.next(refresh("Pending", null))).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.next(refresh("Cancelling", 2))).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.next(refresh("RollbackInProgress", 2))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void replacingInstancesIsPolledEveryFifteenSecondsWhileSeveralAreLeft() {
        assertThat(schedule.next(refresh("InProgress", 3))).isEqualTo(Duration.ofSeconds(15));
        assertThat(schedule.next(refresh("InProgress", 2))).isEqualTo(Duration.ofSeconds(15));
        assertThat(schedule.next(refresh("InProgress", null))).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void theLastInstanceIsPolledEveryFiveSecondsSoTheDeployEndsSoonAfterTheRefresh() {
        assertThat(schedule.next(refresh("InProgress", 1))).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.next(refresh("InProgress", 0))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void whenEveryInstanceIsReplacedInOneRoundThatRoundIsTheLastAndPolledEveryFiveSeconds() {
        PollSchedule allAtOnce = schedule.withRoundsOf(4);

        assertThat(allAtOnce.next(refresh("InProgress", 4))).isEqualTo(Duration.ofSeconds(5));
        assertThat(allAtOnce.next(refresh("InProgress", 5))).isEqualTo(Duration.ofSeconds(15));
        assertThat(PollSchedule.fixed(Duration.ofSeconds(2)).withRoundsOf(4).next(refresh("InProgress", 9)))
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void bakingIsPolledEveryThirtySeconds() {
        assertThat(schedule.next(refresh("Baking", 0))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aFixedIntervalOverridesEveryPhase() {
        final PollSchedule fixed = PollSchedule.fixed(Duration.ofSeconds(2));

        assertThat(fixed.next(refresh("InProgress", 3))).isEqualTo(Duration.ofSeconds(2));
        assertThat(fixed.next(refresh("Baking", 0))).isEqualTo(Duration.ofSeconds(2));
    }
}
