package dev.capstan.rollout.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

class GitHubReporterTest {
    private static final Instant T0 = Instant.parse("2026-11-26T21:00:00Z");

    @Test
    void summaryShowsFromAndToTimingsOutcomeAndAMermaidTimeline() {
        DeployReport report = new DeployReport(T0).group("capstan-web")
                .from(4L, "capstan:abc1234 sha256:aaa").to(5L, "capstan:def5678 sha256:bbb", "sha256:bbb")
                .refreshId("r-1");
        report.changed(T0.plusSeconds(5), refresh("Pending", 0, null, null));
        report.changed(T0.plusSeconds(95), refresh("InProgress", 50, 1, "Waiting: for instances to warm up # 1"));
        report.changed(T0.plusSeconds(110), refresh("InProgress", 50, 1, "another reason, same milestone"));
        report.finish(T0.plusSeconds(200), "success", null);

        String md = GitHubReporter.summary(report);

        assertThat(md).contains("## Deploy to `capstan-web`: success")
                .contains("| from | 4 | `capstan:abc1234 sha256:aaa` |")
                .contains("| to | 5 | `capstan:def5678 sha256:bbb` |")
                .contains("- finished: 2026-11-26T21:03:20Z (3m20s)")
                .contains("```mermaid\ntimeline\n    title Instance refresh r-1\n")
                .contains("    +0s : Pending 0%\n")
                .contains("    +1m30s : InProgress 50%, 1 to update\n")
                .doesNotContain("+1m45s");
    }

    @Test
    void outputsNameVersionRefreshDigestAndResult() {
        DeployReport report = new DeployReport(T0).to(7L, "x", "sha256:ccc").refreshId("r-2").finish(T0, "rolled-back", "why");

        assertThat(GitHubReporter.outputs(report)).isEqualTo(
                "launch-template-version=7\nrefresh-id=r-2\nimage-digest=sha256:ccc\nresult=rolled-back\n");
    }

    @Test
    void annotatesErrorsOnlyInsideGitHubActionsAndEscapesThem() {
        StringWriter inside = new StringWriter();
        new GitHubReporter(Map.of("GITHUB_ACTIONS", "true")).annotateError(new PrintWriter(inside), "100% broken\nreally");
        StringWriter outside = new StringWriter();
        new GitHubReporter(Map.of()).annotateError(new PrintWriter(outside), "broken");

        assertThat(inside.toString()).isEqualTo("::error title=rollout::100%25 broken%0Areally" + System.lineSeparator());
        assertThat(outside.toString()).isEmpty();
    }

    private static InstanceRefresh refresh(String status, int pct, Integer left, String reason) {
        return InstanceRefresh.builder().instanceRefreshId("r-1").status(status).percentageComplete(pct)
                .instancesToUpdate(left).statusReason(reason).build();
    }
}
