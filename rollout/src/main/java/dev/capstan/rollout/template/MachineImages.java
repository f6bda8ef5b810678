package dev.capstan.rollout.template;

import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.aws.AwsCall;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Reads what the launch template's AMI is built for (EC2 DescribeImages, read-only). */
public final class MachineImages {
    private final Ec2Client ec2;

    public MachineImages(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /** The AMI's architecture as EC2 names it: x86_64, arm64, ... */
    public String architecture(String imageId) {
        return AwsCall.run("ec2:DescribeImages", () -> ec2.describeImages(r -> r.imageIds(imageId)).images().stream()
                .findFirst().map(i -> i.architectureAsString())
                .orElseThrow(() -> RolloutException.invalid("The AMI " + imageId + " of the launch template does not "
                        + "exist or is not visible to this account; fix the launch template's ImageId.")));
    }
}
