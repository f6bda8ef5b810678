package dev.capstan.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The IAM policy documents of a synthesized stack, resolved for the example's account, region and partition: a
 * role's inline policy or trust policy, or a managed policy, found by the name the stack gives it.
 */
final class SynthesizedPolicies {
    private SynthesizedPolicies() {
    }

    /** The one inline policy of a role. */
    static JsonNode roleDocument(Synthesized app, String stack, String roleName) {
        JsonNode role = role(app, stack, roleName);
        assertThat(role.at("/Properties/Policies")).as("one inline policy per role").hasSize(1);
        return resolved(role.at("/Properties/Policies/0/PolicyDocument"));
    }

    static JsonNode trustDocument(Synthesized app, String stack, String roleName) {
        return resolved(role(app, stack, roleName).at("/Properties/AssumeRolePolicyDocument"));
    }

    static JsonNode managedDocument(Synthesized app, String stack, String policyName) {
        JsonNode policy = Templates.resourcesOfType(app.json(stack), "AWS::IAM::ManagedPolicy").stream()
                .filter(p -> p.at("/Properties/ManagedPolicyName").asText().equals(policyName)).findFirst()
                .orElseThrow(() -> new AssertionError("no managed policy " + policyName + " in " + stack));
        return resolved(policy.at("/Properties/PolicyDocument"));
    }

    static List<JsonNode> statements(JsonNode document) {
        List<JsonNode> out = new ArrayList<>();
        document.get("Statement").forEach(out::add);
        return out;
    }

    static JsonNode statement(JsonNode document, String sid) {
        return statements(document).stream().filter(s -> s.path("Sid").asText().equals(sid)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid));
    }

    /** The Auto Scaling group's name as the Service stack creates it. */
    static String groupName(Synthesized app) {
        return Templates.onlyResourceOfType(app.serviceJson(), "AWS::AutoScaling::AutoScalingGroup")
                .at("/Properties/AutoScalingGroupName").asText();
    }

    private static JsonNode role(Synthesized app, String stack, String roleName) {
        return Templates.resourcesOfType(app.json(stack), "AWS::IAM::Role").stream()
                .filter(r -> r.at("/Properties/RoleName").asText().equals(roleName)).findFirst()
                .orElseThrow(() -> new AssertionError("no role " + roleName + " in " + stack));
    }

    private static JsonNode resolved(JsonNode document) {
        return Templates.resolved(document, Templates.EXAMPLE_PSEUDO);
    }
}
