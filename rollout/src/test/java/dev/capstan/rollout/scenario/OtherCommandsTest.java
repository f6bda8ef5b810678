package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.standin.InstanceView;
import dev.capstan.standin.RefreshView;
import org.junit.jupiter.api.Test;

/** status, rollback and cancel. */
class OtherCommandsTest extends Scenario {
    private static final String THIRD_TAG = "fed9876";
    private static final String THIRD_DIGEST = "sha256:" + "c3".repeat(32);

    private Result deployTag(String tag) {
        return rollout("deploy", "--asg", GROUP, "--repository", REPOSITORY, "--tag", tag);
    }

    @Test
    void statusShowsRefreshesDefaultVersionAndTheImageOfEachVersion() {
        deploy();

        Result result = rollout("status", "--asg", GROUP);

        assertThat(result.exitCode()).as(result.all()).isZero();
        String refreshId = STAND_IN.autoScaling().latestRefresh(GROUP).map(RefreshView::instanceRefreshId).orElseThrow();
        assertThat(result.out())
                .contains("Group capstan-web: 3 InService of 3 desired")
                .contains("version 2: 3 InService")
                .contains("Launch template default version: 2 (latest 2).")
                .containsPattern("\\s+2\\*  \\S+  capstan:def5678 " + NEW_DIGEST)
                .containsPattern("\\s+1   \\S+  capstan:abc1234 " + OLD_DIGEST)
                .contains("Active instance refresh: none.")
                .contains("Last-good image (" + PARAMETER + "): capstan:def5678@" + NEW_DIGEST + ".")
                .containsPattern(refreshId + "  Successful\\s+100%  0 to update  started \\S+  ended \\S+ to version 2");
    }

    @Test
    void rollbackRollsBackTheActiveRefreshAndWaitsForIt() {
        deploy("--timeout", "40s", "--on-timeout", "leave");

        Result result = rollout("rollback", "--asg", GROUP);

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("Rolling back instance refresh").contains("ended RollbackSuccessful");
        assertThat(calls("RollbackInstanceRefresh")).isEqualTo(1);
        assertThat(STAND_IN.autoScaling().group(GROUP).inServiceInstances())
                .extracting(InstanceView::launchTemplateVersion).containsOnly("1");
    }

    @Test
    void rollbackWithoutAnActiveRefreshRedeploysThePreviousReleasesImage() {
        STAND_IN.ecr().putImage(REPOSITORY, THIRD_TAG, THIRD_DIGEST);
        assertThat(deploy().exitCode()).isZero();
        assertThat(deployTag(THIRD_TAG).exitCode()).isZero();

        Result result = rollout("rollback", "--asg", GROUP);

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("redeploying the image of version 2: image capstan:def5678 " + NEW_DIGEST);
        var template = STAND_IN.ec2().launchTemplate(TEMPLATE);
        assertThat(template.defaultVersionNumber()).isEqualTo(4);
        assertThat(template.version(4).orElseThrow().versionDescription()).isEqualTo("image capstan:def5678 " + NEW_DIGEST);
        assertThat(STAND_IN.calls("CreateLaunchTemplateVersion").get(2).param("SourceVersion")).isEqualTo("3");
        assertThat(STAND_IN.autoScaling().group(GROUP).inServiceInstances())
                .extracting(InstanceView::launchTemplateVersion).containsOnly("4");
        assertThat(lastGood()).isEqualTo("capstan:def5678@" + NEW_DIGEST);
    }

    @Test
    void rollbackSkipsAVersionWhoseDeployWasRolledBack() {
        STAND_IN.ecr().putImage(REPOSITORY, THIRD_TAG, THIRD_DIGEST);
        STAND_IN.ecr().putImage(REPOSITORY, "bad0000", "sha256:" + "d4".repeat(32));
        assertThat(deploy().exitCode()).isZero();
        STAND_IN.faults().failRefreshAt(GROUP, 0);
        assertThat(deployTag("bad0000").exitCode()).isEqualTo(1);
        STAND_IN.faults().clear();
        assertThat(deployTag(THIRD_TAG).exitCode()).isZero();

        Result result = rollout("rollback", "--asg", GROUP, "--dry-run");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("redeploying the image of version 2: image capstan:def5678 " + NEW_DIGEST)
                .doesNotContain("bad0000 sha256");
    }

    @Test
    void rollbackToAChosenVersionRedeploysItsImage() {
        assertThat(deploy().exitCode()).isZero();

        Result dry = rollout("rollback", "--asg", GROUP, "--to-version", "1", "--dry-run");
        Result missing = rollout("rollback", "--asg", GROUP, "--to-version", "9");

        assertThat(dry.exitCode()).as(dry.all()).isZero();
        assertThat(dry.out()).contains("redeploying the image of version 1: image capstan:abc1234")
                .contains("Plan (dry run, nothing was changed):");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Launch template capstan-web has no version 9");
        assertThat(STAND_IN.ec2().launchTemplate(TEMPLATE).latestVersionNumber()).isEqualTo(2);
    }

    @Test
    void rollbackWithNoEarlierReleaseExitsTwo() {
        Result result = rollout("rollback", "--asg", GROUP);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("No earlier version of launch template capstan-web ended a Successful instance refresh")
                .contains("--to-version N");
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void cancelCancelsTheActiveRefresh() {
        deploy("--timeout", "40s", "--on-timeout", "leave");

        Result result = rollout("cancel", "--asg", GROUP);

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("Cancelling instance refresh").contains("ended Cancelled");
        assertThat(STAND_IN.autoScaling().activeRefresh(GROUP)).isEmpty();
    }

    @Test
    void cancelWithNothingActiveExitsTwo() {
        Result result = rollout("cancel", "--asg", GROUP);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo(
                "Group 'capstan-web' has no active instance refresh; check it with rollout status --asg capstan-web.");
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void everyCommandHasHelp() {
        String[] commands = {"deploy", "status", "rollback", "cancel", "prune", "seed-last-good", "render-user-data",
                "admin"};
        for (String command : commands) {
            Result help = rollout(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: rollout " + command);
        }
        String rootHelp = rollout("--help").out();
        assertThat(rootHelp).contains("Exit codes: 0 success");
        for (String command : commands) {
            assertThat(rootHelp).as("rollout --help lists " + command).containsPattern("(?m)^\\s+" + command + "\\s");
        }
    }
}
