package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.rollout.JsonStrings;
import dev.capstan.standin.GroupSpec;
import dev.capstan.standin.InstanceSpec;
import dev.capstan.standin.RecordedCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every AWS call rollout admin makes, as the stand-in records it, is allowed by the operators' policy. The policy is
 * generated into rollout/iam/operator-policy.json with the infrastructure (it also allows ssm:StartSession for the
 * printed command, which rollout itself never calls).
 */
class OperatorPolicyTest extends Scenario {
    static final Path POLICY = Path.of("iam", "operator-policy.json");

    /**
     * Actions AWS authorizes on every resource ({@code *}): they support no resource-level permissions. The check
     * below knows no other kind; an admin call with a resource must be added here with that resource.
     */
    static final Set<String> ON_EVERY_RESOURCE = Set.of("autoscaling:DescribeAutoScalingGroups");

    @Test
    void allowsEveryCallTheAdminCommandMakesOnEveryPath() throws Exception {
        assertThat(Files.exists(POLICY)).as("rollout/" + POLICY + " is missing; it is generated with the infrastructure"
                + " (autoscaling:DescribeAutoScalingGroups, ssm:StartSession with the port-forwarding document, ...)").isTrue();
        Set<String> allowedOnAnyResource = allowedOnAnyResource();
        STAND_IN.autoScaling().createGroup(GroupSpec.named("capstan-standby").launchTemplate(TEMPLATE, "1")
                .instance(InstanceSpec.inStandby("i-0000000000000b001", "eu-west-1a"))
                .instance(InstanceSpec.inService("i-0000000000000b002", "eu-west-1b")));
        String named = STAND_IN.autoScaling().group(GROUP).instances().get(0).instanceId();

        // Every way the command ends after reading AWS: picked, named, named in Standby, refused, unknown group.
        rollout("admin", "--asg", GROUP);
        rollout("admin", "--asg", GROUP, "--instance", named, "--port", "9000", "--local-port", "18081");
        rollout("admin", "--asg", "capstan-standby", "--instance", "i-0000000000000b001");
        rollout("admin", "--asg", "capstan-standby", "--instance", named);
        rollout("admin", "--asg", "capstan-nope");

        Set<String> called = new TreeSet<>();
        STAND_IN.calls().forEach(c -> called.add(c.iamAction()));
        assertThat(called).as("the admin command reads the group").isNotEmpty();
        assertThat(STAND_IN.calls()).noneMatch(RecordedCall::mutating);
        assertThat(ON_EVERY_RESOURCE).as("actions whose resource this test knows").containsAll(called);
        assertThat(allowedOnAnyResource).as(POLICY + " allows on *").containsAll(called);
    }

    /**
     * The actions the policy's statements allow on every resource. Reading Allow statements is enough: the
     * infrastructure's OperatorAccessTest keeps this policy to Allow statements naming their actions, no wildcard.
     */
    private static Set<String> allowedOnAnyResource() throws Exception {
        JsonNode policy = new ObjectMapper().readTree(POLICY.toFile());
        Set<String> allowed = new TreeSet<>();
        policy.get("Statement").forEach(statement -> {
            if ("Allow".equals(statement.path("Effect").asText())
                    && JsonStrings.of(statement.get("Resource")).contains("*")) {
                allowed.addAll(JsonStrings.of(statement.get("Action")));
            }
        });
        return allowed;
    }
}
