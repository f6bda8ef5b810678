package dev.capstan.rollout.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import dev.capstan.rollout.group.MaintenancePolicy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.RefreshPreferences;

class RefreshSettingsTest {

    static RefreshSettings defaults() {
        return new RefreshSettings(null, null, null, null, null, null, null, true, true, null, null);
    }

    @Test
    void withoutFlagsOrPolicyTheRefreshLaunchesBeforeTerminating() {
        RefreshSettings settings = defaults().validated();
        HealthyRange range = settings.healthyRange(Optional.empty());
        RefreshPreferences p = settings.toAws(range);

        assertThat(p.minHealthyPercentage()).isEqualTo(100);
        assertThat(p.maxHealthyPercentage()).isEqualTo(200);
        assertThat(range.batchSize(16)).as("every instance in one round").isEqualTo(16);
        assertThat(p.skipMatching()).isTrue();
        assertThat(p.autoRollback()).isTrue();
        assertThat(p.hasCheckpointPercentages()).isFalse();
        assertThat(p.scaleInProtectedInstances()).isNull();
    }

    @Test
    void aMaintenancePolicyIsLeftToApplyAndNothingIsSent() {
        HealthyRange range = defaults().healthyRange(Optional.of(new MaintenancePolicy(90, 110)));
        RefreshPreferences p = defaults().toAws(range);

        assertThat(range.min()).isEqualTo(90);
        assertThat(range.max()).isEqualTo(110);
        assertThat(p.minHealthyPercentage()).isNull();
        assertThat(p.maxHealthyPercentage()).isNull();
    }

    @Test
    void bothBoundsAtOneHundredReplaceOneInstanceAtATimeLaunchingFirst() {
        RefreshSettings minOnly = new RefreshSettings(100, null, null, null, null, null, null, true, true, null, null);

        HealthyRange range = minOnly.validated().healthyRange(Optional.empty());

        assertThat(range.max()).as("AWS's default maximum").isEqualTo(100);
        assertThat(range.batchSize(8)).isEqualTo(1);
        assertThat(range.peak(8)).isEqualTo(9);
    }

    @Test
    void anEffectiveRangeWiderThanAwsAllowsIsRefused() {
        RefreshSettings minOnly = new RefreshSettings(50, null, null, null, null, null, null, true, true, null, null);

        assertThatThrownBy(() -> minOnly.healthyRange(Optional.of(new MaintenancePolicy(100, 160))))
                .hasMessageContaining("more than 100 points wide");
    }

    @Test
    void everyOptionMapsToItsPreference() {
        RefreshSettings settings = new RefreshSettings(100, 150, Duration.ofSeconds(120), List.of(25, 100),
                Duration.ofMinutes(5), List.of("capstan-5xx", "capstan-latency"), Duration.ofMinutes(10), false, false,
                "Ignore", "Terminate").validated();
        RefreshPreferences p = settings.toAws(settings.healthyRange(Optional.empty()));

        assertThat(p.maxHealthyPercentage()).isEqualTo(150);
        assertThat(p.instanceWarmup()).isEqualTo(120);
        assertThat(p.checkpointPercentages()).containsExactly(25, 100);
        assertThat(p.checkpointDelay()).isEqualTo(300);
        assertThat(p.alarmSpecification().alarms()).containsExactly("capstan-5xx", "capstan-latency");
        assertThat(p.bakeTime()).isEqualTo(600);
        assertThat(p.skipMatching()).isFalse();
        assertThat(p.autoRollback()).isFalse();
        assertThat(p.minHealthyPercentage()).isEqualTo(100);
        assertThat(p.scaleInProtectedInstancesAsString()).isEqualTo("Ignore");
        assertThat(p.standbyInstancesAsString()).isEqualTo("Terminate");
    }

    @Test
    void reportsEveryProblemAtOnceInOneSentence() {
        RefreshSettings bad = new RefreshSettings(-1, 201, Duration.ofSeconds(-5), List.of(50, 20), null,
                List.of(""), Duration.ofDays(3), true, true, null, null);

        assertThatThrownBy(bad::validated)
                .hasMessageStartingWith("The refresh preferences are invalid: ")
                .hasMessageContaining("--min-healthy must be 0 to 100")
                .hasMessageContaining("--max-healthy must be 100 to 200")
                .hasMessageContaining("--warmup must be a whole number of seconds")
                .hasMessageContaining("--checkpoints must be strictly ascending")
                .hasMessageContaining("--alarms names must be 1 to 255 characters")
                .hasMessageContaining("--bake-time must be at most 172800s")
                .hasMessageEndingWith(".");
    }

    @Test
    void checkpointsMustEndAtOneHundredSoEveryInstanceIsReplaced() {
        assertThatThrownBy(() -> new RefreshSettings(90, null, null, List.of(20, 50), null, null, null, true, true, null, null).validated())
                .hasMessageContaining("the last of --checkpoints must be 100");
    }

    @Test
    void checkpointDelayNeedsCheckpoints() {
        assertThatThrownBy(() -> new RefreshSettings(90, null, null, null, Duration.ofMinutes(1), null, null, true, true, null, null).validated())
                .hasMessageContaining("--checkpoint-delay needs --checkpoints");
    }

    @Test
    void maxHealthyMayExceedMinHealthyByAtMostOneHundred() {
        assertThatThrownBy(() -> new RefreshSettings(50, 160, null, null, null, null, null, true, true, null, null).validated())
                .hasMessageContaining("--max-healthy may exceed --min-healthy by at most 100");
        assertThat(new RefreshSettings(60, 160, null, null, null, null, null, true, true, null, null).validated()).isNotNull();
    }

    @Test
    void atMostTenAlarms() {
        List<String> eleven = java.util.stream.IntStream.range(0, 11).mapToObj(i -> "a" + i).toList();
        assertThatThrownBy(() -> new RefreshSettings(90, null, null, null, null, eleven, null, true, true, null, null).validated())
                .hasMessageContaining("--alarms takes at most 10");
    }
}
