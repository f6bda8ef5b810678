package dev.capstan.rollout.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.standin.AwsStandIn;
import dev.capstan.standin.RecordedCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;

/**
 * The infrastructure workflow's job, run here: its scripts as written, with its env: evaluated from the repository
 * variables, the packaged rollout.jar where the build puts it, and the shared AWS stand-in in place of AWS. Maven and
 * npx are stand-ins that record how they were called (the synthesis itself is tested in infra/, and no AWS account is
 * here for a real cdk deploy): the job is checked up to the command that would deploy the stack.
 */
class InfrastructureJobIT {
    static final Workflow WORKFLOW = Workflow.infrastructure();
    static final String INFRASTRUCTURE_ROLE = "arn:aws:iam::123456789012:role/capstan-ci-infrastructure";
    static final Path POLICY = Workflow.REPOSITORY_ROOT.resolve(".github/iam/infrastructure-role-policy.json");

    final AwsStandIn standIn = AwsStandIn.shared();

    @TempDir
    Path dir;
    Path tools;
    Path calls;

    @BeforeEach
    void aGroupWithoutARunningRefreshAndStandInsForMavenAndNpx() throws IOException {
        RunnerFixture.aGroupOnTheOldImage(standIn);
        standIn.clock().manual();
        assertThat(RunnerFixture.ROLLOUT_JAR).as("the packaged CLI; run through mvn verify").exists();
        tools = Files.createDirectories(dir.resolve("tools"));
        calls = Files.createDirectories(dir.resolve("calls"));
        // mvn: records its arguments and the context file it was given, and leaves what the real build would.
        tool("mvn", "printf '%s\\n' \"$@\" > " + calls.resolve("mvn") + "\n"
                + "for arg; do case $arg in -Dinfra.context=*) cp \"${arg#-Dinfra.context=}\" " + calls.resolve("context.json")
                + ";; esac; done\n"
                + "mkdir -p rollout/target infra/target/cdk.out\n"
                + "cp " + RunnerFixture.ROLLOUT_JAR + " rollout/target/rollout.jar\n");
        // npx: records its arguments and the AWS variables the deploy would run with.
        tool("npx", "printf '%s\\n' \"$@\" > " + calls.resolve("npx") + "\n"
                + "env | grep '^AWS_' | sort > " + calls.resolve("npx-env") + "\n");
    }

    @Test
    void aRunOnMainShowsTheGroupThenDeploysTheStackWithThePinnedCli() throws Exception {
        LocalJobRun.Result run = infrastructureJob(RunnerFixture.repositoryVariables(Events.runByHand("refs/heads/main")));

        assertThat(run.succeeded()).as(run.log()).isTrue();
        assertThat(run.step("no-refresh").log()).contains("Group capstan-web: 2 InService of 2 desired")
                .contains("Active instance refresh: none.");
        assertThat(run.summary()).contains("## `CapstanService-production`: the group `capstan-web` before the stack deploy")
                .contains("Active instance refresh: none.");
        assertThat(called("npx")).startsWith("--yes").anySatisfy(a -> assertThat(a).matches("aws-cdk@2\\.\\d+\\.\\d+"))
                .containsSubsequence("deploy", "--app", "infra/target/cdk.out", "CapstanService-production")
                .containsSubsequence("--require-approval", "never");
        assertThat(called("npx-env")).contains("AWS_REGION=eu-west-1").anySatisfy(v -> assertThat(v).startsWith("AWS_SESSION_TOKEN="));
        assertThat(standIn.anyMutatingCall()).isFalse();
    }

    @Test
    void theBuildSynthesizesWithTheContextVariableAsAFileAndBuildsTheCli() throws Exception {
        LocalJobRun.Result run = infrastructureJob(RunnerFixture.repositoryVariables(Events.runByHand("refs/heads/main")));

        assertThat(run.succeeded()).as(run.log()).isTrue();
        assertThat(called("mvn")).containsSubsequence("-B", "-pl", "infra,rollout", "-am", "package", "-DskipTests")
                .anySatisfy(a -> assertThat(a).startsWith("-Dinfra.context=" + dir.resolve("runner-temp")));
        assertThat(calls.resolve("context.json")).content(StandardCharsets.UTF_8)
                .isEqualToIgnoringWhitespace(RunnerFixture.exampleInfraContext());
    }

