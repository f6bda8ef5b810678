package dev.capstan.rollout.template;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecification;

/** One launch template version: what the rollout reads back from it. */
public record TemplateVersion(long number, String description, boolean isDefault, Instant createdAt,
                              String userDataBase64, List<LaunchTemplateTagSpecification> tagSpecifications) {

    public Optional<ImageDescription> image() {
        return ImageDescription.parse(description);
    }
}
