package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.standin.GroupSpec;
import dev.capstan.standin.RecordedCall;
import dev.capstan.standin.TemplateSpec;
import org.junit.jupiter.api.Test;

/**
 * The group's instance maintenance policy decides the healthy range unless the user overrides it: sending Min/Max
 * healthy overrides the policy, so they are sent only when given, and the deploy prints what will really apply.
 */
class MaintenancePolicyTest extends Scenario {

    private static void groupWithPolicy(int min, int max) {
        replaceTheWorld(TemplateSpec.named(TEMPLATE), tagged(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "1")
                .capacity(2, 4, 8).instanceMaintenancePolicy(min, max)));
    }

    @Test
    void theGroupsPolicyAppliesAndNothingOverridesIt() {
        groupWithPolicy(90, 120);

        Result result = deploy();

        assertThat(result.exitCode()).as(result.all()).isZero();
        RecordedCall start = STAND_IN.calls("StartInstanceRefresh").get(0);
        assertThat(start.param("Preferences.MinHealthyPercentage")).isNull();
        assertThat(start.param("Preferences.MaxHealthyPercentage")).isNull();
        assertThat(result.out()).contains("min healthy 90%, max healthy 120% (the group's instance maintenance policy)");
    }

    @Test
    void flagsOverrideThePolicyAndSaySo() {
        groupWithPolicy(90, 120);

        Result result = deploy("--min-healthy", "100", "--max-healthy", "150");

        assertThat(result.exitCode()).as(result.all()).isZero();
        RecordedCall start = STAND_IN.calls("StartInstanceRefresh").get(0);
        assertThat(start.param("Preferences.MinHealthyPercentage")).isEqualTo("100");
        assertThat(start.param("Preferences.MaxHealthyPercentage")).isEqualTo("150");
        assertThat(result.out()).contains("min healthy 100%, max healthy 150% (as given)");
    }

    @Test
    void aMinimumAloneKeepsThePolicysMaximum() {
        groupWithPolicy(90, 120);

        Result result = deploy("--min-healthy", "100");

        assertThat(result.exitCode()).as(result.all()).isZero();
        RecordedCall start = STAND_IN.calls("StartInstanceRefresh").get(0);
        assertThat(start.param("Preferences.MinHealthyPercentage")).isEqualTo("100");
        assertThat(start.param("Preferences.MaxHealthyPercentage")).isNull();
        assertThat(result.out()).contains("min healthy 100%, max healthy 120% (min as given, max from the group's instance maintenance policy)");
    }

    @Test
    void aMaximumAloneIsRefusedAsAwsRequiresBoth() {
        Result result = deploy("--max-healthy", "150");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--max-healthy needs --min-healthy");
        assertThat(STAND_IN.calls()).isEmpty();
    }

    @Test
    void launchBeforeTerminateNeverDropsServingCapacityBelowDesired() {
        groupWithPolicy(100, 200);

        Result result = deploy();

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(STAND_IN.autoScaling().capacity(GROUP)).isNotEmpty().allSatisfy(sample ->
                assertThat(sample.inService()).as("in service at %s", sample.at()).isGreaterThanOrEqualTo(4));
    }
}
