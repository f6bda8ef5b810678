package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.ec2.model.ModifyLaunchTemplateRequest;

/** AWS's "Successful" is checked against the group itself before the deploy reports success. */
class FleetVerificationTest extends Scenario {

    @Test
    void aSuccessfulRefreshWithAnInstanceLeftOnTheOldVersionFailsTheDeploy(@TempDir Path dir) throws Exception {
        // After the promotion, the group reports one InService instance still on version 1 (say, one AWS skipped).
        AtomicBoolean promoted = new AtomicBoolean();
        interceptors.add(new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof ModifyLaunchTemplateRequest) {
                    promoted.set(true);
                }
            }

            @Override
            public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
                if (promoted.get() && context.response() instanceof DescribeAutoScalingGroupsResponse r) {
                    List<AutoScalingGroup> groups = new ArrayList<>();
                    for (AutoScalingGroup g : r.autoScalingGroups()) {
                        List<Instance> instances = new ArrayList<>(g.instances());
                        int first = instances.indexOf(instances.stream()
                                .filter(i -> "InService".equals(i.lifecycleStateAsString())).findFirst().orElseThrow());
                        Instance stale = instances.get(first);
                        instances.set(first, stale.toBuilder().launchTemplate(stale.launchTemplate().toBuilder().version("1").build()).build());
                        groups.add(g.toBuilder().instances(instances).build());
                    }
                    return r.toBuilder().autoScalingGroups(groups).build();
                }
                return context.response();
            }
        });
        Path output = dir.resolve("output");
        env.put("GITHUB_OUTPUT", output.toString());

        Result result = deploy();

        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(result.err()).contains("The refresh reported success but InService instances")
                .contains("(version 1) do not run launch template version 2");
        assertThat(Files.readString(output)).contains("result=failed");
    }
}
