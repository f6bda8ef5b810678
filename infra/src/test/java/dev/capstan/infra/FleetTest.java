package dev.capstan.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.userdata.RenderedUserData;
import dev.capstan.userdata.UserDataRenderer;
import dev.capstan.userdata.UserDataTemplate;
import dev.capstan.userdata.UserDataValues;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class FleetTest {
    static final String DIGEST = "sha256:" + "9f".repeat(32);
    /** What the last-good parameter holds after a successful deploy of tag 3f2c1e0. */
    static final String LAST_GOOD = "capstan:3f2c1e0@" + DIGEST;

    private final Synthesized app = Synthesized.example();

    @Test
    void instancesRequireImdsV2WithOneHop() {
        assertThat(templateData().get("MetadataOptions")).isEqualTo(json(Map.of(
                "HttpEndpoint", "enabled", "HttpTokens", "required", "HttpPutResponseHopLimit", 1,
                "InstanceMetadataTags", "disabled")));
    }

    @Test
    void theRootVolumeIsEncryptedGp3() {
        assertThat(templateData().at("/BlockDeviceMappings/0/DeviceName").asText()).isEqualTo("/dev/xvda");
        assertThat(templateData().at("/BlockDeviceMappings/0/Ebs")).isEqualTo(json(Map.of(
                "VolumeType", "gp3", "VolumeSize", 30, "Encrypted", true, "DeleteOnTermination", true)));
    }

    @Test
    void instancesGetNoPublicAddressAndTheInstanceProfile() {
        assertThat(templateData().at("/NetworkInterfaces/0/AssociatePublicIpAddress").asBoolean(true)).isFalse();
        assertThat(templateData().at("/IamInstanceProfile/Arn/Fn::GetAtt/1").asText()).isEqualTo("Arn");
        assertThat(templateData().has("KeyName")).as("no SSH key").isFalse();
    }

    @Test
    void theImageIdIsTheEcsOptimizedAmiResolvedWhenTheStackIsDeployed() {
        JsonNode parameters = app.serviceJson().get("Parameters");
        String ref = templateData().at("/ImageId/Ref").asText();

        assertThat(parameters.at("/" + ref + "/Type").asText()).isEqualTo("AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>");
        assertThat(parameters.at("/" + ref + "/Default").asText())
                .isEqualTo("/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id");
        assertThat(app.serviceJson().toString()).doesNotContain("resolve:ssm");
    }

    @Test
    void theUserDataIsWhatTheCliRendersForTheLastGoodImage() {
        String deployed = new String(Base64.getDecoder().decode(resolvedWithLastGood(templateData().get("UserData")).asText()),
                StandardCharsets.UTF_8);

        RenderedUserData cli = new UserDataRenderer().render(UserDataTemplate.bundled(), new UserDataValues(
                "123456789012.dkr.ecr.eu-west-1.amazonaws.com/capstan@" + DIGEST, "3f2c1e0", DIGEST,
                "capstan-production", "awslogs", "/capstan/production/service"));
        assertThat(deployed).isEqualTo(cli.script());
    }

    @Test
    void theVersionIsDescribedAndTaggedAsTheCliDoes() {
        JsonNode template = resolvedWithLastGood(launchTemplate().get("Properties"));

        assertThat(template.get("VersionDescription").asText()).isEqualTo("image capstan:3f2c1e0 " + DIGEST);
        assertThat(template.at("/LaunchTemplateData/TagSpecifications")).isEqualTo(json(List.of(Map.of(
                "ResourceType", "instance", "Tags", List.of(Map.of("Key", "capstan:image-tag", "Value", "3f2c1e0"))))));
    }

    @Test
    void theLaunchTemplateIsNamedForTheEnvironmentAndTaggedForTheDeployRole() {
        JsonNode properties = launchTemplate().get("Properties");

        assertThat(properties.get("LaunchTemplateName").asText()).isEqualTo("capstan-production");
        assertThat(properties.get("TagSpecifications")).isEqualTo(json(List.of(Map.of("ResourceType", "launch-template",
                "Tags", List.of(Map.of("Key", "capstan:service", "Value", "capstan"))))));
    }

    @Test
    void theStackReadsTheLastGoodParameterButNeverCreatesIt() {
        JsonNode parameter = app.serviceJson().at("/Parameters/LastGoodImageParameter");

        assertThat(parameter.get("Type").asText()).isEqualTo("AWS::SSM::Parameter::Value<String>");
        assertThat(parameter.get("Default").asText()).isEqualTo("/capstan/production/last-good-image");
        app.service().resourceCountIs("AWS::SSM::Parameter", 0);
    }

    @Test
    void theGroupIsNamedForTheIamPatternsAndUsesTheTemplatesLatestNumberedVersion() {
        JsonNode group = group().get("Properties");

        assertThat(group.get("AutoScalingGroupName").asText()).isEqualTo("capstan-production").startsWith("capstan-");
        assertThat(group.at("/LaunchTemplate/LaunchTemplateId/Ref").asText()).isEqualTo(launchTemplateId());
        assertThat(group.at("/LaunchTemplate/Version")).isEqualTo(json(Map.of("Fn::GetAtt",
                List.of(launchTemplateId(), "LatestVersionNumber"))));
    }

    @Test
    void theGroupJudgesHealthByTheLoadBalancerAndWarmsUpForTheHealthChecks() {
        app.service().hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Map.of(
                "HealthCheckType", "ELB", "HealthCheckGracePeriod", 60,
                "InstanceMaintenancePolicy", Map.of("MinHealthyPercentage", 100, "MaxHealthyPercentage", 200)));
        JsonNode targets = Templates.onlyResourceOfType(app.serviceJson(), "AWS::ElasticLoadBalancingV2::TargetGroup")
                .get("Properties");
        int toHealthy = targets.get("HealthCheckIntervalSeconds").asInt() * (1 + targets.get("HealthyThresholdCount").asInt());
        assertThat(group().at("/Properties/DefaultInstanceWarmup").asInt()).isEqualTo(toHealthy);
    }

    @Test
    void theLaunchHookIsDeclaredOnTheGroupSoTheFirstInstancesWaitToo() {
        app.service().hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Map.of(
                "LifecycleHookSpecificationList", List.of(Map.of("LifecycleHookName", "capstan-launch",
                        "LifecycleTransition", "autoscaling:EC2_INSTANCE_LAUNCHING", "DefaultResult", "ABANDON",
                        "HeartbeatTimeout", 600))));
        app.service().resourceCountIs("AWS::AutoScaling::LifecycleHook", 0);
    }

    @Test
    void theInstanceRolesLifecyclePermissionExistsBeforeTheGroup() {
        String role = Templates.logicalIdOf(app.serviceJson(), "AWS::IAM::Role");
        JsonNode statements = app.serviceJson().at("/Resources/" + role + "/Properties/Policies/0/PolicyDocument/Statement");

        assertThat(statements.findValuesAsText("Sid")).contains("CompleteTheLaunchLifecycleActionOfTheGroup");
        assertThat(group().get("DependsOn")).extracting(JsonNode::asText).contains(role);
        assertThat(app.serviceJson().at("/Resources/" + role).toString()).as("no cycle: the role never names the group")
                .doesNotContain(Templates.logicalIdOf(app.serviceJson(), "AWS::AutoScaling::AutoScalingGroup"));
    }

    @Test
    void onlyTheRolloutReplacesInstances() {
        assertThat(group().get("Properties").has("DesiredCapacity")).as("no desired capacity after creation").isFalse();
        assertThat(group().has("UpdatePolicy")).as("no update policy").isFalse();
        app.service().hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Map.of("MinSize", "2", "MaxSize", "4"));
    }

    @Test
    void theGroupTellsTheCliWhereTheLastGoodImageAndTheLogsAre() {
        app.service().hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Map.of("Tags", Match.arrayWith(List.of(
                Map.of("Key", "capstan:last-good-parameter", "Value", "/capstan/production/last-good-image",
                        "PropagateAtLaunch", false),
                Map.of("Key", "capstan:log-group", "Value", "/capstan/production/service", "PropagateAtLaunch", false)))));
        app.service().hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "/capstan/production/service"));
    }

    @Test
    void theGroupPublishesTheMetricsTheAlarmsRead() {
        assertThat(group().at("/Properties/MetricsCollection/0/Metrics").toString())
                .contains("GroupDesiredCapacity", "GroupInServiceInstances", "GroupPendingInstances");
    }

    private JsonNode resolvedWithLastGood(JsonNode node) {
        Map<String, String> refs = new HashMap<>(Templates.EXAMPLE_PSEUDO);
        refs.put("LastGoodImageParameter", LAST_GOOD);
        return Templates.resolved(node, refs);
    }

    private JsonNode launchTemplate() {
        return Templates.onlyResourceOfType(app.serviceJson(), "AWS::EC2::LaunchTemplate");
    }

    private String launchTemplateId() {
        return Templates.logicalIdOf(app.serviceJson(), "AWS::EC2::LaunchTemplate");
    }

    private JsonNode templateData() {
        return launchTemplate().at("/Properties/LaunchTemplateData");
    }

    private JsonNode group() {
        return Templates.onlyResourceOfType(app.serviceJson(), "AWS::AutoScaling::AutoScalingGroup");
    }

    private static JsonNode json(Object value) {
        return Synthesized.JSON.valueToTree(value);
    }
}
