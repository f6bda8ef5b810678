package dev.capstan.infra;

import dev.capstan.infra.identity.Arns;
import dev.capstan.infra.identity.Policies;
import dev.capstan.infra.service.Alarms;
import dev.capstan.infra.service.Dashboard;
import dev.capstan.infra.service.Fleet;
import dev.capstan.infra.service.FleetMetrics;
import dev.capstan.infra.service.InstanceIdentity;
import dev.capstan.infra.service.LoadBalancer;
import dev.capstan.infra.service.Network;
import dev.capstan.infra.service.OperatorAccess;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/** Per environment: network, load balancer, instance identity, fleet, alarms, dashboard and operator access. */
public final class ServiceStack extends Stack {
    public ServiceStack(Construct scope, String id, StackProps props, Settings settings) {
        super(scope, id, props);
        Names names = new Names(settings.environment(), settings.repository());
        Network network = new Network(this, "Network", settings.vpcCidr(), settings.availabilityZones(), settings.egress());
        LoadBalancer loadBalancer = new LoadBalancer(this, "LoadBalancer", network, settings.certificateArn(),
                settings.ingressCidrs());
        Arns arns = Arns.of(this);
        Policies policies = new Policies(arns, names);
        InstanceIdentity identity = new InstanceIdentity(this, "InstanceIdentity", policies, arns, names);
        Fleet fleet = new Fleet(this, "Fleet", names,
                new Fleet.Size(settings.instanceType(), settings.minSize(), settings.maxSize()),
                network, loadBalancer, identity);
        Alarms alarms = new Alarms(this, "Alarms", names, loadBalancer);
        new Dashboard(this, "Dashboard", names.dashboard(), alarms, new FleetMetrics(names.group()));
        OperatorAccess operators = new OperatorAccess(this, "OperatorAccess", policies, arns, names);

        CfnOutput.Builder.create(this, "LoadBalancerDnsName").value(loadBalancer.alb().getLoadBalancerDnsName())
                .description("Point your DNS name (the certificate's) here").build();
        CfnOutput.Builder.create(this, "AutoScalingGroupName").value(fleet.group().getAutoScalingGroupName())
                .description("GitHub variable ASG_NAME").build();
        CfnOutput.Builder.create(this, "RefreshAlarms").value(String.join(",", names.refreshAlarms()))
                .description("rollout deploy --alarms").build();
        CfnOutput.Builder.create(this, "OperatorPolicyArn").value(operators.policy().getManagedPolicyArn())
                .description("Attach to the operators' roles, groups or permission sets").build();
    }
}
