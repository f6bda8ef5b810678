package dev.capstan.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rolling-replacement proof (.ci/rolling-replacement) plays the production target group with HAProxy, its times
 * divided by one factor. The proof only proves something about production if its settings are the synthesized
 * target group's, scaled: this test reads both and holds them together.
 */
class RollingReplacementMappingTest {
    static final Path PROOF = Path.of("..", ".ci", "rolling-replacement");

    static String script;
    static JsonNode targetGroup;
    static double scale;

    @BeforeAll
    static void read() throws IOException {
        script = Files.readString(PROOF);
        targetGroup = Templates.onlyResourceOfType(Synthesized.example().serviceJson(),
                "AWS::ElasticLoadBalancingV2::TargetGroup").get("Properties");
        scale = seconds("HealthCheckIntervalSeconds") * 1000.0 / number("CHECK_INTERVAL_MS");
    }

    @Test
    void theProofRunsProductionTimesDividedByFive() {
        assertThat(scale).isEqualTo(5.0);
        assertThat(script).contains("times divided by 5");
    }

    @Test
    void haproxyChecksAsOftenAndAsPatientlyAsTheTargetGroupScaled() {
        assertThat(number("CHECK_INTERVAL_MS") * scale).isEqualTo(seconds("HealthCheckIntervalSeconds") * 1000.0);
        assertThat(number("CHECK_TIMEOUT_MS") * scale).isEqualTo(seconds("HealthCheckTimeoutSeconds") * 1000.0);
    }

    @Test
    void haproxyRisesAndFallsAfterAsManyChecksAsTheTargetGroup() {
        assertThat(number("HEALTHY_THRESHOLD")).isEqualTo(targetGroup.get("HealthyThresholdCount").asInt());
        assertThat(number("UNHEALTHY_THRESHOLD")).isEqualTo(targetGroup.get("UnhealthyThresholdCount").asInt());
        assertThat(script).contains("default-server inter ${CHECK_INTERVAL_MS}ms fall $UNHEALTHY_THRESHOLD rise $HEALTHY_THRESHOLD")
                .contains("timeout check ${CHECK_TIMEOUT_MS}ms");
    }

    @Test
    void haproxyAsksTheSameReadinessQuestionAndAcceptsTheSameAnswer() {
        Matcher uri = Pattern.compile("http-check send meth GET uri (\\S+)").matcher(script);
        assertThat(uri.find()).isTrue();
        assertThat(uri.group(1)).isEqualTo(targetGroup.get("HealthCheckPath").asText());
        Matcher status = Pattern.compile("http-check expect status (\\d+)").matcher(script);
        assertThat(status.find()).isTrue();
        assertThat(status.group(1)).isEqualTo(targetGroup.at("/Matcher/HttpCode").asText());
    }

    @Test
    void theProofsDrainWindowIsTheDeregistrationDelayScaled() {
        int drainSeconds = Integer.parseInt(match("DRAIN_WINDOW=\\$\\{DRAIN_WINDOW:-(\\d+)s}"));

        assertThat(drainSeconds * scale).isEqualTo(attributes().get("deregistration_delay.timeout_seconds") * 1.0)
                .isEqualTo(ServiceConfig.drainWindowSeconds() * 1.0);
    }

    @Test
    void bothBalanceRoundRobin() {
        assertThat(script).contains("balance roundrobin");
        assertThat(attributeText("load_balancing.algorithm.type")).isEqualTo("round_robin");
    }

    private static int seconds(String property) {
        return targetGroup.get(property).asInt();
    }

    private static int number(String variable) {
        return Integer.parseInt(match("(?m)^" + variable + "=(\\d+)$"));
    }

    private static String match(String regex) {
        Matcher m = Pattern.compile(regex).matcher(script);
        assertThat(m.find()).as(PROOF + " sets " + regex).isTrue();
        return m.group(1);
    }

    private static Map<String, Integer> attributes() {
        Map<String, Integer> out = new HashMap<>();
        targetGroup.get("TargetGroupAttributes").forEach(a -> {
            if (a.get("Value").asText().matches("\\d+")) {
                out.put(a.get("Key").asText(), a.get("Value").asInt());
            }
        });
        return out;
    }

    private static String attributeText(String key) {
        for (JsonNode a : targetGroup.get("TargetGroupAttributes")) {
            if (a.get("Key").asText().equals(key)) {
                return a.get("Value").asText();
            }
        }
        return null;
    }
}
