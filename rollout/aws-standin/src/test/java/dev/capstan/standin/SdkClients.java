package dev.capstan.standin;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Real SDK v2 clients pointed at the stand-in, with static dummy credentials and region eu-west-1. */
final class SdkClients {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test-access-key", "test-secret-key"));

    private SdkClients() {
    }

    static AutoScalingClient autoScaling(AwsStandIn s) {
        return AutoScalingClient.builder().endpointOverride(s.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(CREDENTIALS).build();
    }

    static Ec2Client ec2(AwsStandIn s) {
        return Ec2Client.builder().endpointOverride(s.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(CREDENTIALS).build();
    }

    static EcrClient ecr(AwsStandIn s) {
        return EcrClient.builder().endpointOverride(s.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(CREDENTIALS).build();
    }

    static SsmClient ssm(AwsStandIn s) {
        return SsmClient.builder().endpointOverride(s.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(CREDENTIALS).build();
    }

    /** The AWS error code of a service exception thrown by any SDK client. */
    static String errorCode(Throwable e) {
        return ((AwsServiceException) e).awsErrorDetails().errorCode();
    }

    static String digest(char c) {
        return "sha256:" + String.valueOf(c).repeat(64);
    }
}
