package dev.capstan.infra.service;

import java.util.List;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.constructs.Construct;

/** One CloudWatch dashboard: traffic, errors, latency, target health, the group's instances and refresh activity. */
public final class Dashboard extends Construct {
    public Dashboard(Construct scope, String id, String name, Alarms alarms) {
        super(scope, id);
        Alarms.Metrics m = alarms.metrics();
        software.amazon.awscdk.services.cloudwatch.Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(name)
                .widgets(List.of(
                        List.of(graph("Requests per minute", m.requests()),
                                graph("5xx per minute: from the instances, from the load balancer", m.target5xx(), m.elb5xx()),
                                graph("Response time (s): p50, p99", m.latencyP50(), m.latencyP99())),
                        List.of(graph("Targets: healthy, unhealthy", m.healthyHosts(), m.unhealthyHosts()),
                                graph("Instances: in service, desired", m.inService(), m.desired()),
                                // A refresh shows as pending and terminating instances and a total above desired
                                // (the maintenance policy lets it launch up to twice the desired capacity first).
                                graph("Refresh activity: pending, terminating, total", m.pending(), m.terminating(), m.total())),
                        List.of(AlarmStatusWidget.Builder.create().title("The alarms a refresh watches (--alarms)")
                                        .alarms(alarms.alarms().stream().map(a -> (IAlarm) a).toList()).width(12).build(),
                                TextWidget.Builder.create().width(12).height(4).markdown(
                                        "Refresh status, history and rollbacks: `rollout status --asg <group>`; "
                                                + "see docs/operations.md and docs/deploy.md.").build())))
                .build();
    }

    private static GraphWidget graph(String title, IMetric... metrics) {
        return GraphWidget.Builder.create().title(title).left(List.of(metrics)).width(8).height(6).build();
    }
}
