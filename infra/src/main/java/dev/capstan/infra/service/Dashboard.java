package dev.capstan.infra.service;

import java.util.List;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.constructs.Construct;

/**
 * One CloudWatch dashboard, in rows: the load balancer's view (traffic, errors, latency), the group's (target health,
 * instances, refresh activity), the fleet's own metrics by image tag, each instance's JVM, and the alarms a refresh
 * watches. docs/infrastructure.md draws the layout.
 */
public final class Dashboard extends Construct {
    /** The dashboard grid is 24 units wide: a row holds three graphs of 8, or four of 6. */
    private static final int WIDTH = 24;
    private static final int THIRD = WIDTH / 3;
    private static final int QUARTER = WIDTH / 4;

    public Dashboard(Construct scope, String id, String name, Alarms alarms, FleetMetrics fleet) {
        super(scope, id);
        Alarms.Metrics m = alarms.metrics();
        software.amazon.awscdk.services.cloudwatch.Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(name)
                .widgets(List.of(
                        row(graph("Requests per minute", THIRD, m.requests()),
                                graph("5xx per minute: from the instances, from the load balancer", THIRD, m.target5xx(), m.elb5xx()),
                                graph("Response time (s): p50, p99", THIRD, m.latencyP50(), m.latencyP99())),
                        row(graph("Targets: healthy, unhealthy", THIRD, m.healthyHosts(), m.unhealthyHosts()),
                                graph("Instances: in service, desired", THIRD, m.inService(), m.desired()),
                                // A refresh shows as pending and terminating instances and a total above desired
                                // (the maintenance policy lets it launch up to twice the desired capacity first).
                                graph("Refresh activity: pending, terminating, total", THIRD, m.pending(),
                                        m.terminating(), m.total())),
                        row(heading("The fleet by image tag: what every instance publishes (namespace Capstan). "
                                + "During a deploy each line hands over to the next tag's.")),
                        row(graph("Requests per minute, by image tag", QUARTER,
                                        fleet.perImageTag(FleetMetrics.REQUESTS, "Sum", "")),
                                graph("Server errors (5xx) per minute, by image tag", QUARTER,
                                        fleet.perImageTag(FleetMetrics.SERVER_ERRORS, "Sum", "")),
                                graph("Latency (ms): p50, p99, by image tag", QUARTER,
                                        fleet.perImageTag(FleetMetrics.LATENCY, "p50", "p50 "),
                                        fleet.perImageTag(FleetMetrics.LATENCY, "p99", "p99 ")),
                                // Every instance publishes Ready (1 or 0) once a minute: the sum is the ready count.
                                graph("Ready instances, by image tag", QUARTER,
                                        fleet.perImageTag(FleetMetrics.READY, "Sum", ""))),
                        row(heading("Each instance's JVM (instance id and zone).")),
                        row(graph("Heap used (bytes), per instance", THIRD,
                                        fleet.perInstance(FleetMetrics.HEAP_USED, "Maximum")),
                                graph("GC time (ms per minute), per instance", THIRD,
                                        fleet.perInstance(FleetMetrics.GC_TIME, "Sum")),
                                graph("Threads, per instance", THIRD, fleet.perInstance(FleetMetrics.THREADS, "Maximum"))),
                        row(AlarmStatusWidget.Builder.create().title("The alarms a refresh watches (--alarms)")
                                        .alarms(alarms.alarms().stream().map(a -> (IAlarm) a).toList()).width(12).build(),
                                TextWidget.Builder.create().width(12).height(4).markdown(
                                        "Refresh status, history and rollbacks: `rollout status --asg <group>`; "
                                                + "see docs/operations.md and docs/deploy.md. An instance's admin port: "
                                                + "`rollout admin`, through Session Manager.").build())))
                .build();
    }

    /** Widgets side by side, left to right. */
    private static List<IWidget> row(IWidget... widgets) {
        return List.of(widgets);
    }

    private static GraphWidget graph(String title, int width, IMetric... metrics) {
        return GraphWidget.Builder.create().title(title).left(List.of(metrics)).width(width).height(6).build();
    }

    private static TextWidget heading(String markdown) {
        return TextWidget.Builder.create().markdown("### " + markdown).width(WIDTH).height(1).build();
    }
}