    @Test
    void aRunningInstanceRefreshStopsTheJobBeforeTheStackIsTouched() throws Exception {
        String refreshId = startARefresh();

        LocalJobRun.Result run = infrastructureJob(RunnerFixture.repositoryVariables(Events.runByHand("refs/heads/main")));

        assertThat(run.succeeded()).isFalse();
        assertThat(run.step("no-refresh").exitCode()).as(run.log()).isEqualTo(1);
        assertThat(run.step("no-refresh").log()).contains("Active instance refresh: " + refreshId)
                .contains("::error title=infrastructure::An instance refresh is running on capstan-web");
        assertThat(run.summary()).contains("Active instance refresh: " + refreshId);
        assertThat(calls.resolve("npx")).as("the CDK CLI never ran").doesNotExist();
    }

    @Test
    void theInfrastructureRoleAllowsExactlyTheCallsTheStatusStepMakes() throws Exception {
        LocalJobRun.Result run = infrastructureJob(RunnerFixture.repositoryVariables(Events.runByHand("refs/heads/main")));
        JsonNode policy = new ObjectMapper().readTree(POLICY.toFile());
        Set<String> allowed = new TreeSet<>();
        policy.get("Statement").forEach(s -> allowed.addAll(Workflow.strings(s.get("Action"))));
        allowed.remove("sts:AssumeRole"); // the CDK CLI's, for the bootstrap roles (checked in infra/)

        assertThat(run.succeeded()).as(run.log()).isTrue();
        assertThat(standIn.calls()).extracting(RecordedCall::iamAction).containsExactlyInAnyOrderElementsOf(allowed);
        assertThat(standIn.calls("GetParameter")).extracting(c -> "arn:aws:ssm:eu-west-1:123456789012:parameter" + c.param("Name"))
                .containsOnly(resourceOf(policy, "ssm:GetParameter"));
    }

    @Test
    void anUnsetRepositoryVariableStopsTheJobBeforeItBuildsOrReachesAws() throws Exception {
        Map<String, Object> event = RunnerFixture.repositoryVariables(Events.runByHand("refs/heads/main"));
        event.put("vars.INFRA_CONTEXT", "");

        LocalJobRun.Result run = infrastructureJob(event);

        assertThat(run.succeeded()).isFalse();
        assertThat(run.steps()).hasSize(1);
        assertThat(run.steps().get(0).log()).contains("::error title=configuration::Not set: INFRA_CONTEXT.");
        assertThat(calls.resolve("mvn")).doesNotExist();
        assertThat(standIn.calls()).isEmpty();
    }

    /** One run of the job, on a fresh runner. */
    private LocalJobRun.Result infrastructureJob(Map<String, Object> event) throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        Path temp = Files.createDirectories(dir.resolve("runner-temp"));
        RunnerFixture runner = new RunnerFixture(standIn, dir);
        Map<String, LocalJobRun.ActionStandIn> actions = Map.of(
                "actions/checkout", (with, ws) -> {
                    assertThat(with).containsEntry("persist-credentials", "false");
                    return LocalJobRun.ActionResult.nothing();
                },
                "actions/setup-java", RunnerFixture.setUpJava(tools),
                "aws-actions/configure-aws-credentials", runner.assumeRole(INFRASTRUCTURE_ROLE));
        return new LocalJobRun(WORKFLOW, InfrastructureWorkflowTest.JOB, new ContextMap().putAll(event), actions,
                runner.environment(event, workspace, temp), workspace, temp).run();
    }

    /** Someone else's refresh of the group, still running: the clock stands still. */
    private String startARefresh() {
        try (AutoScalingClient other = AutoScalingClient.builder().endpointOverride(standIn.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            String id = other.startInstanceRefresh(r -> r.autoScalingGroupName(RunnerFixture.GROUP)
                    .preferences(p -> p.skipMatching(false))).instanceRefreshId();
            return id;
        }
    }

    private void tool(String name, String body) throws IOException {
        Path script = tools.resolve(name);
        Files.writeString(script, "#!/bin/bash\nset -euo pipefail\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private List<String> called(String what) throws IOException {
        return Files.readAllLines(calls.resolve(what));
    }

    private static String resourceOf(JsonNode policy, String action) {
        for (JsonNode statement : policy.get("Statement")) {
            if (Workflow.strings(statement.get("Action")).contains(action)) {
                return statement.get("Resource").asText();
            }
        }
        throw new AssertionError(action + " is not in " + POLICY);
    }
}
