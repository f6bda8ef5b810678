package dev.capstan.rollout.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Least privilege for the GITHUB_TOKEN: read-only contents by default, and each job gets exactly what its steps use:
 * contents: read when it checks the repository out, id-token: write when it assumes an AWS role through OIDC.
 */
class WorkflowPermissionsTest {
    static final Workflow WORKFLOW = Workflow.load();

    @Test
    void theDefaultIsReadOnlyContents() {
        assertThat(permissions(WORKFLOW.root())).containsExactly(Map.entry("contents", "read"));
    }

    @Test
    void everyJobHasExactlyThePermissionsItsStepsNeed() {
        for (String job : WORKFLOW.jobs().keySet()) {
            Map<String, String> needed = new TreeMap<>();
            if (uses(job, "actions/checkout")) {
                needed.put("contents", "read");
            }
            if (uses(job, "aws-actions/configure-aws-credentials")) {
                needed.put("id-token", "write");
            }

            assertThat(effectivePermissions(job)).as("permissions of job " + job).isEqualTo(needed);
        }
    }

    @Test
    void theAwsJobsAreTheOnlyOnesThatMayRequestAnOidcToken() {
        assertThat(effectivePermissions("verify")).doesNotContainKey("id-token");
        assertThat(effectivePermissions("image")).containsEntry("id-token", "write");
        assertThat(effectivePermissions("deploy")).containsEntry("id-token", "write");
    }

    @Test
    void nothingAsksForBlanketPermissions() {
        assertThat(WORKFLOW.text()).doesNotContain("write-all").doesNotContain("read-all");
    }

    private static Map<String, String> effectivePermissions(String job) {
        JsonNode node = WORKFLOW.job(job);
        return permissions(node.has("permissions") ? node : WORKFLOW.root());
    }

    private static Map<String, String> permissions(JsonNode owner) {
        JsonNode permissions = owner.path("permissions");
        assertThat(permissions.isObject()).as("permissions are written out per scope").isTrue();
        return new TreeMap<>(Workflow.stringMap(permissions));
    }

    private static boolean uses(String job, String action) {
        return WORKFLOW.steps(job).stream().anyMatch(s -> action.equals(s.action()));
    }
}
