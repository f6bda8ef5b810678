package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.standin.GroupSpec;
import dev.capstan.standin.RefreshView;
import dev.capstan.standin.TemplateSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One owner for what new instances boot: the last-good parameter is written only after a Successful refresh, is left
 * alone by a failed or rolled-back deploy, is repaired after a crash between success and the write, and a deploy
 * refuses to run on a group whose image the parameter does not vouch for.
 */
class LastGoodOwnershipTest extends Scenario {
    private static final String OLD_VALUE = "capstan:" + OLD_TAG + "@" + OLD_DIGEST;
    private static final String NEW_VALUE = "capstan:" + NEW_TAG + "@" + NEW_DIGEST;

    @Test
    void theParameterIsWrittenAfterASuccessfulRefreshAndBeforeTheDefaultMoves() {
        Result result = deploy();

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(lastGood()).isEqualTo(NEW_VALUE);
        assertThat(mutatingActions()).containsSubsequence("StartInstanceRefresh", "PutParameter", "ModifyLaunchTemplate");
        assertThat(result.out()).contains("Last-good parameter " + PARAMETER + " is now " + NEW_VALUE + ".");
    }

    @Test
    void theParameterIsUnchangedAfterARolledBackDeploy() {
        STAND_IN.faults().failRefreshAt(GROUP, 0);

        Result result = deploy();

        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(result.err()).contains("RollbackSuccessful");
        assertThat(lastGood()).isEqualTo(OLD_VALUE);
        assertThat(calls("PutParameter")).isZero();
    }

    @Test
    void theParameterIsUnchangedAfterAFailedDeployWithoutRollback() {
        STAND_IN.faults().failRefreshAt(GROUP, 0);

        Result result = deploy("--no-auto-rollback");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(lastGood()).isEqualTo(OLD_VALUE);
    }

    @Test
    void aCrashBetweenSuccessAndTheWriteIsRepairedByTheNextDeploy() {
        // The refresh succeeds but the parameter write is refused, as if the process had died right there.
        STAND_IN.faults().accessDenied("ssm:PutParameter");
        Result crashed = deploy();
        assertThat(crashed.exitCode()).as(crashed.all()).isEqualTo(4);
        assertThat(lastGood()).isEqualTo(OLD_VALUE);
        STAND_IN.faults().clear();

        Result next = deploy();

        assertThat(next.exitCode()).as(next.all()).isZero();
        String refreshId = STAND_IN.autoScaling().latestRefresh(GROUP).map(RefreshView::instanceRefreshId).orElseThrow();
        assertThat(next.out()).contains("Repaired the last-good parameter " + PARAMETER)
                .contains("instance refresh " + refreshId + " to version 2 ended Successful")
                .contains("Nothing to do");
        assertThat(lastGood()).isEqualTo(NEW_VALUE);
    }

    @Test
    void aDeployOfAnotherImageAfterTheCrashRepairsFirstThenDeploys() {
        STAND_IN.faults().accessDenied("ssm:PutParameter");
        assertThat(deploy().exitCode()).isEqualTo(4);
        STAND_IN.faults().clear();
        STAND_IN.ecr().putImage(REPOSITORY, "fed9876", "sha256:" + "c3".repeat(32));

        Result next = rollout("deploy", "--asg", GROUP, "--repository", REPOSITORY, "--tag", "fed9876");

        assertThat(next.exitCode()).as(next.all()).isZero();
        assertThat(next.out()).containsSubsequence("Repaired the last-good parameter", "Created launch template capstan-web version 3");
        assertThat(lastGood()).isEqualTo("capstan:fed9876@sha256:" + "c3".repeat(32));
    }

    @Test
    void aDryRunSaysItWouldRepairAndChangesNothing() {
        STAND_IN.faults().accessDenied("ssm:PutParameter");
        assertThat(deploy().exitCode()).isEqualTo(4);
        STAND_IN.faults().clear();
        long writes = calls("PutParameter");

        Result dry = deploy("--dry-run");

        assertThat(dry.exitCode()).as(dry.all()).isZero();
        assertThat(dry.out()).contains("Would repair the last-good parameter");
        assertThat(calls("PutParameter")).isEqualTo(writes);
        assertThat(lastGood()).isEqualTo(OLD_VALUE);
    }

    @Test
    void aGroupRunningAnImageTheParameterDoesNotVouchForIsRefusedAndNothingChanges() {
        // Someone wrote the parameter by hand; no refresh ever moved the group to a version with that image.
        STAND_IN.ssm().putParameter(PARAMETER, "capstan:fed9876@sha256:" + "c3".repeat(32));

        Result result = deploy();

        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains("runs version 1, which carries capstan:abc1234")
                .contains("records capstan:fed9876@").contains("no instance refresh to version 1 ended Successful")
                .contains("Nothing was changed").contains("aws ssm put-parameter --name " + PARAMETER);
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void aMissingParameterIsRefusedWithTheCommandThatSeedsIt() {
        replaceTheWorldWithoutLastGood(TemplateSpec.named(TEMPLATE),
                tagged(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "1").capacity(2)));

        Result result = deploy();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("The last-good parameter " + PARAMETER + " does not exist")
                .contains("rollout seed-last-good --parameter " + PARAMETER + " --repository capstan --tag " + OLD_TAG);
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void aGroupWithoutTheTagNeedsTheParameterNamed() {
        replaceTheWorld(TemplateSpec.named(TEMPLATE), GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "1").capacity(2));

        Result untagged = deploy();
        Result named = deploy("--last-good-parameter", PARAMETER);

        assertThat(untagged.exitCode()).isEqualTo(2);
        assertThat(untagged.err()).contains("has no tag capstan:last-good-parameter").contains("--last-good-parameter");
        assertThat(named.exitCode()).as(named.all()).isZero();
        assertThat(lastGood()).isEqualTo(NEW_VALUE);
    }

    @Test
    void theLogGroupComesFromTheGroupsTagSoTheDeployRendersWhatTheStackRenders() {
        replaceTheWorld(TemplateSpec.named(TEMPLATE), tagged(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "1")
                .capacity(2).tag("capstan:log-group", "/capstan/test/service")));

        assertThat(deploy().exitCode()).isZero();

        assertThat(userDataText(2)).contains("LOG_GROUP='/capstan/test/service'");
    }

    @Test
    void aTimeoutThatLeavesTheRefreshRunningIsCaughtUpByTheNextDeploy() {
        assertThat(deploy("--timeout", "40s", "--on-timeout", "leave").exitCode()).isEqualTo(3);
        STAND_IN.clock().advance(Duration.ofMinutes(30));
        assertThat(lastGood()).isEqualTo(OLD_VALUE);

        Result next = deploy();

        assertThat(next.exitCode()).as(next.all()).isZero();
        assertThat(next.out()).contains("Repaired the last-good parameter").contains("Nothing to do");
        assertThat(lastGood()).isEqualTo(NEW_VALUE);
    }
}
