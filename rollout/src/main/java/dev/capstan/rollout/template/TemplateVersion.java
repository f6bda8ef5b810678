package dev.capstan.rollout.template;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecification;

/**
 * One launch template version: what the rollout reads back from it. {@code metadataLockedToHost} says whether it
 * requires IMDSv2 tokens with a hop limit of 1, so that containers on the instance cannot reach instance metadata.
 */
public record TemplateVersion(long number, String description, boolean isDefault, Instant createdAt,
                              String userDataBase64, List<LaunchTemplateTagSpecification> tagSpecifications,
                              boolean metadataLockedToHost) {

    public Optional<ImageDescription> image() {
        return ImageDescription.parse(description);
    }
}
