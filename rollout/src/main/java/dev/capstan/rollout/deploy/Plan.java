package dev.capstan.rollout.deploy;

import dev.capstan.rollout.group.GroupSnapshot;
import dev.capstan.rollout.image.ImageReference;
import dev.capstan.rollout.template.TemplateInfo;
import dev.capstan.rollout.template.TemplateVersion;
import dev.capstan.userdata.RenderedUserData;
import java.util.Optional;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

/** What preflight found, read-only: the inputs of every later step. */
public record Plan(GroupSnapshot group, TemplateInfo template, TemplateVersion defaultVersion, long groupVersion,
                   ImageReference image, RenderedUserData userData, Optional<InstanceRefresh> runningRefresh,
                   boolean nothingToDo) {

    public String currentImage() {
        return defaultVersion.image().map(i -> i.repository() + ":" + i.tag() + " " + i.digest()).orElse("unknown image");
    }

    public String newImage() {
        return image.repository() + ":" + image.tag() + " " + image.digest();
    }
}
