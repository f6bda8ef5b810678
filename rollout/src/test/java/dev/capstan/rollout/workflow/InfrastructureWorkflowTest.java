package dev.capstan.rollout.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The infrastructure workflow: run by hand, on main only, in the environment; the build before any credential, the
 * stack deployed only after the group was seen without a running refresh, by a pinned CDK CLI.
 */
class InfrastructureWorkflowTest {
    static final Workflow WORKFLOW = Workflow.infrastructure();
    static final String JOB = "service-stack";
    static final String MAIN = "refs/heads/main";
    static final JobGraph GRAPH = new JobGraph(WORKFLOW);
    static final Pattern CDK_CLI = Pattern.compile("npx --yes aws-cdk@(\\S+) deploy ");

    @Test
    void startsOnlyByHandAndTakesNoInput() {
        JsonNode on = WORKFLOW.root().get("on");

        assertThat(on).as("the 'on' key (YAML 1.1 would read a bare on as true)").isNotNull();
        assertThat(on.fieldNames()).toIterable().containsExactly("workflow_dispatch");
        assertThat(on.path("workflow_dispatch").has("inputs")).isFalse();
    }

    @Test
    void deploysOnlyFromMain() {
        assertThat(GRAPH.results(Events.runByHand(MAIN), Map.of(), null)).containsExactly(Map.entry(JOB, "success"));
        assertThat(GRAPH.results(Events.runByHand("refs/heads/feature"), Map.of(), null))
                .containsExactly(Map.entry(JOB, "skipped"));
    }

    @Test
    void deploysTheStackOfTheEnvironmentItRunsIn() {
        JsonNode job = WORKFLOW.job(JOB);

        assertThat(job.path("environment").asText()).isEqualTo("production");
        assertThat(job.path("env").path("STACK").asText()).isEqualTo("CapstanService-" + job.path("environment").asText());
        assertThat(cdkCommand()).contains(" \"$STACK\" ");
    }

    @Test
    void synthesizesFromTheContextVariableBeforeAnyCredentialExists() {
        assertThat(WORKFLOW.job(JOB).path("env").path("INFRA_CONTEXT").asText()).isEqualTo("${{ vars.INFRA_CONTEXT }}");
        assertThat(command("synthesize", "context=")).startsWith("context=\"$RUNNER_TEMP/");
        assertThat(command("synthesize", "printf ")).endsWith(" \"$INFRA_CONTEXT\" > \"$context\"");
        assertThat(command("synthesize", "mvn "))
                .isEqualTo("mvn -B -pl infra,rollout -am package -DskipTests -Dinfra.context=\"$context\"");
        assertThat(indexOf("synthesize")).isLessThan(indexOfCredentials());
    }

    @Test
    void theStackIsDeployedLastAndOnlyAfterTheGroupWasSeenWithoutARefresh() {
        List<Workflow.Step> steps = WORKFLOW.steps(JOB);

        assertThat(indexOfCredentials()).isLessThan(indexOf("no-refresh"));
        assertThat(indexOf("no-refresh")).isLessThan(indexOf("stack"));
        assertThat(indexOf("stack")).isEqualTo(steps.size() - 1);
        assertThat(command("no-refresh", "java "))
                .startsWith("java -jar rollout/target/rollout.jar status --asg \"$ASG_NAME\" |");
        assertThat(steps).allSatisfy(step -> {
            assertThat(step.condition()).as(step.label() + " runs on every run").isEmpty();
            assertThat(step.node().has("continue-on-error")).as(step.label()).isFalse();
        });
    }

    @Test
    void theCdkCliIsPinnedToOneReleaseAndAsksForNoApproval() {
        Matcher cli = CDK_CLI.matcher(cdkCommand());

        assertThat(cli.lookingAt()).as(cdkCommand()).isTrue();
        assertThat(cli.group(1)).as("an exact version, never a range or a tag").matches("2\\.\\d+\\.\\d+");
        assertThat(cdkCommand()).contains(" --app infra/target/cdk.out ").contains(" --require-approval never")
                .contains(" --exclusively ");
    }

    @Test
    void theCredentialsOutlastTheJob() {
        long seconds = Long.parseLong(WORKFLOW.stepUsing(JOB, "aws-actions/configure-aws-credentials")
                .with().get("role-duration-seconds"));

        assertThat(Duration.ofSeconds(seconds))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(WORKFLOW.job(JOB).path("timeout-minutes").asLong()));
    }

    private static String cdkCommand() {
        return command("stack", "npx ");
    }

    /** The one command line of a step's script that starts with {@code start}; comments are not commands. */
    private static String command(String stepId, String start) {
        List<String> lines = WORKFLOW.step(JOB, stepId).run().orElseThrow().lines().map(String::strip)
                .filter(l -> l.startsWith(start)).toList();
        assertThat(lines).as("lines of step " + stepId + " starting with " + start).hasSize(1);
        return lines.get(0);
    }

    private static int indexOf(String stepId) {
        return WORKFLOW.steps(JOB).indexOf(WORKFLOW.step(JOB, stepId));
    }

    private static int indexOfCredentials() {
        return WORKFLOW.steps(JOB).indexOf(WORKFLOW.stepUsing(JOB, "aws-actions/configure-aws-credentials"));
    }
}
