package dev.capstan.rollout.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.capstan.standin.AwsStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image job's own scripts, run as written with the real AWS CLI against the stand-in's ECR: a new commit is built
 * and pushed, a re-run reuses the tag it pushed before (tags are immutable), and any other AWS error fails the job.
 * The build itself (buildx) is a stand-in here that records what it was asked and "pushes" into the stand-in.
 */
class ImageJobIT {
    static final Workflow WORKFLOW = Workflow.main();
    static final Path AWS_CLI = Path.of("/usr/bin/aws");
    static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    static final String PUSHED_DIGEST = "sha256:" + "d4".repeat(32);
    static final String EARLIER_DIGEST = "sha256:" + "e5".repeat(32);

    final AwsStandIn standIn = AwsStandIn.shared();
    final List<Map<String, String>> builds = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void awsCliAndAnEmptyWorld() {
        assumeTrue(Files.isExecutable(AWS_CLI) || "true".equals(System.getenv("CI")),
                "the AWS CLI is not installed (apt-get install awscli); on CI its absence fails this test");
        assertThat(AWS_CLI).as("the AWS CLI, which the image job calls").isExecutable();
        standIn.reset();
    }

    @Test
    void aNewCommitIsBuiltAroundTheTestedJarPushedAndItsDigestRecorded() throws Exception {
        standIn.ecr().putImage("capstan", "abc1234", EARLIER_DIGEST);

        LocalJobRun.Result run = imageJob();

        assertThat(run.succeeded()).as(run.log()).isTrue();
        assertThat(builds).singleElement().satisfies(with -> assertThat(with)
                .containsEntry("tags", standIn.ecr().registryHost() + "/capstan:" + SHA)
                .containsEntry("cache-from", "type=gha").containsEntry("cache-to", "type=gha,mode=max"));
        assertThat(run.outputs()).containsExactly(Map.entry("tag", SHA), Map.entry("digest", PUSHED_DIGEST));
        assertThat(run.summary()).contains("## Image `capstan:" + SHA + "`").contains("- digest: `" + PUSHED_DIGEST + "`")
                .contains("built and pushed by this run");
    }

    @Test
    void aReRunReusesTheImageItPushedBeforeWithoutBuilding() throws Exception {
        standIn.ecr().putImage("capstan", SHA, EARLIER_DIGEST);

        LocalJobRun.Result run = imageJob();

        assertThat(run.succeeded()).as(run.log()).isTrue();
        assertThat(builds).isEmpty();
        assertThat(run.steps()).filteredOn(LocalJobRun.StepResult::skipped).hasSize(2);
        assertThat(run.outputs()).containsExactly(Map.entry("tag", SHA), Map.entry("digest", EARLIER_DIGEST));
        assertThat(run.summary()).contains("already in ECR; reused");
        assertThat(standIn.anyMutatingCall()).isFalse();
    }

    @Test
    void anyOtherEcrErrorFailsTheJobWithTheAwsErrorBeforeBuilding() throws Exception {
        LocalJobRun.Result run = imageJob(); // no repository at all

        assertThat(run.succeeded()).isFalse();
        assertThat(run.step("existing").exitCode()).isNotZero();
        assertThat(run.step("existing").log()).contains("RepositoryNotFoundException")
                .contains("::error title=image::Could not look up capstan:" + SHA + " in ECR");
        assertThat(builds).isEmpty();
        assertThat(run.outputs()).containsEntry("digest", "");
    }

    private LocalJobRun.Result imageJob() throws Exception {
        Path workspace = Files.createTempDirectory(dir, "workspace");
        Path temp = Files.createTempDirectory(dir, "runner-temp");
        RunnerFixture runner = new RunnerFixture(standIn, dir);
        Map<String, Object> event = RunnerFixture.repositoryVariables(Events.push("refs/heads/main"));
        Map<String, String> env = runner.environment(event, workspace, temp);
        env.put("PATH", awsCliOnTheStandIn() + ":" + RunnerFixture.PATH);
        Map<String, LocalJobRun.ActionStandIn> actions = Map.of(
                "actions/checkout", ImageJobIT::checkout,
                "actions/download-artifact", RunnerFixture::downloadTheTestedJars,
                "aws-actions/configure-aws-credentials",
                runner.assumeRole("arn:aws:iam::123456789012:role/capstan-ci-image-push"),
                "aws-actions/amazon-ecr-login",
                (with, ws) -> LocalJobRun.ActionResult.outputs(Map.of("registry", standIn.ecr().registryHost())),
                "docker/setup-buildx-action", (with, ws) -> LocalJobRun.ActionResult.nothing(),
                "docker/build-push-action", this::buildAndPush);
        return new LocalJobRun(WORKFLOW, "image", new ContextMap().putAll(event), actions, env, workspace, temp).run();
    }

    private static LocalJobRun.ActionResult checkout(Map<String, String> with, Path workspace) {
        assertThat(with).containsEntry("persist-credentials", "false");
        return LocalJobRun.ActionResult.nothing();
    }

    private LocalJobRun.ActionResult buildAndPush(Map<String, String> with, Path workspace) {
        assertThat(with).containsEntry("context", ".").containsEntry("push", "true");
        assertThat(workspace.resolve("service/target/service.jar")).as("the downloaded jar, in the context").exists();
        builds.add(with);
        String reference = with.get("tags");
        standIn.ecr().putImage("capstan", reference.substring(reference.lastIndexOf(':') + 1), PUSHED_DIGEST);
        return LocalJobRun.ActionResult.outputs(Map.of("digest", PUSHED_DIGEST));
    }

    /**
     * The runner's AWS CLI v2 reads AWS_ENDPOINT_URL; Debian's 2.9 ignores it (docs/aws-standin.md), so an `aws`
     * first on PATH passes it on explicitly.
     */
    private Path awsCliOnTheStandIn() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path aws = bin.resolve("aws");
        Files.writeString(aws, "#!/usr/bin/env bash\nexec " + AWS_CLI + " --endpoint-url \"$AWS_ENDPOINT_URL\" \"$@\"\n");
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }
}
