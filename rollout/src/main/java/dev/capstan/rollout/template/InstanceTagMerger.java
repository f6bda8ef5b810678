package dev.capstan.rollout.template;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecification;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Tag specifications given to CreateLaunchTemplateVersion replace the source version's list whole, so the new
 * version gets the source's specifications back with only our instance tag set or replaced.
 */
public final class InstanceTagMerger {
    public static final String IMAGE_TAG_KEY = "capstan:image-tag";

    public List<LaunchTemplateTagSpecificationRequest> merge(List<LaunchTemplateTagSpecification> source, String imageTag) {
        List<LaunchTemplateTagSpecificationRequest> out = new ArrayList<>();
        boolean instanceSeen = false;
        for (LaunchTemplateTagSpecification spec : source) {
            List<Tag> tags = new ArrayList<>(spec.tags());
            if (ResourceType.INSTANCE.toString().equals(spec.resourceTypeAsString())) {
                instanceSeen = true;
                tags.removeIf(t -> IMAGE_TAG_KEY.equals(t.key()));
                tags.add(imageTag(imageTag));
            }
            out.add(LaunchTemplateTagSpecificationRequest.builder()
                    .resourceType(spec.resourceTypeAsString()).tags(tags).build());
        }
        if (!instanceSeen) {
            out.add(LaunchTemplateTagSpecificationRequest.builder()
                    .resourceType(ResourceType.INSTANCE).tags(imageTag(imageTag)).build());
        }
        return out;
    }

    private static Tag imageTag(String value) {
        return Tag.builder().key(IMAGE_TAG_KEY).value(value).build();
    }
}
