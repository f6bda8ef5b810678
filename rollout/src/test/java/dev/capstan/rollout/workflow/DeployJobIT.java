package dev.capstan.rollout.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.capstan.standin.AwsStandIn;
import dev.capstan.standin.GroupSpec;
import dev.capstan.standin.RefreshView;
import dev.capstan.standin.TemplateSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy job of the workflow, run here: its scripts as written, with its env: evaluated from repository variables
 * and the image job's outputs, the packaged rollout.jar where the artifact download puts it, and the shared AWS
 * stand-in in place of AWS (what configure-aws-credentials would provide, plus the stand-in's endpoint).
 */
class DeployJobIT {
    static final Workflow WORKFLOW = Workflow.load();
    static final String GROUP = "capstan-web";
    static final String REPOSITORY = "capstan";
    static final String OLD_TAG = "abc1234";
    static final String OLD_DIGEST = "sha256:" + "a1".repeat(32);
    static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    static final String NEW_DIGEST = "sha256:" + "c3".repeat(32);
    static final String DEPLOY_ROLE = "arn:aws:iam::123456789012:role/capstan-deploy";
    static final Path ROLLOUT_JAR = Path.of("target", "rollout.jar").toAbsolutePath();

    final AwsStandIn standIn = AwsStandIn.shared();

    @TempDir
    Path dir;
    HttpServer versionEndpoint;

    @BeforeEach
    void aGroupOnTheOldImageAndTheNewImageInEcr() throws IOException {
        standIn.reset();
        standIn.ecr().putImage(REPOSITORY, OLD_TAG, OLD_DIGEST);
        standIn.ecr().putImage(REPOSITORY, SHA, NEW_DIGEST);
        standIn.ec2().createLaunchTemplate(TemplateSpec.named(GROUP).userData("#!/bin/bash\necho old\n")
                .versionDescription("image " + REPOSITORY + ":" + OLD_TAG + " " + OLD_DIGEST));
        standIn.autoScaling().createGroup(GroupSpec.named(GROUP).launchTemplate(GROUP, "1").capacity(2));
        // The CLI polls in real time (every 5 s and more); simulated time runs so fast that the refresh has ended
        // by its first look, so a deploy takes seconds here.
        standIn.clock().realTime(50_000);
        assertThat(ROLLOUT_JAR).as("the packaged CLI; run through mvn verify").exists();
    }

    @AfterEach
    void stopTheVersionEndpoint() {
        if (versionEndpoint != null) {
            versionEndpoint.stop(0);
        }
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
        assertThat(standIn.ec2().launchTemplate(GROUP).defaultVersionNumber()).isEqualTo(2);
        assertThat(standIn.autoScaling().group(GROUP).inServiceInstances())
                .isNotEmpty().allSatisfy(i -> assertThat(i.launchTemplateVersion()).isEqualTo("2"));
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
        Map<String, String> runner = new LinkedHashMap<>();
        runner.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        runner.put("HOME", Files.createDirectories(dir.resolve("home")).toString());
        runner.put("LANG", "C.UTF-8");
        runner.put("CI", "true");
        runner.put("GITHUB_ACTIONS", "true");
        runner.put("GITHUB_WORKSPACE", workspace.toString());
        runner.put("RUNNER_TEMP", temp.toString());
        runner.put("GITHUB_EVENT_NAME", event.get("github.event_name").toString());
        runner.put("GITHUB_REF", event.get("github.ref").toString());
        runner.put("GITHUB_SHA", event.get("github.sha").toString());
        Map<String, LocalJobRun.ActionStandIn> actions = Map.of(
                "actions/download-artifact", this::downloadTheTestedJars,
                "actions/setup-java", DeployJobIT::setUpJava,
                "aws-actions/configure-aws-credentials", this::awsCredentialsForTheStandIn);
        return new LocalJobRun(WORKFLOW, "deploy", new ContextMap().putAll(event), actions, runner, workspace, temp).run();
    }

    /** What download-artifact restores: the uploaded paths, relative to the workspace. */
    private Map<String, String> downloadTheTestedJars(Map<String, String> with, Path into) throws IOException {
        Workflow.Step upload = WORKFLOW.stepUsing("verify", "actions/upload-artifact");
        assertThat(with.get("name")).as("the artifact verify uploaded").isEqualTo(upload.with().get("name"));
        for (String path : upload.with().get("path").strip().split("\\s+")) {
            Path target = into.resolve(path);
            Files.createDirectories(target.getParent());
            if (path.equals("rollout/target/rollout.jar")) {
                Files.copy(ROLLOUT_JAR, target);
            } else {
                Files.writeString(target, "not read by the deploy job"); // service.jar: only the image job reads it
            }
        }
        return Map.of();
    }

    private static Map<String, String> setUpJava(Map<String, String> with, Path workspace) {
        assertThat(with.get("java-version")).isEqualTo("17");
        Path javaHome = Path.of(System.getProperty("java.home"));
        return Map.of("JAVA_HOME", javaHome.toString(), "PATH", javaHome.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
    }

    private Map<String, String> awsCredentialsForTheStandIn(Map<String, String> with, Path workspace) {
        assertThat(with).containsEntry("role-to-assume", DEPLOY_ROLE).containsEntry("aws-region", "eu-west-1");
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", "ASIATESTSTANDIN00000");
        env.put("AWS_SECRET_ACCESS_KEY", "stand-in");
        env.put("AWS_SESSION_TOKEN", "stand-in");
        env.put("AWS_REGION", with.get("aws-region"));
        env.put("AWS_DEFAULT_REGION", with.get("aws-region"));
        // Not the action's doing: this is what points the job at the stand-in instead of AWS.
        env.put("AWS_ENDPOINT_URL", standIn.endpoint().toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        return env;
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

    private static Map<String, Object> repositoryVariables(Map<String, Object> event) {
        event.put("vars.AWS_REGION", "eu-west-1");
        event.put("vars.DEPLOY_ROLE_ARN", DEPLOY_ROLE);
        event.put("vars.ASG_NAME", GROUP);
        event.put("vars.ECR_REPOSITORY", REPOSITORY);
        event.put("vars.VERIFY_URL", "");
        return event;
    }

    /** A push to main whose image job recorded this tag. */
    private static Map<String, Object> onPush(String imageTag) {
        Map<String, Object> event = repositoryVariables(Events.push("refs/heads/main"));
        event.put("needs.image.outputs.tag", imageTag);
        return event;
    }

    /** Run workflow on main with an image tag; the image job is skipped, so its outputs are empty. */
    private static Map<String, Object> byHand(String imageTag) {
        Map<String, Object> event = repositoryVariables(Events.runByHand("refs/heads/main", imageTag));
        event.put("needs.image.outputs.tag", "");
        return event;
    }
}
