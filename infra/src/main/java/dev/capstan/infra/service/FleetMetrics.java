package dev.capstan.infra.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.SearchExpression;

/**
 * What every instance publishes in CloudWatch's embedded metric format, by the names of the service's metric
 * contract (service/src/main/resources/dev/capstan/service/metrics/cloudwatch-metrics.json; the service's publisher
 * is tested against the same file, and so is the dashboard), and the searches that draw it for one group.
 *
 * <p>Searches rather than fixed metrics: the image tags and instance ids are unknown when the stack is deployed, and
 * a search finds each new one as it starts publishing. During a deploy the per-tag lines hand over from one tag to
 * the next.
 */
public final class FleetMetrics {
    public static final String NAMESPACE = "Capstan";
    public static final int PERIOD_SECONDS = 60;

    /** The contract's dimensions: the group's name, and where and what each instance runs. */
    public static final String SERVICE = "Service";
    public static final String IMAGE_TAG = "ImageTag";
    public static final String AVAILABILITY_ZONE = "AvailabilityZone";
    public static final String INSTANCE_ID = "InstanceId";

    /** The request document's metrics. */
    public static final String REQUESTS = "Requests";
    public static final String SERVER_ERRORS = "ServerErrors";
    public static final String LATENCY = "Latency";
    /** The JVM document's metrics. */
    public static final String HEAP_USED = "HeapUsed";
    public static final String GC_TIME = "GcTime";
    public static final String THREADS = "Threads";
    public static final String READY = "Ready";

    /** The contract's dimension sets the dashboard reads: the fleet by image tag, and each instance. */
    public static final List<String> PER_IMAGE_TAG = List.of(SERVICE, IMAGE_TAG);
    public static final List<String> PER_INSTANCE = List.of(SERVICE, AVAILABILITY_ZONE, INSTANCE_ID);

    private final String service;

    /** @param service the Auto Scaling group's name, the value every instance publishes as Service */
    public FleetMetrics(String service) {
        this.service = service;
    }

    /** One line per image tag, labelled with the tag (a dynamic label: each time series shows its own). */
    public IMetric perImageTag(String metric, String statistic, String labelPrefix) {
        return search(PER_IMAGE_TAG, metric, statistic, labelPrefix + "${PROP('Dim." + IMAGE_TAG + "')}");
    }

    /** One line per instance, labelled with its id and zone. */
    public IMetric perInstance(String metric, String statistic) {
        return search(PER_INSTANCE, metric, statistic,
                "${PROP('Dim." + INSTANCE_ID + "')} ${PROP('Dim." + AVAILABILITY_ZONE + "')}");
    }

    private IMetric search(List<String> dimensions, String metric, String statistic, String label) {
        Map<String, String> terms = new LinkedHashMap<>();
        terms.put("MetricName", metric);
        // This group's instances only: every environment's fleet publishes into the one namespace.
        terms.put(SERVICE, service);
        return SearchExpression.Builder.create()
                .expression(new MetricSearch(NAMESPACE, dimensions, terms, statistic, PERIOD_SECONDS).expression())
                .label(label)
                .period(Duration.seconds(PERIOD_SECONDS))
                .build();
    }
}
