package dev.capstan.rollout.scenario;

import dev.capstan.standin.AwsStandIn;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.StartInstanceRefreshRequest;

/** Someone else starts a refresh (towards version 1) just before the CLI's first StartInstanceRefresh goes out. */
final class StartAnotherRefreshFirst implements ExecutionInterceptor {
    private final AwsStandIn standIn;
    private final String group;
    private boolean done;

    StartAnotherRefreshFirst(AwsStandIn standIn, String group) {
        this.standIn = standIn;
        this.group = group;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (done || !(context.request() instanceof StartInstanceRefreshRequest)) {
            return;
        }
        done = true;
        try (AutoScalingClient other = AutoScalingClient.builder().endpointOverride(standIn.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            other.startInstanceRefresh(r -> r.autoScalingGroupName(group)
                    .desiredConfiguration(d -> d.launchTemplate(t -> t.launchTemplateName(Scenario.TEMPLATE).version("1")))
                    .preferences(p -> p.skipMatching(false)));
        }
    }
}
