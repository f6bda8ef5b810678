package dev.capstan.rollout.deploy;

import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.group.GroupReader;
import dev.capstan.rollout.group.GroupSnapshot;
import dev.capstan.rollout.image.ImageReference;
import dev.capstan.rollout.image.ImageResolver;
import dev.capstan.rollout.refresh.RefreshFinder;
import dev.capstan.rollout.template.ImageDescription;
import dev.capstan.rollout.template.LaunchTemplateReader;
import dev.capstan.rollout.template.TemplateInfo;
import dev.capstan.rollout.template.TemplateVersion;
import dev.capstan.userdata.RenderedUserData;
import dev.capstan.userdata.UserDataRenderer;
import dev.capstan.userdata.UserDataValues;
import java.util.Optional;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

/**
 * Step 1 of a deploy: every check, read-only. Nothing here calls a mutating AWS action, so any failure (exit 2)
 * leaves the account exactly as it was.
 */
public final class Preflight {
    private final GroupReader groups;
    private final LaunchTemplateReader templates;
    private final ImageResolver images;
    private final UserDataRenderer renderer;
    private final RefreshFinder refreshes;

    public Preflight(GroupReader groups, LaunchTemplateReader templates, ImageResolver images,
                     UserDataRenderer renderer, RefreshFinder refreshes) {
        this.groups = groups;
        this.templates = templates;
        this.images = images;
        this.renderer = renderer;
        this.refreshes = refreshes;
    }

    public Plan run(DeployRequest request) {
        request.settings().validated();
        GroupSnapshot group = groups.read(request.group());
        TemplateInfo template = templateOf(group, request.launchTemplate());
        requireRollbackPossible(group, request);
        TemplateVersion defaultVersion = templates.version(template.id(), template.defaultVersion());
        ImageReference image = images.resolve(request.repository(), request.tag(), request.registry());
        request.expectedDigest().filter(d -> !d.equals(image.digest())).ifPresent(d -> {
            throw RolloutException.invalid("The tag '" + request.tag() + "' now resolves to " + image.digest()
                    + ", not to " + d + " as the earlier release recorded; deploy that image by a tag that still points to it.");
        });
        RenderedUserData userData = renderer.render(request.template(), new UserDataValues(image.ref(), image.tag(),
                image.digest(), group.name(), request.logDriver(), request.logGroup()));
        Optional<InstanceRefresh> running = refreshes.active(group.name());
        long groupVersion = group.resolvedVersion(template.defaultVersion(), template.latestVersion());
        return new Plan(group, template, defaultVersion, groupVersion, image, userData, running,
                nothingToDo(group, template, defaultVersion, groupVersion, image));
    }

    private TemplateInfo templateOf(GroupSnapshot group, Optional<String> requested) {
        TemplateInfo template = templates.describe(group.templateId(), group.templateName());
        requested.ifPresent(name -> {
            if (!name.equals(template.name()) && !name.equals(template.id())) {
                throw RolloutException.invalid("The group '" + group.name() + "' launches from template '"
                        + template.name() + "' (" + template.id() + "), not '" + name
                        + "'; drop --launch-template or name the group's template.");
            }
        });
        return template;
    }

    // AWS can only roll back to a numbered version; with $Default or $Latest the safety net would be missing.
    private static void requireRollbackPossible(GroupSnapshot group, DeployRequest request) {
        boolean symbolic = group.templateVersion() == null || group.templateVersion().startsWith("$");
        if (!symbolic) {
            return;
        }
        String version = group.templateVersion() == null ? "$Default" : group.templateVersion();
        if (request.settings().autoRollback()) {
            throw RolloutException.invalid("The group '" + group.name() + "' launches the template's " + version
                    + " version, and AWS cannot roll back to that; pin the group to a numbered version or pass --no-auto-rollback.");
        }
        if (request.onTimeout() == OnTimeout.rollback) {
            throw RolloutException.invalid("The group '" + group.name() + "' launches the template's " + version
                    + " version, and AWS cannot roll back to that; pin the group to a numbered version or pass --on-timeout cancel.");
        }
    }

    private static boolean nothingToDo(GroupSnapshot group, TemplateInfo template, TemplateVersion defaultVersion,
                                       long groupVersion, ImageReference image) {
        boolean defaultCarriesImage = defaultVersion.image().map(ImageDescription::digest)
                .filter(image.digest()::equals).isPresent();
        boolean fleetOnDefault = groupVersion == template.defaultVersion() && group.inService().stream()
                .allMatch(i -> template.id().equals(i.templateId())
                        && GroupSnapshot.resolve(i.templateVersion(), template.defaultVersion(), template.latestVersion())
                        == template.defaultVersion());
        return defaultCarriesImage && fleetOnDefault;
    }
}
