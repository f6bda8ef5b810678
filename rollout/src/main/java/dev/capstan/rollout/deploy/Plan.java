package dev.capstan.rollout.deploy;

import dev.capstan.rollout.group.GroupSnapshot;
import dev.capstan.rollout.image.ImageReference;
import dev.capstan.rollout.refresh.HealthyRange;
import dev.capstan.rollout.template.ImageDescription;
import dev.capstan.rollout.template.TemplateInfo;
import dev.capstan.rollout.template.TemplateVersion;
import dev.capstan.userdata.RenderedUserData;
import java.util.Optional;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

/**
 * What preflight found, read-only: the inputs of every later step. {@code source} is the version the group runs (by
 * number), which the new version is made from, so that what the Service stack last put there carries forward.
 */
public record Plan(GroupSnapshot group, TemplateInfo template, TemplateVersion source, ImageReference image,
                   ImageDescription description, RenderedUserData userData, HealthyRange healthyRange,
                   LastGoodState lastGood, Optional<InstanceRefresh> runningRefresh, boolean nothingToDo) {

    public String currentImage() {
        return source.image().map(ImageDescription::image).orElse("unknown image");
    }

    public String newImage() {
        return description.image();
    }
}
