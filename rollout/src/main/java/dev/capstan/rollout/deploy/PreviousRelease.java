package dev.capstan.rollout.deploy;

import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.template.ImageDescription;
import dev.capstan.rollout.template.LaunchTemplateReader;
import dev.capstan.rollout.template.TemplateInfo;
import dev.capstan.rollout.template.TemplateVersion;
import java.util.List;
import java.util.OptionalLong;

/**
 * Finds the image of the release before the current one: the newest version below the default that names an image
 * in its description (or the version asked for), read-only.
 */
public final class PreviousRelease {
    private final LaunchTemplateReader templates;

    public PreviousRelease(LaunchTemplateReader templates) {
        this.templates = templates;
    }

    public record Found(long version, ImageDescription image) {
    }

    public Found find(TemplateInfo template, OptionalLong requested) {
        List<TemplateVersion> versions = templates.versions(template.id());
        if (requested.isPresent()) {
            long wanted = requested.getAsLong();
            TemplateVersion v = versions.stream().filter(x -> x.number() == wanted).findFirst().orElseThrow(() ->
                    RolloutException.invalid("Launch template " + template.name() + " has no version " + wanted
                            + "; pick one that rollout status lists."));
            return new Found(wanted, v.image().orElseThrow(() -> RolloutException.invalid("Version " + wanted
                    + " of launch template " + template.name() + " does not name an image in its description; pick a version deploy created.")));
        }
        return versions.stream()
                .filter(v -> v.number() < template.defaultVersion() && v.image().isPresent())
                .findFirst()
                .map(v -> new Found(v.number(), v.image().get()))
                .orElseThrow(() -> RolloutException.invalid("Launch template " + template.name()
                        + " has no version before the default (" + template.defaultVersion()
                        + ") that names an image, so there is no previous release to go back to."));
    }
}
