package dev.capstan.infra.service;

import dev.capstan.infra.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeElb;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.constructs.Construct;

/**
 * The three alarms the deploy passes to the instance refresh (--alarms): while a refresh runs, any of them in ALARM
 * fails it, and with auto-rollback the previous version comes back. Each must therefore be quiet on a healthy fleet
 * in the middle of a refresh, and loud within minutes on a bad release.
 */
public final class Alarms extends Construct {
    static final Duration PERIOD = Duration.minutes(1);
    /** Below this many requests a minute the 5xx rate says nothing (one error in three requests is not a trend). */
    static final int MIN_REQUESTS_FOR_A_RATE = 20;
    static final int ERROR_RATE_PERCENT = 5;
    /** The service answers in milliseconds (p99 2.5 ms at 1,000 requests/s); a second at p99 is a broken release. */
    static final double P99_LATENCY_SECONDS = 1.0;

    private final List<Alarm> alarms;
    private final Metrics metrics;

    /** The metrics the alarms and the dashboard share. */
    public record Metrics(Metric requests, Metric target5xx, Metric elb5xx, Metric latencyP50, Metric latencyP99,
                          Metric healthyHosts, Metric unhealthyHosts, Metric desired, Metric inService,
                          Metric pending, Metric terminating, Metric total) {
    }

    public Alarms(Construct scope, String id, Names names, LoadBalancer loadBalancer) {
        super(scope, id);
        var tg = loadBalancer.targetGroup();
        var alb = loadBalancer.alb();
        var groupName = names.group();
        metrics = new Metrics(
                tg.getMetrics().requestCount(options("Sum")),
                tg.getMetrics().httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, options("Sum")),
                alb.getMetrics().httpCodeElb(HttpCodeElb.ELB_5XX_COUNT, options("Sum")),
                tg.getMetrics().targetResponseTime(options("p50")),
                tg.getMetrics().targetResponseTime(options("p99")),
                tg.getMetrics().healthyHostCount(options("Maximum")),
                tg.getMetrics().unhealthyHostCount(options("Maximum")),
                groupMetric(groupName, "GroupDesiredCapacity", "Minimum"),
                groupMetric(groupName, "GroupInServiceInstances", "Maximum"),
                groupMetric(groupName, "GroupPendingInstances", "Maximum"),
                groupMetric(groupName, "GroupTerminatingInstances", "Maximum"),
                groupMetric(groupName, "GroupTotalInstances", "Maximum"));

        // Each alarm looks at three one-minute periods; no data is no evidence of trouble (no requests, no errors; no
        // group metrics, collection off or the group gone: nothing to compare).
        Alarm errorRate = alarm("Target5xxRate", names.alarm(Names.ERROR_RATE_ALARM),
                "More than " + ERROR_RATE_PERCENT + " % of the requests the instances answered were 5xx, in 2 of 3 "
                        + "minutes with at least " + MIN_REQUESTS_FOR_A_RATE + " requests a minute",
                expression("IF(requests >= " + MIN_REQUESTS_FOR_A_RATE + ", 100 * FILL(errors, 0) / requests, 0)",
                        "target 5xx %", "requests", metrics.requests(), "errors", metrics.target5xx()),
                ComparisonOperator.GREATER_THAN_THRESHOLD, ERROR_RATE_PERCENT, 2);
        // Three whole minutes: a new JVM's first seconds are slower, and must not roll a release back.
        Alarm latency = alarm("P99Latency", names.alarm(Names.LATENCY_ALARM),
                "p99 of the instances' response time above " + P99_LATENCY_SECONDS + " s in 3 of 3 minutes",
                metrics.latencyP99(), ComparisonOperator.GREATER_THAN_THRESHOLD, P99_LATENCY_SECONDS, 3);
        // The most healthy targets seen in each minute against the least desired capacity: a target that is
        // deregistering (draining) is not healthy, but with a minimum healthy percentage of 100 its replacement was
        // healthy before it left, so the minute's maximum never drops. No healthy count (no target left) is none.
        Alarm healthy = alarm("HealthyHostsBelowDesired", names.alarm(Names.HEALTHY_HOSTS_ALARM),
                "Fewer healthy targets than the group's desired capacity for 3 whole minutes",
                expression("desired - FILL(healthy, 0)", "healthy targets missing",
                        "desired", metrics.desired(), "healthy", metrics.healthyHosts()),
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, 3);
        alarms = List.of(errorRate, latency, healthy);
    }

    private static MetricOptions options(String statistic) {
        return MetricOptions.builder().statistic(statistic).period(PERIOD).build();
    }

    private static Metric groupMetric(String groupName, String name, String statistic) {
        return Metric.Builder.create().namespace("AWS/AutoScaling").metricName(name)
                .dimensionsMap(Map.of("AutoScalingGroupName", groupName)).statistic(statistic).period(PERIOD).build();
    }

    public List<Alarm> alarms() {
        return alarms;
    }

    public Metrics metrics() {
        return metrics;
    }

    private Alarm alarm(String id, String name, String description, IMetric metric, ComparisonOperator operator,
                        double threshold, int badMinutesOfThree) {
        return Alarm.Builder.create(this, id).alarmName(name).alarmDescription(description).metric(metric)
                .comparisonOperator(operator).threshold(threshold)
                .evaluationPeriods(3).datapointsToAlarm(badMinutesOfThree)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }

    /** A one-minute expression over two named metrics, kept in order: the template is the same on every synthesis. */
    private static MathExpression expression(String expression, String label, String firstId, IMetric first,
                                             String secondId, IMetric second) {
        Map<String, IMetric> metrics = new LinkedHashMap<>();
        metrics.put(firstId, first);
        metrics.put(secondId, second);
        return MathExpression.Builder.create().expression(expression).usingMetrics(metrics).label(label).period(PERIOD)
                .build();
    }
}
