package dev.capstan.standin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshStatus;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a refresh can be rolled back: decided by the group's own launch template version, not the desired one. */
class AutoRollbackRulesTest {

    private static final String GROUP = "web";
    private static final String SSM_IMAGE = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";

    @RegisterExtension
    static final RefreshWorld AWS = RefreshWorld.withoutTemplate(GROUP);
    private static final AwsStandIn standIn = AWS.standIn();
    private static final AutoScalingClient asg = AWS.autoScaling();
    private static final Ec2Client ec2 = AWS.ec2();

    /** Version 1 with {@code firstImage}, version 2 from it with {@code secondImage}; the group on version 1. */
    private static void world(String firstImage, String secondImage) {
        standIn.ec2().createLaunchTemplate(TemplateSpec.named("capstan").imageId(firstImage).userData("#!/bin/bash\n"));
        ec2.createLaunchTemplateVersion(r -> r.launchTemplateName("capstan").sourceVersion("1")
                .launchTemplateData(d -> d.imageId(secondImage)));
        standIn.autoScaling().createGroup(GroupSpec.named(GROUP).launchTemplate("capstan", "1").capacity(2));
    }

    @Test
    void autoRollbackIsRefusedWhenTheGroupsVersionNamesItsImageBySsmParameter() {
        world(SSM_IMAGE, "ami-0123456789abcdef0");

        assertThatThrownBy(() -> AWS.start("2", p -> p.autoRollback(true)))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ValidationError"))
                .hasMessageContaining("Systems Manager parameter");
        assertThat(standIn.autoScaling().refreshes(GROUP)).isEmpty();
    }

    @Test
    void anSsmImageInTheDesiredVersionDoesNotStopAutoRollback() {
        world("ami-0123456789abcdef0", SSM_IMAGE);

        String id = AWS.start("2", p -> p.autoRollback(true));

        assertThat(AWS.describe(id).preferences().autoRollback()).isTrue();
        assertThat(asg.rollbackInstanceRefresh(r -> r.autoScalingGroupName(GROUP)).instanceRefreshId()).isEqualTo(id);
        assertThat(AWS.runToEnd(id, Duration.ofSeconds(5), Duration.ofMinutes(10)).status())
                .isEqualTo(InstanceRefreshStatus.ROLLBACK_SUCCESSFUL);
    }

    @Test
    void aManualRollbackIsIrreversibleWhenTheGroupsVersionNamesItsImageBySsmParameter() {
        world(SSM_IMAGE, "ami-0123456789abcdef0");
        String id = AWS.start("2", p -> p.minHealthyPercentage(50));

        assertThatThrownBy(() -> asg.rollbackInstanceRefresh(r -> r.autoScalingGroupName(GROUP)))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("IrreversibleInstanceRefresh"))
                .hasMessageContaining("Systems Manager parameter");
        assertThat(AWS.describe(id).status()).isIn(InstanceRefreshStatus.PENDING, InstanceRefreshStatus.IN_PROGRESS);
    }

    @Test
    void autoRollbackWithoutADesiredConfigurationIsRefusedWithAwsMessage() {
        world("ami-0123456789abcdef0", "ami-0123456789abcdef1");
        assertThatThrownBy(() -> asg.startInstanceRefresh(r -> r.autoScalingGroupName(GROUP).preferences(p -> p.autoRollback(true))))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ValidationError"))
                .hasMessageContaining("The AutoRollback parameter cannot be set to true when the DesiredConfiguration parameter is empty");
    }
}
