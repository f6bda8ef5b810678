package dev.capstan.rollout.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.capstan.standin.AwsStandIn;
import dev.capstan.standin.RefreshView;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy job of the workflow, run here: its scripts as written, with its env: evaluated from repository variables
 * and the image job's outputs, the packaged rollout.jar where the artifact download puts it, the shared AWS stand-in
 * in place of AWS (what configure-aws-credentials would provide, plus the stand-in's endpoint), and a server on
 * loopback in place of GitHub's REST API (GITHUB_API_URL), which answers what the head of main is.
 */
class DeployJobIT {
    static final Workflow WORKFLOW = Workflow.main();
    static final String GROUP = RunnerFixture.GROUP;
    static final String REPOSITORY = RunnerFixture.REPOSITORY;
    static final String OLD_TAG = RunnerFixture.OLD_TAG;
    static final String OLD_DIGEST = RunnerFixture.OLD_DIGEST;
    static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    static final String REPOSITORY_ON_GITHUB = RunnerFixture.GITHUB_REPOSITORY;
    static final String NEW_DIGEST = "sha256:" + "c3".repeat(32);
    static final String DEPLOY_ROLE = "arn:aws:iam::123456789012:role/capstan-ci-deploy";
    /** A newer commit on main, pushed while this run's deploy waited its turn. */
    static final String NEWER_SHA = "fedcba9876543210fedcba9876543210fedcba98";
    static final String TOKEN = "ghs_stand-in-token";

    final AwsStandIn standIn = AwsStandIn.shared();

    @TempDir
    Path dir;
    HttpServer versionEndpoint;
    GithubApi github;

    @BeforeEach
    void aGroupOnTheOldImageAndTheNewImageInEcrAndThisCommitTheHeadOfMain() throws IOException {
        github = GithubApi.start(REPOSITORY_ON_GITHUB, SHA);
        RunnerFixture.aGroupOnTheOldImage(standIn);
        standIn.ecr().putImage(REPOSITORY, SHA, NEW_DIGEST);
        // The CLI polls in real time (every 5 s and more); simulated time runs so fast that the refresh has ended
        // by its first look, so a deploy takes seconds here.
        standIn.clock().realTime(50_000);
        assertThat(RunnerFixture.ROLLOUT_JAR).as("the packaged CLI; run through mvn verify").exists();
    }

    @AfterEach
    void stopTheLocalServers() {
        if (versionEndpoint != null) {
            versionEndpoint.stop(0);
        }
        github.stop();
        standIn.clock().manual();
    }

    @Test
    void aPushDeploysTheImageJobsTagAndReportsItOnTheRunPage() throws Exception {
        LocalJobRun.Result run = deployJob(onPush(SHA));

        assertThat(run.succeeded()).as(run.log()).isTrue();
        String refreshId = standIn.autoScaling().latestRefresh(GROUP).map(RefreshView::instanceRefreshId).orElseThrow();
        assertThat(run.outputs()).containsExactly(Map.entry("result", "success"),
                Map.entry("launch-template-version", "2"), Map.entry("refresh-id", refreshId),
                Map.entry("image-digest", NEW_DIGEST));
        assertThat(run.summary())
                .contains("## Deploy to `capstan-web`: success")
                .contains("| to | 2 | `capstan:" + SHA + " " + NEW_DIGEST + "` |")
                .contains("- instance refresh: `" + refreshId + "`")
                .contains("```mermaid\ntimeline");
        assertThat(run.log()).doesNotContain("::error");
        assertThat(standIn.calls("StartInstanceRefresh").get(0).params().keySet())
                .as("no alarms without REFRESH_ALARMS").noneMatch(k -> k.startsWith("Preferences.AlarmSpecification"));
        assertThat(standIn.ec2().launchTemplate(GROUP).defaultVersionNumber()).isEqualTo(2);
        assertThat(standIn.autoScaling().group(GROUP).inServiceInstances())
                .isNotEmpty().allSatisfy(i -> assertThat(i.launchTemplateVersion()).isEqualTo("2"));
    }

    @Test
    void aPushAsksGithubForTheHeadOfMainWithTheJobsTokenBeforeItDeploys() throws Exception {
        LocalJobRun.Result run = deployJob(onPush(SHA));

        assertThat(run.succeeded()).as(run.log()).isTrue();
        assertThat(github.requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/repos/" + REPOSITORY_ON_GITHUB + "/git/ref/heads/main");
            assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
        });
        assertThat(run.step("head").log()).contains(SHA + " is the head of refs/heads/main");
    }

    @Test
    void aPushWhoseCommitIsNoLongerTheHeadOfMainSkipsTheDeployAndSaysSo() throws Exception {
        github.headIs(NEWER_SHA);

        LocalJobRun.Result run = deployJob(onPush(SHA));

        assertThat(run.succeeded()).as("a skipped deploy is not a failure\n" + run.log()).isTrue();
        assertThat(run.step("head").log()).contains("::notice title=deploy::Not deployed: " + SHA
                + " is no longer the head of refs/heads/main (" + NEWER_SHA + " is)");
        assertThat(run.summary()).contains("## Deploy skipped: `" + SHA + "` is no longer the head of `refs/heads/main`");
        assertThat(run.steps()).filteredOn(s -> !s.skipped()).extracting(LocalJobRun.StepResult::label)
                .containsExactly("deploy / Check the configuration", "deploy / Check that this commit is still the head of main");
        assertThat(run.outputs()).containsEntry("result", "");
        assertThat(standIn.calls()).as("nothing in AWS, not even a read").isEmpty();
    }

    @Test
    void aRunByHandDeploysItsTagWhateverTheHeadOfMainIs() throws Exception {
        github.headIs(NEWER_SHA);

        LocalJobRun.Result byHand = deployJob(byHand(SHA));

        assertThat(byHand.succeeded()).as(byHand.log()).isTrue();
        assertThat(byHand.step("head").skipped()).isTrue();
        assertThat(github.requests()).as("no lookup: a rollback never waits on GitHub's API").isEmpty();
        assertThat(byHand.outputs()).containsEntry("result", "success").containsEntry("image-digest", NEW_DIGEST);
    }

    @Test
    void aLookupOfTheHeadThatFailsFailsTheJobBeforeAws() throws Exception {
        github.answers(404, "{\"message\":\"Not Found\",\"status\":\"404\"}");

        LocalJobRun.Result run = deployJob(onPush(SHA));

        assertThat(run.succeeded()).isFalse();
        assertThat(run.step("head").exitCode()).as(run.log()).isNotZero();
        assertThat(run.step("head").log()).contains("Not Found")
                .contains("::error title=deploy::Could not look up the head of refs/heads/main");
        assertThat(standIn.calls()).isEmpty();
    }

    @Test
    void anAnswerThatNamesNoCommitFailsTheJobBeforeAws() throws Exception {
        github.answers(200, "{\"ref\":\"refs/heads/main\",\"object\":{\"type\":\"tag\",\"sha\":\"" + SHA + "\"}}");

        LocalJobRun.Result run = deployJob(onPush(SHA));

        assertThat(run.succeeded()).isFalse();
        assertThat(run.step("head").log()).contains("::error title=deploy::");
        assertThat(standIn.calls()).isEmpty();
    }

    @Test
    void withAVerifyUrlTheDeployWaitsUntilTheServiceReportsTheNewDigest() throws Exception {
        Map<String, Object> event = onPush(SHA);
        event.put("vars.VERIFY_URL", startVersionEndpoint(NEW_DIGEST));

        LocalJobRun.Result run = deployJob(event);

        assertThat(run.succeeded()).as(run.log()).isTrue();
        assertThat(run.step("rollout").log()).contains("/v1/version").contains(NEW_DIGEST);
        assertThat(run.outputs()).containsEntry("result", "success");
    }

    @Test
    void withRefreshAlarmsTheRefreshIsWatchedByTheStacksAlarms() throws Exception {
        Map<String, Object> event = onPush(SHA);
        // The Service stack's output RefreshAlarms, as the variable holds it.
        event.put("vars.REFRESH_ALARMS",
                "capstan-production-target-5xx-rate,capstan-production-p99-latency,capstan-production-healthy-hosts-below-desired");

        LocalJobRun.Result run = deployJob(event);

        assertThat(run.succeeded()).as(run.log()).isTrue();
        assertThat(standIn.calls("StartInstanceRefresh")).singleElement().satisfies(start -> assertThat(start.params())
                .containsEntry("Preferences.AlarmSpecification.Alarms.member.1", "capstan-production-target-5xx-rate")
                .containsEntry("Preferences.AlarmSpecification.Alarms.member.2", "capstan-production-p99-latency")
                .containsEntry("Preferences.AlarmSpecification.Alarms.member.3", "capstan-production-healthy-hosts-below-desired")
                .doesNotContainKey("Preferences.AlarmSpecification.Alarms.member.4"));
        assertThat(run.outputs()).containsEntry("result", "success");
    }

    @Test
    void aRunByHandRollsBackToTheTagItIsGiven() throws Exception {
        assertThat(deployJob(onPush(SHA)).succeeded()).isTrue();

        LocalJobRun.Result rollback = deployJob(byHand(OLD_TAG));

        assertThat(rollback.succeeded()).as(rollback.log()).isTrue();
        assertThat(rollback.outputs()).containsEntry("result", "success")
                .containsEntry("launch-template-version", "3").containsEntry("image-digest", OLD_DIGEST);
        assertThat(rollback.summary()).contains("| to | 3 | `capstan:" + OLD_TAG + " " + OLD_DIGEST + "` |");
        assertThat(standIn.ec2().launchTemplate(GROUP).defaultVersionNumber()).isEqualTo(3);
    }

    @Test
    void aTagThatIsNotInEcrFailsTheJobBeforeAnythingChanges() throws Exception {
        LocalJobRun.Result run = deployJob(byHand("deadbee"));

        assertThat(run.succeeded()).isFalse();
        assertThat(run.step("rollout").exitCode()).as(run.log()).isEqualTo(2);
        assertThat(run.step("rollout").log())
                .contains("::error title=rollout::The tag 'deadbee' is not in the ECR repository 'capstan'");
        assertThat(run.outputs()).containsEntry("result", "invalid").containsEntry("launch-template-version", "");
        assertThat(standIn.anyMutatingCall()).isFalse();
    }

    @Test
    void anUnsetRepositoryVariableStopsTheJobBeforeItReachesAws() throws Exception {
        Map<String, Object> event = onPush(SHA);
        event.put("vars.ASG_NAME", "");

        LocalJobRun.Result run = deployJob(event);

        assertThat(run.succeeded()).isFalse();
        assertThat(run.steps()).hasSize(1);
        assertThat(run.steps().get(0).log()).contains("::error title=configuration::Not set: ASG_NAME.");
        assertThat(run.outputs()).containsEntry("result", "");
        assertThat(standIn.calls()).isEmpty();
    }

    /** One run of the job, on a fresh runner: its own workspace and temporary directory. */
    private LocalJobRun.Result deployJob(Map<String, Object> event) throws Exception {
        Path workspace = Files.createTempDirectory(dir, "workspace");
        Path temp = Files.createTempDirectory(dir, "runner-temp");
        RunnerFixture runner = new RunnerFixture(standIn, dir);
        Map<String, LocalJobRun.ActionStandIn> actions = Map.of(
                "actions/download-artifact", RunnerFixture::downloadTheTestedJars,
                "actions/setup-java", RunnerFixture.setUpJava(),
                "aws-actions/configure-aws-credentials", runner.assumeRole(DEPLOY_ROLE));
        Map<String, String> env = runner.environment(event, workspace, temp);
        env.put("GITHUB_API_URL", github.url());
        return new LocalJobRun(WORKFLOW, "deploy", new ContextMap().putAll(event), actions, env, workspace, temp).run();
    }

    private String startVersionEndpoint(String digest) throws IOException {
        versionEndpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        versionEndpoint.createContext("/v1/version", exchange -> {
            byte[] body = ("{\"imageDigest\":\"" + digest + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        versionEndpoint.start();
        return "http://127.0.0.1:" + versionEndpoint.getAddress().getPort();
    }

    /** A push to main whose image job recorded this tag. */
    private static Map<String, Object> onPush(String imageTag) {
        Map<String, Object> event = RunnerFixture.repositoryVariables(Events.push("refs/heads/main"));
        event.put("needs.image.outputs.tag", imageTag);
        event.put("github.token", TOKEN);
        return event;
    }

    /** Run workflow on main with an image tag; the image job is skipped, so its outputs are empty. */
    private static Map<String, Object> byHand(String imageTag) {
        Map<String, Object> event = RunnerFixture.repositoryVariables(Events.runByHand("refs/heads/main", imageTag));
        event.put("needs.image.outputs.tag", "");
        event.put("github.token", TOKEN);
        return event;
    }
}
