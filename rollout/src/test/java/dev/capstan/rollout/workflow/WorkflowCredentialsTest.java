package dev.capstan.rollout.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * In every workflow: no stored AWS key anywhere, roles only through OIDC, and every account-specific value from a
 * variable that the deploy guide names.
 */
class WorkflowCredentialsTest {
    static final Set<String> KEY_INPUTS = Set.of("aws-access-key-id", "aws-secret-access-key", "aws-session-token");
    static final Set<String> KEY_VARIABLES = Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");
    static final String CREDENTIALS_ACTION = "aws-actions/configure-aws-credentials";

    static List<Workflow> workflows() {
        return Workflow.all();
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void noSecretIsReadAtAll(Workflow workflow) {
        assertThat(workflow.text()).doesNotContain("secrets.").doesNotContain("secrets[");
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void noStepPassesAnAwsKey(Workflow workflow) {
        for (Workflow.Step step : workflow.allSteps()) {
            assertThat(step.with().keySet()).as(step.label()).doesNotContainAnyElementsOf(KEY_INPUTS);
            assertThat(step.env().keySet()).as(step.label()).doesNotContainAnyElementsOf(KEY_VARIABLES);
        }
        List<JsonNode> envBlocks = new ArrayList<>(List.of(workflow.root().path("env")));
        workflow.jobs().values().forEach(job -> envBlocks.add(job.path("env")));
        envBlocks.forEach(env -> assertThat(Workflow.stringMap(env).keySet()).doesNotContainAnyElementsOf(KEY_VARIABLES));
        assertThat(workflow.text()).doesNotContainPattern("(AKIA|ASIA)[A-Z0-9]{16}");
    }

    @Test
    void everyAwsJobAssumesARoleFromAVariable() {
        List<String> awsJobs = new ArrayList<>();
        for (Workflow workflow : workflows()) {
            for (String job : workflow.jobs().keySet()) {
                if (workflow.steps(job).stream().noneMatch(s -> CREDENTIALS_ACTION.equals(s.action()))) {
                    continue;
                }
                Workflow.Step credentials = workflow.stepUsing(job, CREDENTIALS_ACTION);
                String role = credentials.with().get("role-to-assume");
                String region = credentials.with().get("aws-region");

                assertThat(resolvesToAVariable(workflow, job, role)).as(job + " role-to-assume: " + role).isTrue();
                assertThat(resolvesToAVariable(workflow, job, region)).as(job + " aws-region: " + region).isTrue();
                awsJobs.add(workflow + " " + job);
            }
        }
        assertThat(awsJobs).containsExactlyInAnyOrder("main.yml image", "main.yml deploy", "infrastructure.yml service-stack");
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void nothingAccountSpecificIsWrittenIntoTheWorkflow(Workflow workflow) {
        assertThat(workflow.text())
                .doesNotContainPattern("\\b\\d{12}\\b")
                .doesNotContain("arn:aws")
                .doesNotContain("amazonaws.com")
                .doesNotContainPattern("\\b(us|eu|ap|ca|sa|me|af|il|mx)-[a-z]+-\\d\\b");
    }

    @Test
    void everyVariableTheWorkflowsReadIsNamedInTheDeployGuide() throws IOException {
        String guide = Files.readString(Workflow.REPOSITORY_ROOT.resolve("docs/deploy.md"));
        Set<String> variables = new TreeSet<>();
        for (Workflow workflow : workflows()) {
            Matcher m = Pattern.compile("\\bvars\\.([A-Za-z0-9_]+)").matcher(workflow.text());
            while (m.find()) {
                variables.add(m.group(1));
            }
        }

        assertThat(variables).contains("AWS_REGION", "ECR_REPOSITORY", "ASG_NAME", "IMAGE_PUSH_ROLE_ARN",
                "DEPLOY_ROLE_ARN", "VERIFY_URL", "REFRESH_ALARMS", "INFRASTRUCTURE_ROLE_ARN", "INFRA_CONTEXT");
        assertThat(variables).allSatisfy(v -> assertThat(guide).as("docs/deploy.md names " + v).contains("`" + v + "`"));
    }

    /** ${{ vars.X }} directly, or ${{ env.X }} where the job's env sets X from ${{ vars.X }}. */
    private static boolean resolvesToAVariable(Workflow workflow, String job, String expression) {
        Matcher direct = Pattern.compile("\\$\\{\\{\\s*vars\\.(\\w+)\\s*}}").matcher(expression);
        if (direct.matches()) {
            return true;
        }
        Matcher viaEnv = Pattern.compile("\\$\\{\\{\\s*env\\.(\\w+)\\s*}}").matcher(expression);
        return viaEnv.matches()
                && workflow.job(job).path("env").path(viaEnv.group(1)).asText().matches("\\$\\{\\{\\s*vars\\.\\w+\\s*}}");
    }
}
