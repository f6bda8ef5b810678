package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.standin.GroupSpec;
import dev.capstan.standin.TemplateSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every failed precondition exits 2 and leaves the account exactly as it was. */
class PreflightTest extends Scenario {

    @Test
    void deployFailsBeforeAnyChangeWhenTagIsMissing() {
        Result result = rollout("deploy", "--asg", GROUP, "--repository", REPOSITORY, "--tag", "0000000");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo(
                "The tag '0000000' is not in the ECR repository 'capstan'; push the image first or check --tag.");
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void deployFailsBeforeAnyChangeWhenTheRepositoryIsMissing() {
        Result result = rollout("deploy", "--asg", GROUP, "--repository", "nope", "--tag", NEW_TAG);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("The ECR repository 'nope' does not exist");
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void deployFailsBeforeAnyChangeWhenTheGroupIsMissing() {
        Result result = rollout("deploy", "--asg", "nope", "--repository", REPOSITORY, "--tag", NEW_TAG);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("The Auto Scaling group 'nope' does not exist");
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void deployFailsBeforeAnyChangeWhenTheLaunchTemplateIsNotTheGroups() {
        Result result = deploy("--launch-template", "other-template");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("launches from template 'capstan-web'").contains("not 'other-template'");
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void deployFailsBeforeAnyAwsCallWhenPreferencesConflict() {
        Result result = deploy("--min-healthy", "50", "--max-healthy", "200", "--checkpoints", "20,50",
                "--checkpoint-delay", "10m");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--max-healthy may exceed --min-healthy by at most 100")
                .contains("the last of --checkpoints must be 100");
        assertThat(STAND_IN.calls()).isEmpty();
    }

    @Test
    void deployFailsBeforeAnyChangeWhenTheRenderedUserDataIsTooLarge(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("boot.sh");
        Files.writeString(big, "#!/bin/bash\nIMAGE_REF='{{IMAGE_REF}}'\n# " + "x".repeat(16_400) + "\n");

        Result result = deploy("--template", big.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("over AWS's limit of 16384 bytes (counted before base64 encoding)");
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void deployFailsBeforeAnyChangeWhenTheTemplateHasAnUnknownPlaceholder(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("boot.sh");
        Files.writeString(bad, "#!/bin/bash\nX='{{IMAGE_REFERENCE}}'\n");

        Result result = deploy("--template", bad.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown placeholders IMAGE_REFERENCE");
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void deployRefusesAutoRollbackWhenTheGroupLaunchesTheDefaultVersion() {
        replaceTheWorldWithAGroupOnTheDefaultVersion();

        Result result = deploy();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("launches the template's $Default version, and AWS cannot roll such a group back")
                .contains("pin the group to a numbered version, or pass --no-auto-rollback");
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void aGroupOnTheDefaultVersionCanStillDeployWithoutRollback() {
        replaceTheWorldWithAGroupOnTheDefaultVersion();

        Result result = deploy("--no-auto-rollback", "--on-timeout", "cancel");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(STAND_IN.calls("StartInstanceRefresh").get(0).param("Preferences.AutoRollback")).isEqualTo("false");
    }

    @Test
    void badOptionsExitTwoWithOneSentence() {
        Result missing = rollout("deploy", "--asg", GROUP);
        Result badEnum = deploy("--on-timeout", "explode");
        Result badDuration = deploy("--timeout", "soon");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("Missing required options").endsWith("Run 'rollout deploy --help' for the options.");
        assertThat(badEnum.exitCode()).isEqualTo(2);
        assertThat(badEnum.err()).contains("--on-timeout");
        assertThat(badDuration.exitCode()).isEqualTo(2);
        assertThat(badDuration.err()).contains("write it like 90s, 5m, 1h30m");
        assertThat(STAND_IN.calls()).isEmpty();
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() {
        Result result = deploy("--dry-run");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("Plan (dry run, nothing was changed):")
                .contains("capstan:abc1234 " + OLD_DIGEST + "  ->  capstan:def5678 " + NEW_DIGEST)
                .contains("new version 2 from SourceVersion 1")
                .contains("DesiredConfiguration version 2; min healthy 100%, max healthy 200%")
                .contains("on success " + PARAMETER + " := capstan:def5678@" + NEW_DIGEST)
                .contains("rollback after 1h");
        assertThat(mutatingActions()).isEmpty();
    }

    /** Instead of the standard world: a group that launches the template's $Default version, the new image in ECR. */
    private static void replaceTheWorldWithAGroupOnTheDefaultVersion() {
        replaceTheWorld(TemplateSpec.named(TEMPLATE),
                tagged(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "$Default").capacity(2)));
    }
}
