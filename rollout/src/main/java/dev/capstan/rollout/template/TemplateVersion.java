package dev.capstan.rollout.template;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecification;

/**
 * One launch template version: what the rollout reads back from it. {@code httpTokens} and {@code hopLimit} are its
 * instance metadata options (null when absent); {@code imageId} may be an AMI id or an SSM parameter reference.
 */
public record TemplateVersion(long number, String description, boolean isDefault, Instant createdAt,
                              String userDataBase64, List<LaunchTemplateTagSpecification> tagSpecifications,
                              String imageId, String httpTokens, Integer hopLimit,
                              List<LaunchTemplateBlockDeviceMapping> blockDeviceMappings) {
    private static final String SSM_IMAGE_PREFIX = "resolve:ssm:";

    public Optional<ImageDescription> image() {
        return ImageDescription.parse(description);
    }

    /**
     * Whether instances must use IMDSv2 tokens and the token cannot cross a second network hop: a container on a
     * bridge network is one hop further away than the host, so it cannot reach instance metadata (the instance role).
     */
    public boolean metadataLockedToHost() {
        return "required".equals(httpTokens) && Integer.valueOf(1).equals(hopLimit);
    }

    /** The SSM parameter the AMI is read from at launch, when {@code ImageId} is {@code resolve:ssm:<parameter>}. */
    public Optional<String> imageParameter() {
        return imageId != null && imageId.startsWith(SSM_IMAGE_PREFIX)
                ? Optional.of(imageId.substring(SSM_IMAGE_PREFIX.length())) : Optional.empty();
    }

    public boolean hasSnapshots() {
        return blockDeviceMappings.stream().anyMatch(m -> m.ebs() != null && m.ebs().snapshotId() != null);
    }
}
