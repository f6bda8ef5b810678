package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.standin.RefreshView;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubOutputTest extends Scenario {
    @TempDir
    Path dir;
    Path output;
    Path summary;

    @BeforeEach
    void runAsAGitHubActionsStep() {
        output = dir.resolve("output");
        summary = dir.resolve("summary.md");
        env.put("GITHUB_OUTPUT", output.toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        env.put("GITHUB_ACTIONS", "true");
    }

    @Test
    void aSuccessfulDeployWritesItsOutputsAndASummaryWithATimeline() throws Exception {
        Result result = deploy();

        assertThat(result.exitCode()).isZero();
        String refreshId = STAND_IN.autoScaling().latestRefresh(GROUP).map(RefreshView::instanceRefreshId).orElseThrow();
        assertThat(Files.readString(output)).isEqualTo("launch-template-version=2\nrefresh-id=" + refreshId
                + "\nimage-digest=" + NEW_DIGEST + "\nresult=success\n");
        assertThat(Files.readString(summary))
                .contains("## Deploy to `capstan-web`: success")
                .contains("| from | 1 | `capstan:abc1234 " + OLD_DIGEST + "` |")
                .contains("| to | 2 | `capstan:def5678 " + NEW_DIGEST + "` |")
                .contains("- started: ").contains("- finished: ")
                .contains("```mermaid\ntimeline\n    title Instance refresh " + refreshId)
                .contains("    +0s : Pending 0%")
                .containsPattern("    \\+\\d+m(\\d\\ds)? : Successful 100%, 0 to update");
        assertThat(result.out()).doesNotContain("::error");
    }

    @Test
    void aRolledBackDeployReportsItsResultAndAnErrorAnnotation() throws Exception {
        STAND_IN.faults().failRefreshAt(GROUP, 50);

        Result result = deploy(RefreshFailureTest.ONE_AT_A_TIME);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(Files.readString(output)).contains("launch-template-version=2\n").contains("result=rolled-back\n");
        assertThat(Files.readString(summary)).contains(": rolled-back").contains("- outcome: The deploy failed")
                .contains("RollbackSuccessful");
        assertThat(result.out()).contains("::error title=rollout::The deploy failed: instance refresh");
    }

    @Test
    void aFailedPreflightStillWritesItsResult() throws Exception {
        Result result = rollout("deploy", "--asg", GROUP, "--repository", REPOSITORY, "--tag", "missing");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(Files.readString(output)).isEqualTo("launch-template-version=\nrefresh-id=\nimage-digest=\nresult=invalid\n");
        assertThat(result.out()).contains("::error title=rollout::The tag 'missing' is not in the ECR repository");
    }

    @Test
    void nothingToDoIsItsOwnResult() throws Exception {
        deploy();
        Files.delete(output);

        Result again = deploy();

        assertThat(again.exitCode()).isZero();
        assertThat(Files.readString(output)).contains("launch-template-version=2\n").contains("result=nothing-to-do\n");
    }

    @Test
    void aTimeoutReportsTimedOut() throws Exception {
        deploy("--timeout", "40s");

        assertThat(Files.readString(output)).contains("result=timed-out\n");
    }
}
