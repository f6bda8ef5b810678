package dev.capstan.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class LoadBalancerTest {
    private final Synthesized app = Synthesized.example();

    @Test
    void servesHttpsWithTheConfiguredCertificateAndTheRestrictedTls13Policy() {
        app.service().hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Protocol", "HTTPS", "Port", 443,
                "Certificates", List.of(Map.of("CertificateArn",
                        "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000")),
                "SslPolicy", "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
                "DefaultActions", List.of(Match.objectLike(Map.of("Type", "forward")))));
    }

    @Test
    void plainHttpOnlyRedirectsToHttps() {
        app.service().hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Protocol", "HTTP", "Port", 80,
                "DefaultActions", List.of(Map.of("Type", "redirect", "RedirectConfig", Map.of(
                        "Protocol", "HTTPS", "Port", "443", "StatusCode", "HTTP_301")))));
        app.service().resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 2);
    }

    @Test
    void dropsInvalidHeadersAndClosesIdleConnectionsBeforeTheServiceDoes() {
        Map<String, String> attributes = attributes();

        assertThat(attributes).containsEntry("routing.http.drop_invalid_header_fields.enabled", "true");
        assertThat(Integer.parseInt(attributes.get("idle_timeout.timeout_seconds")))
                .isLessThan(ServiceConfig.idleTimeoutSeconds());
    }

    @Test
    void isInternetFacingInThePublicSubnetsAndProtectedFromDeletion() {
        app.service().hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of(
                "Scheme", "internet-facing", "Type", "application"));
        assertThat(attributes()).containsEntry("deletion_protection.enabled", "true");
    }

    @Test
    void theTargetGroupChecksReadinessOnTheAppPort() {
        app.service().hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of(
                "Port", 8080, "Protocol", "HTTP", "TargetType", "instance",
                "HealthCheckPath", "/health-check?type=ready", "HealthCheckPort", "traffic-port",
                "HealthCheckProtocol", "HTTP", "Matcher", Map.of("HttpCode", "200")));
    }

    @Test
    void aStoppingTargetLeavesWithinTheServicesDrainWindow() {
        JsonNode group = Templates.onlyResourceOfType(app.serviceJson(), "AWS::ElasticLoadBalancingV2::TargetGroup")
                .get("Properties");
        int interval = group.get("HealthCheckIntervalSeconds").asInt();
        int timeout = group.get("HealthCheckTimeoutSeconds").asInt();
        int unhealthy = group.get("UnhealthyThresholdCount").asInt();

        // The longest the load balancer routes to a target whose readiness turned 503.
        assertThat(unhealthy * interval + timeout).isLessThan(ServiceConfig.drainWindowSeconds());
        assertThat(group.get("HealthyThresholdCount").asInt()).isEqualTo(2);
    }

    @Test
    void deregistrationWaitsExactlyTheServicesDrainWindow() {
        JsonNode group = Templates.onlyResourceOfType(app.serviceJson(), "AWS::ElasticLoadBalancingV2::TargetGroup");
        String delay = null;
        for (JsonNode a : group.at("/Properties/TargetGroupAttributes")) {
            if (a.get("Key").asText().equals("deregistration_delay.timeout_seconds")) {
                delay = a.get("Value").asText();
            }
        }
        assertThat(delay).isEqualTo(String.valueOf(ServiceConfig.drainWindowSeconds()));
    }

    private Map<String, String> attributes() {
        JsonNode alb = Templates.onlyResourceOfType(app.serviceJson(), "AWS::ElasticLoadBalancingV2::LoadBalancer");
        Map<String, String> out = new java.util.HashMap<>();
        alb.at("/Properties/LoadBalancerAttributes").forEach(a -> out.put(a.get("Key").asText(), a.get("Value").asText()));
        return out;
    }
}
