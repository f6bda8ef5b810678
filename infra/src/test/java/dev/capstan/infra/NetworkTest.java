package dev.capstan.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetworkTest {
    private final Synthesized app = Synthesized.example();

    @Test
    void subnetsSpanEveryNamedZoneAndNoneGivesOutPublicAddresses() {
        List<JsonNode> subnets = Templates.resourcesOfType(app.serviceJson(), "AWS::EC2::Subnet");
        Set<String> zones = new HashSet<>();
        subnets.forEach(s -> zones.add(s.at("/Properties/AvailabilityZone").asText()));

        assertThat(zones).containsExactlyInAnyOrder("eu-west-1a", "eu-west-1b");
        assertThat(subnets).allSatisfy(s -> assertThat(s.at("/Properties/MapPublicIpOnLaunch").asBoolean()).isFalse());
    }

    @Test
    void theGroupLaunchesIntoThePrivateSubnetsOnly() {
        JsonNode resources = app.serviceJson().get("Resources");
        JsonNode group = Templates.onlyResourceOfType(app.serviceJson(), "AWS::AutoScaling::AutoScalingGroup");

        assertThat(group.at("/Properties/VPCZoneIdentifier")).hasSize(2).allSatisfy(ref -> {
            String subnet = ref.get("Ref").asText();
            assertThat(resources.get(subnet).at("/Properties/Tags").toString()).contains("\"aws-cdk:subnet-type\"")
                    .contains("\"Private\"").doesNotContain("\"Public\"");
        });
    }

    @Test
    void oneSharedNatGatewayByDefaultAndImageLayersBypassIt() {
        app.service().resourceCountIs("AWS::EC2::NatGateway", 1);
        assertThat(Templates.resourcesOfType(app.serviceJson(), "AWS::EC2::VPCEndpoint")).singleElement().satisfies(e -> {
            assertThat(Templates.resolved(e.at("/Properties/ServiceName"), Templates.EXAMPLE_PSEUDO).asText())
                    .isEqualTo("com.amazonaws.eu-west-1.s3");
            assertThat(e.at("/Properties/VpcEndpointType").asText()).isEqualTo("Gateway");
        });
    }

    @Test
    void oneNatGatewayPerZoneWhenAsked() {
        Synthesized.with(Map.of("egress", "nat-per-az")).service().resourceCountIs("AWS::EC2::NatGateway", 2);
    }

    /**
     * Session Manager's agent registers through ssm and carries every session over ssmmessages; ec2messages is Run
     * Command's, which nothing here uses (and the instance role does not allow).
     */
    @Test
    void withoutNatEveryServiceTheInstancesCallHasAnEndpoint() {
        Synthesized endpoints = Synthesized.with(Map.of("egress", "endpoints"));

        endpoints.service().resourceCountIs("AWS::EC2::NatGateway", 0);
        Set<String> services = new HashSet<>();
        Templates.resourcesOfType(endpoints.serviceJson(), "AWS::EC2::VPCEndpoint").forEach(e -> {
            JsonNode name = Templates.resolved(e.at("/Properties/ServiceName"), Templates.EXAMPLE_PSEUDO);
            services.add(name.asText() + " " + e.at("/Properties/VpcEndpointType").asText());
        });
        assertThat(services).containsExactlyInAnyOrder(
                "com.amazonaws.eu-west-1.ecr.api Interface", "com.amazonaws.eu-west-1.ecr.dkr Interface",
                "com.amazonaws.eu-west-1.logs Interface", "com.amazonaws.eu-west-1.sts Interface",
                "com.amazonaws.eu-west-1.autoscaling Interface", "com.amazonaws.eu-west-1.ssm Interface",
                "com.amazonaws.eu-west-1.ssmmessages Interface", "com.amazonaws.eu-west-1.s3 Gateway");
        assertThat(Templates.resourcesOfType(endpoints.serviceJson(), "AWS::EC2::Route"))
                .as("only the public subnets route to the internet, through the internet gateway")
                .allSatisfy(route -> assertThat(route.at("/Properties").has("NatGatewayId")).isFalse());
    }
}
