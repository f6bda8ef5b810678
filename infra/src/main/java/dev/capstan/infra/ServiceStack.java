package dev.capstan.infra;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/** Per environment: network, load balancer, fleet, instance identity, alarms and dashboard. */
public final class ServiceStack extends Stack {
    public ServiceStack(Construct scope, String id, StackProps props, Settings settings) {
        super(scope, id, props);
    }
}
