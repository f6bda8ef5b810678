package dev.capstan.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The instance role, as synthesized for the example: boot.sh's and the Docker daemon's calls (checked against the
 * script by the boot rehearsal), and the SSM Agent's documented minimal set for Session Manager, nothing wider.
 */
class InstanceRolePolicyTest {
    /** The actions of AWS's minimal Session Manager instance profile (the managed policy AWSCloud9SSMInstanceProfile). */
    static final List<String> SESSION_MANAGER_AGENT = List.of("ssm:UpdateInstanceInformation",
            "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel",
            "ssmmessages:OpenDataChannel");

    private final JsonNode policy = SynthesizedPolicies.roleDocument(Synthesized.example(),
            CapstanApp.serviceStackName("production"), "capstan-production-instance");

    @Test
    void theSsmAgentGetsExactlyTheMinimalSessionManagerActions() {
        List<String> ssm = new ArrayList<>();
        SynthesizedPolicies.statements(policy).forEach(s -> Templates.strings(s.get("Action")).stream()
                .filter(a -> a.startsWith("ssm") || a.startsWith("ec2messages")).forEach(ssm::add));

        assertThat(ssm).as("no Run Command (ec2messages), parameters, documents or inventory")
                .containsExactlyInAnyOrderElementsOf(SESSION_MANAGER_AGENT);
    }

    @Test
    void onlyTheGroupsInstancesRegisterWithSessionManager() {
        JsonNode register = SynthesizedPolicies.statement(policy, "RegisterTheGroupsInstancesWithSessionManager");

        assertThat(Templates.strings(register.get("Resource")))
                .containsExactly("arn:aws:ec2:eu-west-1:123456789012:instance/*");
        assertThat(register.at("/Condition/StringEquals/ssm:resourceTag~1aws:autoscaling:groupName").asText())
                .isEqualTo(SynthesizedPolicies.groupName(Synthesized.example()));
    }

    @Test
    void theStatementsThatReadTheInstancesOwnThingsAreNotWidened() {
        assertThat(Templates.strings(SynthesizedPolicies.statement(policy, "ReadTheLaunchLifecycle").get("Action")))
                .containsExactly("autoscaling:DescribeAutoScalingInstances", "autoscaling:DescribeLifecycleHooks");
        List<String> onEveryResource = new ArrayList<>();
        SynthesizedPolicies.statements(policy).stream().filter(s -> Templates.strings(s.get("Resource")).contains("*"))
                .forEach(s -> onEveryResource.addAll(Templates.strings(s.get("Action"))));
        assertThat(onEveryResource).as("on every resource: the actions that have no resource-level permissions, only")
                .containsExactlyInAnyOrder("ecr:GetAuthorizationToken", "autoscaling:DescribeAutoScalingInstances",
                        "autoscaling:DescribeLifecycleHooks", "ssmmessages:CreateControlChannel",
                        "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel");
    }
}
