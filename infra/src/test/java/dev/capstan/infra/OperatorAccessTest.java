package dev.capstan.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operators' managed policy, as synthesized: port forwarding to the group's instances and nothing like a shell,
 * their own sessions only, and reading the environment's dashboard.
 */
class OperatorAccessTest {
    private final Synthesized app = Synthesized.example();
    private final JsonNode policy = SynthesizedPolicies.managedDocument(app, CapstanApp.serviceStackName("production"),
            "capstan-production-operator");

    @Test
    void sessionsStartOnlyOnTheGroupsInstancesAndOnlyWithThePortForwardingDocument() {
        List<JsonNode> starts = allowing("ssm:StartSession");
        List<String> resources = new ArrayList<>();
        starts.forEach(s -> resources.addAll(Templates.strings(s.get("Resource"))));

        assertThat(resources).containsExactlyInAnyOrder("arn:aws:ec2:eu-west-1:123456789012:instance/*",
                "arn:aws:ssm:eu-west-1::document/AWS-StartPortForwardingSession");
        JsonNode onInstances = SynthesizedPolicies.statement(policy, "StartSessionsOnTheGroupsInstances");
        assertThat(onInstances.at("/Condition/StringEquals/ssm:resourceTag~1aws:autoscaling:groupName").asText())
                .isEqualTo(SynthesizedPolicies.groupName(app));
    }

    /** Without the check, start-session with no --document-name would open the default shell document. */
    @Test
    void everyStartSessionStatementEnforcesTheDocumentAccessCheck() {
        assertThat(allowing("ssm:StartSession")).isNotEmpty().allSatisfy(s ->
                assertThat(s.at("/Condition/BoolIfExists/ssm:SessionDocumentAccessCheck").asText()).isEqualTo("true"));
    }

    @Test
    void sessionsAreEndedOrResumedOnlyByWhoeverStartedThem() {
        JsonNode own = SynthesizedPolicies.statement(policy, "EndOrResumeOwnSessions");

        assertThat(Templates.strings(own.get("Action"))).containsExactlyInAnyOrder("ssm:TerminateSession",
                "ssm:ResumeSession");
        assertThat(own.at("/Condition/StringEquals/ssm:resourceTag~1aws:ssmmessages:session-id").asText())
                .isEqualTo("${aws:userid}");
        assertThat(allowing("ssm:TerminateSession")).containsExactly(own);
        assertThat(allowing("ssm:ResumeSession")).containsExactly(own);
    }

    @Test
    void theDashboardAndItsAlarmsAreTheEnvironmentsOwn() {
        String dashboard = Templates.onlyResourceOfType(app.serviceJson(), "AWS::CloudWatch::Dashboard")
                .at("/Properties/DashboardName").asText();
        List<String> alarms = Templates.resourcesOfType(app.serviceJson(), "AWS::CloudWatch::Alarm").stream()
                .map(a -> "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + a.at("/Properties/AlarmName").asText())
                .toList();

        assertThat(Templates.strings(SynthesizedPolicies.statement(policy, "OpenTheDashboard").get("Resource")))
                .containsExactly("arn:aws:cloudwatch::123456789012:dashboard/" + dashboard);
        assertThat(Templates.strings(SynthesizedPolicies.statement(policy, "ReadTheRefreshAlarms").get("Resource")))
                .containsExactlyInAnyOrderElementsOf(alarms);
    }

    @Test
    void nothingButReadsWithoutResourceLevelPermissionsIsAllowedOnEveryResource() {
        List<String> onEveryResource = new ArrayList<>();
        SynthesizedPolicies.statements(policy).stream().filter(s -> Templates.strings(s.get("Resource")).contains("*"))
                .forEach(s -> onEveryResource.addAll(Templates.strings(s.get("Action"))));

        assertThat(onEveryResource).containsExactlyInAnyOrder("autoscaling:DescribeAutoScalingGroups",
                "cloudwatch:GetMetricData", "cloudwatch:ListMetrics");
        assertThat(SynthesizedPolicies.statements(policy)).allSatisfy(s -> {
            assertThat(s.get("Effect").asText()).isEqualTo("Allow");
            assertThat(Templates.strings(s.get("Action"))).as("no action wildcards, no Run Command")
                    .noneMatch(a -> a.contains("*") || a.equals("ssm:SendCommand"));
        });
    }

    /** Administrators attach it to the operators; the stack gives it to nobody. */
    @Test
    void thePolicyIsNamedForTheEnvironmentAndAttachedToNothing() {
        JsonNode resource = Templates.onlyResourceOfType(app.serviceJson(), "AWS::IAM::ManagedPolicy");

        assertThat(resource.at("/Properties/ManagedPolicyName").asText()).isEqualTo("capstan-production-operator");
        assertThat(resource.get("Properties").has("Roles") || resource.get("Properties").has("Groups")
                || resource.get("Properties").has("Users")).isFalse();
        assertThat(app.serviceJson().at("/Outputs/OperatorPolicyArn/Value/Ref").asText()).isNotEmpty();
    }

    private List<JsonNode> allowing(String action) {
        return SynthesizedPolicies.statements(policy).stream()
                .filter(s -> Templates.strings(s.get("Action")).contains(action)).toList();
    }
}
