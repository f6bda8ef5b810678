package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.standin.GroupSpec;
import dev.capstan.standin.LaunchTemplateVersionView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateVersionsRequest;

class PruneTest extends Scenario {

    @BeforeEach
    void twelveVersionsWithTheDefaultInTheMiddleAndAnotherGroupOnAnOldOne() {
        for (int i = 2; i <= 12; i++) {
            STAND_IN.ec2().createVersion(TEMPLATE, "#!/bin/bash\n", "image capstan:v" + i + " sha256:" + "0".repeat(62) + String.format("%02d", i));
        }
        STAND_IN.ec2().setDefaultVersion(TEMPLATE, 9);
        STAND_IN.autoScaling().createGroup(GroupSpec.named("capstan-canary").launchTemplate(TEMPLATE, "4").capacity(1));
    }

    private java.util.List<Long> remaining() {
        return STAND_IN.ec2().launchTemplate(TEMPLATE).versions().stream().map(LaunchTemplateVersionView::versionNumber).sorted().toList();
    }

    @Test
    void keepsTheNewestTheDefaultAndEveryVersionAGroupUses() {
        Result result = rollout("prune", "--launch-template", TEMPLATE, "--keep", "2");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(remaining()).containsExactly(1L, 4L, 9L, 11L, 12L);
        assertThat(result.out()).contains("keep version 9: it is the default version")
                .contains("keep version 4: in use by capstan-canary")
                .contains("keep version 1: in use by capstan-web")
                .contains("Deleted 7 versions of capstan-web: [2, 3, 5, 6, 7, 8, 10].");
    }

    @Test
    void dryRunDeletesNothing() {
        Result result = rollout("prune", "--launch-template", TEMPLATE, "--keep", "2", "--dry-run");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Would delete 7 versions of capstan-web: [2, 3, 5, 6, 7, 8, 10] (dry run).");
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void reportsVersionsItCouldNotDeleteAndExitsOne() {
        // Someone makes version 5 the default between our read and our delete: AWS refuses that one version only.
        interceptors.add(new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof DeleteLaunchTemplateVersionsRequest) {
                    STAND_IN.ec2().setDefaultVersion(TEMPLATE, 5);
                }
            }
        });

        Result result = rollout("prune", "--launch-template", TEMPLATE, "--keep", "2");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("Deleted 6 versions of capstan-web: [2, 3, 6, 7, 8, 10].");
        assertThat(result.err()).contains("Could not delete 1 of 7 versions of capstan-web: version 5 (unexpectedError: "
                + "Cannot delete the default version");
        assertThat(remaining()).contains(5L);
    }

    @Test
    void refusesToKeepNothing() {
        Result result = rollout("prune", "--launch-template", TEMPLATE, "--keep", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void aMissingTemplateExitsTwo() {
        Result result = rollout("prune", "--launch-template", "nope", "--keep", "3");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("The launch template 'nope' does not exist");
    }
}
