package dev.capstan.rollout.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.rollout.JsonStrings;
import dev.capstan.standin.AwsStandIn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every scenario (see junit-platform.properties) and compares the deploy role's policy with the actions
 * the CLI really called against the stand-in in this test run.
 */
@Order(Integer.MAX_VALUE)
class DeployRolePolicyTest {
    static final Path POLICY = Path.of("iam", "deploy-role-policy.json");

    /**
     * Actions the CLI never calls itself but AWS checks against the caller when a refresh launches from a launch
     * template: Auto Scaling verifies that whoever starts the refresh could launch that template themselves.
     */
    static final Map<String, String> AUTHORIZED_ON_OUR_BEHALF = Map.of(
            "ec2:RunInstances", "StartInstanceRefresh with a launch template checks that the caller may launch from it",
            "ec2:CreateTags", "the template's instance tag specifications are applied at launch, as the caller",
            "iam:PassRole", "the template's instance profile passes the instance role to EC2 on the caller's behalf");

    static List<JsonNode> statements;
    static Set<String> allowed;

    @BeforeAll
    static void readPolicy() throws Exception {
        JsonNode policy = new ObjectMapper().readTree(POLICY.toFile());
        statements = new ArrayList<>();
        policy.get("Statement").forEach(statements::add);
        allowed = new TreeSet<>();
        statements.forEach(s -> actions(s).forEach(allowed::add));
    }

    @Test
    void theScenariosRanFirst() {
        assertThat(called())
                .as("this test runs last in the suite and reads what the scenarios called; run the whole suite")
                .contains("autoscaling:StartInstanceRefresh", "ec2:CreateLaunchTemplateVersion", "ecr:DescribeImages");
    }

    @Test
    void allowsEveryActionTheCliCalled() {
        assertThat(allowed).containsAll(called());
    }

    @Test
    void allowsNothingTheCliNeverCalledBeyondWhatAwsChecksOnItsBehalf() {
        Set<String> expected = new TreeSet<>(called());
        expected.addAll(AUTHORIZED_ON_OUR_BEHALF.keySet());

        assertThat(allowed).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void onlyAllowsAndNeverByWildcardAction() {
        assertThat(statements).allSatisfy(s -> assertThat(s.get("Effect").asText()).isEqualTo("Allow"));
        assertThat(allowed).allSatisfy(a -> assertThat(a).doesNotContain("*"));
    }

    @Test
    void everyChangingActionIsScopedToResourcesOrConditions() {
        for (JsonNode s : statements) {
            boolean readOnly = actions(s).stream().allMatch(a -> a.contains(":Describe"));
            if (readOnly) {
                continue; // AWS supports no resource-level permissions for these Describe actions
            }
            boolean anyResource = resources(s).contains("*");
            assertThat(!anyResource || s.has("Condition"))
                    .as(s.get("Sid").asText() + " names resources or narrows * by a condition").isTrue();
        }
    }

    @Test
    void passRoleOnlyPassesTheInstanceRoleToEc2() {
        JsonNode passRole = statements.stream().filter(s -> actions(s).contains("iam:PassRole")).findFirst().orElseThrow();

        assertThat(actions(passRole)).containsExactly("iam:PassRole");
        assertThat(resources(passRole)).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).matches("arn:aws:iam::\\d{12}:role/capstan-\\*-instance");
        assertThat(passRole.at("/Condition/StringEquals/iam:PassedToService").asText()).isEqualTo("ec2.amazonaws.com");
    }

    private static Set<String> called() {
        return AwsStandIn.shared().actionsEverCalled();
    }

    private static List<String> actions(JsonNode statement) {
        return JsonStrings.of(statement.get("Action"));
    }

    private static List<String> resources(JsonNode statement) {
        return JsonStrings.of(statement.get("Resource"));
    }
}
