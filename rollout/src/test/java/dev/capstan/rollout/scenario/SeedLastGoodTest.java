package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** seed-last-good creates an environment's parameter once, from a tag in ECR, and never overwrites it. */
class SeedLastGoodTest extends Scenario {
    private static final String FRESH = "/capstan/fresh/last-good-image";

    @Test
    void createsTheParameterFromTheTagsDigest() {
        Result result = rollout("seed-last-good", "--parameter", FRESH, "--repository", REPOSITORY, "--tag", NEW_TAG);

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(STAND_IN.ssm().parameter(FRESH)).get().extracting(p -> p.value()).isEqualTo("capstan:def5678@" + NEW_DIGEST);
    }

    @Test
    void readsTheParameterNameFromTheGroupsTag() {
        Result result = rollout("seed-last-good", "--asg", GROUP, "--repository", REPOSITORY, "--tag", OLD_TAG);

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains(PARAMETER + " already records capstan:abc1234@" + OLD_DIGEST + "; nothing to do");
    }

    @Test
    void neverOverwritesAnotherImage() {
        Result result = rollout("seed-last-good", "--parameter", PARAMETER, "--repository", REPOSITORY, "--tag", NEW_TAG);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("already records capstan:abc1234@").contains("never overwrites");
        assertThat(lastGood()).isEqualTo("capstan:abc1234@" + OLD_DIGEST);
    }

    @Test
    void refusesATagThatIsNotInEcr() {
        Result result = rollout("seed-last-good", "--parameter", FRESH, "--repository", REPOSITORY, "--tag", "0000000");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(STAND_IN.ssm().parameter(FRESH)).isEmpty();
    }
}
