package dev.capstan.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.infra.DashboardBody.Search;
import dev.capstan.infra.DashboardBody.Widget;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's fleet rows, read from the synthesized body and checked against the service's metric contract
 * (service/src/main/resources/dev/capstan/service/metrics/cloudwatch-metrics.json), which the publisher is tested
 * against too: a name the publisher does not write would draw an empty graph, and no check in AWS would say so.
 */
class DashboardTest {
    private final Synthesized app = Synthesized.example();
    private final DashboardBody dashboard = DashboardBody.of(app);
    private final MetricContract contract = MetricContract.read();

    @Test
    void everyMetricNamespaceAndDimensionSetTheDashboardSearchesIsInTheContract() {
        assertThat(dashboard.searches()).isNotEmpty().allSatisfy(search -> {
            assertThat(search.namespace()).isEqualTo(contract.namespace());
            assertThat(contract.publishes(search.terms().get("MetricName"), new HashSet<>(search.dimensions())))
                    .as(search.query() + ": the contract publishes the metric under exactly these dimensions").isTrue();
            assertThat(search.dimensions()).as("every term but the metric's name is one of the schema's dimensions")
                    .containsAll(search.terms().keySet().stream().filter(k -> !k.equals("MetricName")).toList());
        });
        assertThat(dashboard.widgets()).flatExtracting(Widget::namespaces)
                .as("the fleet's metrics are only ever searched: no fixed metric of the namespace")
                .doesNotContain(contract.namespace());
    }

    /** A deploy shows as one line per tag, the old tag's lines falling as the new tag's rise. */
    @Test
    void theFleetRowDrawsRequestsErrorsLatencyAndReadinessPerImageTag() {
        List<Search> perTag = searchesOver("Service", "ImageTag");

        assertThat(perTag).extracting(s -> s.terms().get("MetricName") + " " + s.statistic()).containsExactlyInAnyOrder(
                "Requests Sum", "ServerErrors Sum", "Latency p50", "Latency p99", "Ready Sum");
        assertThat(perTag).allSatisfy(s -> assertThat(s.label()).contains("${PROP('Dim.ImageTag')}"));
        assertThat(widgetsDrawing(perTag)).hasSize(4).allSatisfy(w -> {
            assertThat(w.title()).endsWith("by image tag");
            assertThat(w.searches()).as("nothing else in a per-tag graph").allMatch(perTag::contains);
        });
    }

    @Test
    void theJvmRowDrawsHeapGcAndThreadsPerInstance() {
        List<Search> perInstance = searchesOver("Service", "AvailabilityZone", "InstanceId");

        assertThat(perInstance).extracting(s -> s.terms().get("MetricName") + " " + s.statistic())
                .containsExactlyInAnyOrder("HeapUsed Maximum", "GcTime Sum", "Threads Maximum");
        assertThat(perInstance).allSatisfy(s -> assertThat(s.label()).contains("${PROP('Dim.InstanceId')}"));
        assertThat(widgetsDrawing(perInstance)).hasSize(3).allSatisfy(w -> assertThat(w.title()).endsWith("per instance"));
        assertThat(perInstance.size() + searchesOver("Service", "ImageTag").size())
                .as("no search over another dimension set").isEqualTo(dashboard.searches().size());
    }

    /** Every environment publishes into the one namespace: an exact match keeps capstan-production-eu out. */
    @Test
    void everySearchIsOfThisGroupsInstancesOnlyAndOfOneMinute() {
        String group = SynthesizedPolicies.groupName(app);

        assertThat(dashboard.searches()).allSatisfy(s -> {
            assertThat(s.terms()).containsEntry("Service", group);
            assertThat(s.query()).contains("Service=\"" + group + "\"");
            assertThat(s.period()).isEqualTo(60);
        });
    }

    @Test
    void searchesStayWithinCloudWatchsLimitsAndRowsWithinTheGrid() {
        assertThat(dashboard.searches()).allSatisfy(s -> assertThat(s.query().length()).isLessThanOrEqualTo(1024));
        assertThat(dashboard.widgets()).allSatisfy(w -> {
            assertThat(w.searches().size()).isLessThanOrEqualTo(100);
            assertThat(w.x() + w.width()).isLessThanOrEqualTo(24);
        });
    }

    /** The load balancer's and the group's rows stay above the fleet's, the alarms below. */
    @Test
    void theRowsAreLoadBalancerGroupFleetJvmAlarms() {
        Map<String, Integer> rowOf = new HashMap<>();
        dashboard.widgets().forEach(w -> rowOf.put(w.title(), w.y()));

        assertThat(rowOf.get("Requests per minute")).isLessThan(rowOf.get("Targets: healthy, unhealthy"));
        assertThat(rowOf.get("Refresh activity: pending, terminating, total"))
                .isLessThan(rowOf.get("Requests per minute, by image tag"));
        assertThat(rowOf.get("Requests per minute, by image tag")).isLessThan(rowOf.get("Threads, per instance"));
        assertThat(rowOf.get("Threads, per instance")).isLessThan(rowOf.get("The alarms a refresh watches (--alarms)"));
    }

    private List<Search> searchesOver(String... dimensions) {
        Set<String> wanted = Set.of(dimensions);
        return dashboard.searches().stream().filter(s -> new HashSet<>(s.dimensions()).equals(wanted)).toList();
    }

    private List<Widget> widgetsDrawing(List<Search> searches) {
        return dashboard.widgets().stream().filter(w -> w.searches().stream().anyMatch(searches::contains)).toList();
    }
}
