package dev.capstan.standin;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultsAndRetriesTest {

    @RegisterExtension
    static final FreshStandIn AWS = new FreshStandIn();
    private static final AwsStandIn standIn = AWS.standIn();
    private static final AutoScalingClient asg = AWS.autoScaling();
    private static final Ec2Client ec2 = AWS.ec2();
    private static final EcrClient ecr = AWS.ecr();

    @BeforeEach
    void world() {
        standIn.ecr().putImage("capstan", "abc1234", SdkClients.digest('a'));
        standIn.ec2().createLaunchTemplate("capstan", "#!/bin/bash\n");
        standIn.autoScaling().createGroup(GroupSpec.named("web").launchTemplate("capstan", "1").capacity(2));
    }

    private static AwsServiceException serviceError(Throwable e) {
        return (AwsServiceException) e;
    }

    @Test
    void theSdkRetriesThrottlingOfEveryServiceUntilItSucceeds() {
        standIn.faults().throttle("DescribeAutoScalingGroups", 2).throttle("DescribeLaunchTemplates", 2)
                .throttle("ecr:DescribeImages", 2);

        assertThat(asg.describeAutoScalingGroups().autoScalingGroups()).hasSize(1);
        assertThat(ec2.describeLaunchTemplates().launchTemplates()).hasSize(1);
        assertThat(ecr.describeImages(r -> r.repositoryName("capstan")).imageDetails()).hasSize(1);

        assertThat(standIn.calls("DescribeAutoScalingGroups")).extracting(RecordedCall::errorCode)
                .containsExactly("Throttling", "Throttling", null);
        assertThat(standIn.calls("DescribeLaunchTemplates")).extracting(RecordedCall::errorCode)
                .containsExactly("RequestLimitExceeded", "RequestLimitExceeded", null);
        assertThat(standIn.calls("DescribeImages")).extracting(RecordedCall::errorCode)
                .containsExactly("ThrottlingException", "ThrottlingException", null);
    }

    @Test
    void theSdkRetriesServerErrors() {
        standIn.faults().serverError("StartInstanceRefresh", 1).serverError("DescribeLaunchTemplates", 1)
                .serverError("GetAuthorizationToken", 1);

        assertThat(asg.startInstanceRefresh(r -> r.autoScalingGroupName("web")).instanceRefreshId()).isNotBlank();
        ec2.describeLaunchTemplates();
        ecr.getAuthorizationToken();

        assertThat(standIn.calls()).extracting(c -> c.action() + " " + c.errorCode()).containsExactly(
                "StartInstanceRefresh InternalFailure", "StartInstanceRefresh null",
                "DescribeLaunchTemplates InternalError", "DescribeLaunchTemplates null",
                "GetAuthorizationToken ServerException", "GetAuthorizationToken null");
    }

    @Test
    void aLostAnswerTakesEffectAndTheStandardRetryMeetsItsOwnRefresh() {
        standIn.faults().loseAnswer("StartInstanceRefresh", 1);
        try (AutoScalingClient standard = AutoScalingClient.builder().endpointOverride(standIn.endpoint())
                .region(Region.EU_WEST_1).credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy())).build()) {

            assertThatThrownBy(() -> standard.startInstanceRefresh(r -> r.autoScalingGroupName("web")))
                    .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("InstanceRefreshInProgress"));
        }

        assertThat(standIn.calls("StartInstanceRefresh")).extracting(RecordedCall::errorCode)
                .containsExactly(null, "InstanceRefreshInProgress");
        assertThat(standIn.autoScaling().refreshes("web")).singleElement()
                .satisfies(r -> assertThat(r.active()).isTrue());
    }

    @Test
    void aLostAnswerIsEachProtocolsUsual500AfterTheCallTookEffect() {
        standIn.faults().loseAnswer("CreateLaunchTemplateVersion", 1).loseAnswer("ecr:DescribeRepositories", 1)
                .loseAnswer("StartInstanceRefresh", 1);
        try (Ec2Client once = Ec2Client.builder().endpointOverride(standIn.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build();
             EcrClient ecrOnce = EcrClient.builder().endpointOverride(standIn.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build();
             AutoScalingClient asgOnce = AutoScalingClient.builder().endpointOverride(standIn.endpoint())
                .region(Region.EU_WEST_1).credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build()) {

            assertThatThrownBy(() -> once.createLaunchTemplateVersion(r -> r.launchTemplateName("capstan")
                    .launchTemplateData(d -> d.imageId("ami-2"))))
                    .satisfies(e -> {
                        assertThat(serviceError(e).awsErrorDetails().errorCode()).isEqualTo("InternalError");
                        assertThat(serviceError(e).statusCode()).isEqualTo(500);
                    });
            assertThatThrownBy(ecrOnce::describeRepositories)
                    .satisfies(e -> assertThat(serviceError(e).awsErrorDetails().errorCode()).isEqualTo("ServerException"));
            assertThatThrownBy(() -> asgOnce.startInstanceRefresh(r -> r.autoScalingGroupName("web")))
                    .satisfies(e -> assertThat(serviceError(e).awsErrorDetails().errorCode()).isEqualTo("InternalFailure"));
        }

        assertThat(standIn.ec2().launchTemplate("capstan").versions()).hasSize(2);
        assertThat(standIn.autoScaling().refreshes("web")).hasSize(1);
        assertThat(standIn.calls()).allSatisfy(c -> assertThat(c.failed()).isFalse());
    }

    @Test
    void persistentThrottlingSurfacesAsTheThrottlingErrorAfterTheSdksAttempts() {
        standIn.faults().throttle("DescribeInstanceRefreshes", 50);
        assertThatThrownBy(() -> asg.describeInstanceRefreshes(r -> r.autoScalingGroupName("web")))
                .satisfies(e -> {
                    assertThat(serviceError(e).awsErrorDetails().errorCode()).isEqualTo("Throttling");
                    assertThat(serviceError(e).statusCode()).isEqualTo(400);
                    assertThat(serviceError(e).isThrottlingException()).isTrue();
                });
        assertThat(standIn.calls("DescribeInstanceRefreshes").size()).isGreaterThan(1);
    }

    @Test
    void accessDeniedIsNotRetriedAndCarriesEachServicesCode() {
        standIn.faults().accessDenied("autoscaling:*").accessDenied("ec2:CreateLaunchTemplateVersion")
                .accessDenied("GetAuthorizationToken");

        assertThatThrownBy(() -> asg.startInstanceRefresh(r -> r.autoScalingGroupName("web")))
                .satisfies(e -> {
                    assertThat(serviceError(e).awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(serviceError(e).statusCode()).isEqualTo(403);
                })
                .hasMessageContaining("autoscaling:StartInstanceRefresh");
        assertThatThrownBy(() -> ec2.createLaunchTemplateVersion(r -> r.launchTemplateName("capstan")
                .launchTemplateData(d -> d.imageId("ami-1"))))
                .satisfies(e -> {
                    assertThat(serviceError(e).awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
                    assertThat(serviceError(e).statusCode()).isEqualTo(403);
                });
        assertThatThrownBy(() -> ecr.getAuthorizationToken())
                .satisfies(e -> {
                    assertThat(serviceError(e).awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(serviceError(e).statusCode()).isEqualTo(400);
                });
        assertThat(standIn.calls()).hasSize(3);
        assertThatThrownBy(() -> asg.describeAutoScalingGroups()).isInstanceOf(AwsServiceException.class);
        assertThat(standIn.autoScaling().refreshes("web")).isEmpty();
        assertThat(standIn.ec2().launchTemplate("capstan").versions()).hasSize(1);
    }

    @Test
    void aCustomErrorAnswersTheGivenCodeAndStatusForTheGivenCalls() {
        standIn.faults().error("StartInstanceRefresh", "LimitExceeded", 400, 1);
        assertThatThrownBy(() -> asg.startInstanceRefresh(r -> r.autoScalingGroupName("web")))
                .satisfies(e -> assertThat(serviceError(e).awsErrorDetails().errorCode()).isEqualTo("LimitExceeded"));
        assertThat(asg.startInstanceRefresh(r -> r.autoScalingGroupName("web")).instanceRefreshId()).isNotBlank();
    }

    @Test
    void resetClearsFaultsAndCallsButNotTheActionsEverCalled() {
        standIn.faults().accessDenied("*");
        assertThatThrownBy(() -> ecr.describeRepositories()).isInstanceOf(AwsServiceException.class);
        assertThatThrownBy(() -> asg.describeAutoScalingGroups()).isInstanceOf(AwsServiceException.class);
        assertThat(standIn.anyMutatingCall()).isFalse();

        standIn.reset();

        assertThat(standIn.calls()).isEmpty();
        assertThat(standIn.actionsEverCalled()).contains("ecr:DescribeRepositories", "autoscaling:DescribeAutoScalingGroups");
        standIn.ec2().createLaunchTemplate("capstan", "#!/bin/bash\n");
        ec2.createLaunchTemplateVersion(r -> r.launchTemplateName("capstan").launchTemplateData(d -> d.imageId("ami-2")));
        assertThat(standIn.anyMutatingCall()).isTrue();
        assertThat(standIn.mutatingCalls()).extracting(RecordedCall::iamAction)
                .containsExactly("ec2:CreateLaunchTemplateVersion");
        assertThat(standIn.actionsEverCalled()).contains("ec2:CreateLaunchTemplateVersion");
    }

    @Test
    void queryParametersAreRecordedAsSent() {
        asg.startInstanceRefresh(r -> r.autoScalingGroupName("web")
                .desiredConfiguration(d -> d.launchTemplate(t -> t.launchTemplateName("capstan").version("1")))
                .preferences(p -> p.checkpointPercentages(50, 100)));
        ec2.createLaunchTemplateVersion(r -> r.launchTemplateName("capstan").sourceVersion("1")
                .launchTemplateData(d -> d.tagSpecifications(t -> t.resourceType("instance").tags(x -> x.key("K").value("V")))));
        ec2.modifyLaunchTemplate(r -> r.launchTemplateName("capstan").defaultVersion("2"));

        assertThat(standIn.calls("StartInstanceRefresh").get(0).params())
                .containsEntry("AutoScalingGroupName", "web")
                .containsEntry("DesiredConfiguration.LaunchTemplate.Version", "1")
                .containsEntry("Preferences.CheckpointPercentages.member.2", "100")
                .doesNotContainKeys("Action", "Version");
        assertThat(standIn.calls("CreateLaunchTemplateVersion").get(0).params())
                .containsEntry("LaunchTemplateData.TagSpecification.1.Tag.1.Key", "K")
                .containsEntry("SourceVersion", "1");
        assertThat(standIn.calls("ModifyLaunchTemplate").get(0).params()).containsEntry("SetDefaultVersion", "2");
    }
}
