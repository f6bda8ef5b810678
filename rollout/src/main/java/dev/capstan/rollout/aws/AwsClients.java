package dev.capstan.rollout.aws;

import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The AWS clients a rollout needs, and the region they talk to. */
public record AwsClients(AutoScalingClient autoScaling, Ec2Client ec2, EcrClient ecr, SsmClient ssm, String region)
        implements AutoCloseable {

    @Override
    public void close() {
        autoScaling.close();
        ec2.close();
        ecr.close();
        ssm.close();
    }
}
