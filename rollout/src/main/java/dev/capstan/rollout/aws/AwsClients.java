package dev.capstan.rollout.aws;

import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;

/** The three AWS clients a rollout needs, and the region they talk to (it names the ECR registry host). */
public record AwsClients(AutoScalingClient autoScaling, Ec2Client ec2, EcrClient ecr, String region)
        implements AutoCloseable {

    @Override
    public void close() {
        autoScaling.close();
        ec2.close();
        ecr.close();
    }
}
