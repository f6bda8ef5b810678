package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.standin.RecordedCall;
import org.junit.jupiter.api.Test;

/** Throttling and 5xx are retried by the SDK; access and unexpected errors end with exit 4 and one sentence. */
class AwsErrorTest extends Scenario {

    @Test
    void retriesThroughThrottlingAndServerErrorsAndStillStartsOneRefresh() {
        STAND_IN.faults()
                .throttle("ecr:DescribeImages", 2)
                .throttle("ec2:CreateLaunchTemplateVersion", 1)
                .serverError("autoscaling:StartInstanceRefresh", 2)
                .throttle("autoscaling:DescribeInstanceRefreshes", 3)
                .serverError("ec2:ModifyLaunchTemplate", 1);

        Result result = deploy();

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(STAND_IN.calls("StartInstanceRefresh")).extracting(RecordedCall::errorCode)
                .containsExactly("InternalFailure", "InternalFailure", null);
        assertThat(STAND_IN.calls("DescribeImages")).filteredOn(RecordedCall::failed).hasSize(2);
        assertThat(STAND_IN.autoScaling().refreshes(GROUP)).hasSize(1);
        assertThat(STAND_IN.ec2().launchTemplate(TEMPLATE).latestVersionNumber()).isEqualTo(2);
    }

    @Test
    void accessDeniedDuringPreflightExitsFourNamingThePermissionAndChangesNothing() {
        STAND_IN.faults().accessDenied("autoscaling:DescribeAutoScalingGroups");

        Result result = deploy();

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err().strip()).isEqualTo("AWS denied autoscaling:DescribeAutoScalingGroups (AccessDenied): allow "
                + "autoscaling:DescribeAutoScalingGroups for the deploy role (see rollout/iam/deploy-role-policy.json).");
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void accessDeniedOnCreatingTheVersionExitsFour() {
        STAND_IN.faults().accessDenied("ec2:CreateLaunchTemplateVersion");

        Result result = deploy();

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("AWS denied ec2:CreateLaunchTemplateVersion (UnauthorizedOperation)");
        assertThat(STAND_IN.calls("StartInstanceRefresh")).isEmpty();
    }

    @Test
    void anUnexpectedAwsErrorExitsFourWithOneSentence() {
        STAND_IN.faults().error("autoscaling:StartInstanceRefresh", "LimitExceeded", 400, 1);

        Result result = deploy();

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err().strip()).startsWith("AWS answered autoscaling:StartInstanceRefresh with LimitExceeded (HTTP 400)")
                .doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void serverErrorsThatOutlastTheRetriesExitFour() {
        STAND_IN.faults().serverError("ecr:DescribeImages", 50);

        Result result = deploy();

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("AWS answered ecr:DescribeImages with ServerException (HTTP 500)");
        assertThat(STAND_IN.calls("DescribeImages")).hasSize(8);
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void aRefreshStartedByRaceAfterPreflightExitsTwoAndLeavesTheGroupAlone() {
        STAND_IN.faults().error("autoscaling:StartInstanceRefresh", "InstanceRefreshInProgress", 400, 1);

        Result result = deploy();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Another instance refresh started on group 'capstan-web' after the preflight check");
        assertThat(STAND_IN.ec2().launchTemplate(TEMPLATE).defaultVersionNumber()).isEqualTo(1);
    }
}
