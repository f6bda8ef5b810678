package dev.capstan.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlarmsTest {
    private final Synthesized app = Synthesized.example();

    @Test
    void theStackNamesTheThreeAlarmsTheDeployPassesToTheRefresh() {
        assertThat(app.serviceJson().at("/Outputs/RefreshAlarms/Value").asText()).isEqualTo(
                "capstan-production-target-5xx-rate,capstan-production-p99-latency,capstan-production-healthy-hosts-below-desired");
        assertThat(Templates.resourcesOfType(app.serviceJson(), "AWS::CloudWatch::Alarm"))
                .extracting(a -> a.at("/Properties/AlarmName").asText())
                .containsExactlyInAnyOrder("capstan-production-target-5xx-rate", "capstan-production-p99-latency",
                        "capstan-production-healthy-hosts-below-desired");
    }

    @Test
    void theErrorRateCountsTheInstancesOwn5xxAgainstTheirRequests() {
        JsonNode alarm = alarm("capstan-production-target-5xx-rate");

        assertThat(expression(alarm)).isEqualTo("IF(requests >= 20, 100 * FILL(errors, 0) / requests, 0)");
        assertThat(metric(alarm, "errors").at("/MetricStat/Metric/MetricName").asText()).isEqualTo("HTTPCode_Target_5XX_Count");
        assertThat(metric(alarm, "requests").at("/MetricStat/Metric/MetricName").asText()).isEqualTo("RequestCount");
        assertThat(alarm.at("/Properties/Threshold").asDouble()).isEqualTo(5);
        assertThat(alarm.at("/Properties/TreatMissingData").asText()).isEqualTo("notBreaching");
    }

    @Test
    void latencyIsTheTargetsP99OverThreeWholeMinutes() {
        JsonNode alarm = alarm("capstan-production-p99-latency").get("Properties");

        assertThat(alarm.get("MetricName").asText()).isEqualTo("TargetResponseTime");
        assertThat(alarm.get("ExtendedStatistic").asText()).isEqualTo("p99");
        assertThat(alarm.get("EvaluationPeriods").asInt()).isEqualTo(3);
        assertThat(alarm.get("DatapointsToAlarm").asInt()).isEqualTo(3);
    }

    @Test
    void aTargetDeregisteringDuringARefreshDoesNotTripTheHealthyHostsAlarm() {
        JsonNode alarm = alarm("capstan-production-healthy-hosts-below-desired");

        assertThat(expression(alarm)).isEqualTo("desired - FILL(healthy, 0)");
        // The best moment of each minute: a target that drains for seconds while its replacement is already
        // healthy (minimum healthy 100 %) never lowers a minute's maximum.
        assertThat(metric(alarm, "healthy").at("/MetricStat/Stat").asText()).isEqualTo("Maximum");
        assertThat(metric(alarm, "healthy").at("/MetricStat/Metric/MetricName").asText()).isEqualTo("HealthyHostCount");
        assertThat(metric(alarm, "desired").at("/MetricStat/Stat").asText()).isEqualTo("Minimum");
        assertThat(metric(alarm, "desired").at("/MetricStat/Metric/MetricName").asText()).isEqualTo("GroupDesiredCapacity");
        assertThat(alarm.at("/Properties/DatapointsToAlarm").asInt()).isEqualTo(3);
        assertThat(alarm.at("/Properties/ComparisonOperator").asText()).isEqualTo("GreaterThanOrEqualToThreshold");
        assertThat(alarm.at("/Properties/Threshold").asDouble()).isEqualTo(1);
        app.service().hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Map.of("InstanceMaintenancePolicy",
                Map.of("MinHealthyPercentage", 100, "MaxHealthyPercentage", 200)));
    }

    @Test
    void theDashboardShowsTrafficErrorsLatencyHealthInstancesAndRefreshes() {
        JsonNode dashboard = Templates.onlyResourceOfType(app.serviceJson(), "AWS::CloudWatch::Dashboard");
        String body = Templates.resolved(dashboard.at("/Properties/DashboardBody"), Templates.EXAMPLE_PSEUDO).asText();

        assertThat(dashboard.at("/Properties/DashboardName").asText()).isEqualTo("capstan-production");
        assertThat(body).contains("\"RequestCount\"", "\"HTTPCode_Target_5XX_Count\"", "\"HTTPCode_ELB_5XX_Count\"",
                "\"TargetResponseTime\"", "\"HealthyHostCount\"", "\"GroupInServiceInstances\"",
                "\"GroupPendingInstances\"", "\"GroupTerminatingInstances\"", "\"alarm\"");
    }

    private JsonNode alarm(String name) {
        return Templates.resourcesOfType(app.serviceJson(), "AWS::CloudWatch::Alarm").stream()
                .filter(a -> a.at("/Properties/AlarmName").asText().equals(name)).findFirst().orElseThrow();
    }

    private static String expression(JsonNode alarm) {
        return metrics(alarm).stream().filter(m -> m.has("Expression")).findFirst().orElseThrow().get("Expression").asText();
    }

    private static JsonNode metric(JsonNode alarm, String id) {
        return metrics(alarm).stream().filter(m -> m.get("Id").asText().equals(id)).findFirst().orElseThrow();
    }

    private static List<JsonNode> metrics(JsonNode alarm) {
        List<JsonNode> out = new java.util.ArrayList<>();
        alarm.at("/Properties/Metrics").forEach(out::add);
        return out;
    }
}
