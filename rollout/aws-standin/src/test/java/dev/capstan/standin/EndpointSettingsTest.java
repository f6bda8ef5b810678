package dev.capstan.standin;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients built without endpointOverride find the stand-in through the SDK's standard endpoint setting. */
class EndpointSettingsTest {

    @Test
    void oneEndpointSettingServesAllThreeServices() {
        AwsStandIn standIn = AwsStandIn.shared();
        standIn.reset();
        standIn.ecr().putImage("capstan", "abc1234", SdkClients.digest('e'));
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"));
        System.setProperty("aws.endpointUrl", standIn.endpoint().toString());
        try (AutoScalingClient asg = AutoScalingClient.builder().region(Region.EU_WEST_1).credentialsProvider(credentials).build();
             Ec2Client ec2 = Ec2Client.builder().region(Region.EU_WEST_1).credentialsProvider(credentials).build();
             EcrClient ecr = EcrClient.builder().region(Region.EU_WEST_1).credentialsProvider(credentials).build()) {
            asg.describeAutoScalingGroups();
            ec2.describeLaunchTemplates();
            ecr.describeRepositories();
        } finally {
            System.clearProperty("aws.endpointUrl");
        }
        assertThat(standIn.calls()).extracting(RecordedCall::iamAction).containsExactly(
                "autoscaling:DescribeAutoScalingGroups", "ec2:DescribeLaunchTemplates", "ecr:DescribeRepositories");
    }
}
