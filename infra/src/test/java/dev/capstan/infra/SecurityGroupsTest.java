package dev.capstan.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of every security group, inline or separate, as (group, direction, peer, ports). */
class SecurityGroupsTest {
    private final Synthesized app = Synthesized.example();

    record Rule(String group, String direction, String peer, int from, int to) {
    }

    @Test
    void theLoadBalancerAcceptsHttpsAndHttpOnlyFromTheConfiguredRanges() {
        assertThat(rules(app, "ingress", loadBalancerGroup(app))).containsExactlyInAnyOrder(
                new Rule(loadBalancerGroup(app), "ingress", "0.0.0.0/0", 443, 443),
                new Rule(loadBalancerGroup(app), "ingress", "0.0.0.0/0", 80, 80));

        Synthesized office = Synthesized.with(Map.of("ingressCidrs", List.of("203.0.113.0/24", "198.51.100.0/24")));
        assertThat(rules(office, "ingress", loadBalancerGroup(office))).extracting(Rule::peer)
                .containsOnly("203.0.113.0/24", "198.51.100.0/24").hasSize(4);
    }

    /**
     * In every egress choice: operators reach the admin port through Session Manager, whose agent connects out, so
     * no rule ever lets anything in but the load balancer's traffic.
     */
    @ParameterizedTest
    @MethodSource("egressChoices")
    void instancesAcceptTheAppPortOnlyFromTheLoadBalancer(String egress) {
        Synthesized variant = Synthesized.with(Map.of("egress", egress));

        assertThat(rules(variant, "ingress", instanceGroup(variant))).containsExactly(
                new Rule(instanceGroup(variant), "ingress", "sg:" + loadBalancerGroup(variant), 8080, 8080));
    }

    @Test
    void theEndpointsAcceptHttpsFromTheInstancesOnly() {
        Synthesized endpoints = Synthesized.with(Map.of("egress", "endpoints"));
        String group = groupDescribedAs(endpoints, "Interface endpoints");

        assertThat(rules(endpoints, "ingress", group)).containsExactly(
                new Rule(group, "ingress", "sg:" + instanceGroup(endpoints), 443, 443));
    }

    @Test
    void theLoadBalancerSendsOnlyToTheAppPortOfTheInstances() {
        assertThat(rules(app, "egress", loadBalancerGroup(app))).containsExactly(
                new Rule(loadBalancerGroup(app), "egress", "sg:" + instanceGroup(app), 8080, 8080));
    }

    @ParameterizedTest
    @MethodSource("egressChoices")
    void theAdminPortAndSshAreNeverOpen(String egress) {
        List<Rule> rules = allRules(Synthesized.with(Map.of("egress", egress)));

        assertThat(rules).noneSatisfy(r -> assertThat(r.from() <= 8081 && 8081 <= r.to()).isTrue());
        assertThat(rules).noneSatisfy(r -> assertThat(r.from() <= 22 && 22 <= r.to()).isTrue());
        assertThat(rules).as("no rule without ports (all traffic)").noneSatisfy(r -> assertThat(r.from()).isEqualTo(-1));
    }

    static Stream<String> egressChoices() {
        return Stream.of("nat-shared", "nat-per-az", "endpoints");
    }

    @Test
    void instancesSendOnlyHttps() {
        assertThat(rules(app, "egress", instanceGroup(app))).containsExactly(
                new Rule(instanceGroup(app), "egress", "0.0.0.0/0", 443, 443));
    }

    static String loadBalancerGroup(Synthesized app) {
        return groupDescribedAs(app, "Load balancer");
    }

    static String instanceGroup(Synthesized app) {
        return groupDescribedAs(app, "Instances");
    }

    private static String groupDescribedAs(Synthesized app, String prefix) {
        List<String> ids = new ArrayList<>();
        app.serviceJson().get("Resources").properties().forEach(e -> {
            if (e.getValue().get("Type").asText().equals("AWS::EC2::SecurityGroup")
                    && e.getValue().at("/Properties/GroupDescription").asText().startsWith(prefix)) {
                ids.add(e.getKey());
            }
        });
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private static List<Rule> rules(Synthesized app, String direction, String group) {
        return allRules(app).stream().filter(r -> r.direction().equals(direction) && r.group().equals(group)).toList();
    }

    static List<Rule> allRules(Synthesized app) {
        List<Rule> out = new ArrayList<>();
        app.serviceJson().get("Resources").properties().forEach(e -> {
            JsonNode r = e.getValue();
            JsonNode p = r.get("Properties");
            switch (r.get("Type").asText()) {
                case "AWS::EC2::SecurityGroup" -> {
                    p.path("SecurityGroupIngress").forEach(i -> out.add(rule(e.getKey(), "ingress", i)));
                    p.path("SecurityGroupEgress").forEach(i -> {
                        // CDK's placeholder for "no egress": a rule to an address that cannot exist.
                        if (!"255.255.255.255/32".equals(i.path("CidrIp").asText())) {
                            out.add(rule(e.getKey(), "egress", i));
                        }
                    });
                }
                case "AWS::EC2::SecurityGroupIngress" -> out.add(rule(ref(p.at("/GroupId")), "ingress", p));
                case "AWS::EC2::SecurityGroupEgress" -> out.add(rule(ref(p.at("/GroupId")), "egress", p));
                default -> {
                }
            }
        });
        return out;
    }

    private static Rule rule(String group, String direction, JsonNode p) {
        String peer = p.has("CidrIp") ? p.get("CidrIp").asText()
                : "sg:" + ref(p.has("SourceSecurityGroupId") ? p.get("SourceSecurityGroupId") : p.get("DestinationSecurityGroupId"));
        return new Rule(group, direction, peer, p.path("FromPort").asInt(-1), p.path("ToPort").asInt(-1));
    }

    private static String ref(JsonNode node) {
        return node.has("Fn::GetAtt") ? node.get("Fn::GetAtt").get(0).asText() : node.path("Ref").asText();
    }
}
