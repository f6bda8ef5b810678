package dev.capstan.rollout.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Least privilege for the GITHUB_TOKEN, in every workflow: read-only contents by default, and each job gets exactly
 * what its steps use: contents: read when it checks the repository out or gives a step the token (the deploy job reads
 * the head of main through the REST API), id-token: write when it assumes an AWS role through OIDC.
 */
class WorkflowPermissionsTest {
    static List<Workflow> workflows() {
        return Workflow.all();
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void theDefaultIsReadOnlyContents(Workflow workflow) {
        assertThat(permissions(workflow.root())).containsExactly(Map.entry("contents", "read"));
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void everyJobHasExactlyThePermissionsItsStepsNeed(Workflow workflow) {
        for (String job : workflow.jobs().keySet()) {
            Map<String, String> needed = new TreeMap<>();
            if (uses(workflow, job, "actions/checkout") || givesAStepTheToken(workflow, job)) {
                needed.put("contents", "read");
            }
            if (uses(workflow, job, "aws-actions/configure-aws-credentials")) {
                needed.put("id-token", "write");
            }

            assertThat(effectivePermissions(workflow, job)).as("permissions of job " + job).isEqualTo(needed);
        }
    }

    @Test
    void theAwsJobsAreTheOnlyOnesThatMayRequestAnOidcToken() {
        Workflow main = Workflow.main();

        assertThat(effectivePermissions(main, "verify")).doesNotContainKey("id-token");
        assertThat(effectivePermissions(main, "image")).containsEntry("id-token", "write");
        assertThat(effectivePermissions(main, "deploy"))
                .containsExactly(Map.entry("contents", "read"), Map.entry("id-token", "write"));
        assertThat(effectivePermissions(Workflow.infrastructure(), "service-stack"))
                .containsExactly(Map.entry("contents", "read"), Map.entry("id-token", "write"));
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void nothingAsksForBlanketPermissions(Workflow workflow) {
        assertThat(workflow.text()).doesNotContain("write-all").doesNotContain("read-all");
    }

    private static Map<String, String> effectivePermissions(Workflow workflow, String job) {
        JsonNode node = workflow.job(job);
        return permissions(node.has("permissions") ? node : workflow.root());
    }

    private static Map<String, String> permissions(JsonNode owner) {
        JsonNode permissions = owner.path("permissions");
        assertThat(permissions.isObject()).as("permissions are written out per scope").isTrue();
        return new TreeMap<>(Workflow.stringMap(permissions));
    }

    /** Only to read the repository: "Get a reference" needs contents: read (GitHub REST API, Git references). */
    private static boolean givesAStepTheToken(Workflow workflow, String job) {
        return workflow.steps(job).stream().anyMatch(s -> s.env().values().stream().anyMatch(v -> v.contains("github.token")));
    }

    private static boolean uses(Workflow workflow, String job, String action) {
        return workflow.steps(job).stream().anyMatch(s -> action.equals(s.action()));
    }
}
