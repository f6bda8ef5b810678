package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.standin.GroupSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.DesiredConfiguration;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;

/** Lists longer than one page: launch template versions (200 a page), refreshes (50) and groups (100). */
class PaginationTest extends Scenario {

    @Test
    void findsThePreviousReleaseAndPrunesAcrossPagesOfVersions() {
        for (int i = 2; i <= 250; i++) {
            STAND_IN.ec2().createVersion(TEMPLATE, "#!/bin/bash\n", i == 249
                    ? "image capstan:" + NEW_TAG + " " + NEW_DIGEST : "image capstan:old" + i + " " + OLD_DIGEST);
        }
        STAND_IN.ec2().setDefaultVersion(TEMPLATE, 250);

        Result dry = rollout("rollback", "--asg", GROUP, "--to-version", "249", "--dry-run");
        Result prune = rollout("prune", "--launch-template", TEMPLATE, "--keep", "3");

        assertThat(dry.exitCode()).as(dry.all()).isZero();
        assertThat(dry.out()).contains("redeploying the image of version 249: image capstan:def5678");
        assertThat(prune.exitCode()).as(prune.all()).isZero();
        assertThat(prune.out()).contains("Deleted 246 versions");
        assertThat(STAND_IN.calls("DeleteLaunchTemplateVersions")).hasSize(2);
        assertThat(STAND_IN.ec2().launchTemplate(TEMPLATE).versions()).hasSize(4);
    }

    @Test
    void statusListsRefreshesFromEveryPage() {
        try (AutoScalingClient direct = AutoScalingClient.builder().region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            for (int i = 0; i < 55; i++) {
                direct.startInstanceRefresh(r -> r.autoScalingGroupName(GROUP).desiredConfiguration(DesiredConfiguration.builder()
                        .launchTemplate(LaunchTemplateSpecification.builder().launchTemplateName(TEMPLATE).version("1").build()).build()));
                direct.cancelInstanceRefresh(r -> r.autoScalingGroupName(GROUP));
                STAND_IN.clock().advance(Duration.ofMinutes(1));
            }
        }

        Result result = rollout("status", "--asg", GROUP, "--limit", "60");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out().lines().filter(l -> l.contains("  Cancelled "))).hasSize(55);
        assertThat(STAND_IN.calls("DescribeInstanceRefreshes").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void pruneFindsGroupsUsingTheTemplateOnEveryPage() {
        STAND_IN.ec2().createVersion(TEMPLATE, "#!/bin/bash\n", "image capstan:x " + OLD_DIGEST);
        STAND_IN.ec2().createVersion(TEMPLATE, "#!/bin/bash\n", "image capstan:y " + OLD_DIGEST);
        STAND_IN.ec2().createVersion(TEMPLATE, "#!/bin/bash\n", "image capstan:z " + OLD_DIGEST);
        STAND_IN.ec2().createLaunchTemplate("unrelated", "#!/bin/bash\n");
        for (int i = 0; i < 120; i++) {
            STAND_IN.autoScaling().createGroup(GroupSpec.named(String.format("other-%03d", i)).launchTemplate("unrelated", "1").capacity(1));
        }
        STAND_IN.autoScaling().createGroup(GroupSpec.named("zz-last-page").launchTemplate(TEMPLATE, "2").capacity(1));

        Result result = rollout("prune", "--launch-template", TEMPLATE, "--keep", "1");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("keep version 2: in use by zz-last-page").contains("Deleted 1 version of capstan-web: [3].");
        assertThat(STAND_IN.calls("DescribeAutoScalingGroups").size()).isGreaterThanOrEqualTo(2);
    }
}
