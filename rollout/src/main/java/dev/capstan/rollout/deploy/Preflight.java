package dev.capstan.rollout.deploy;

import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.group.GroupReader;
import dev.capstan.rollout.group.GroupSnapshot;
import dev.capstan.rollout.image.ImageReference;
import dev.capstan.rollout.image.ImageResolver;
import dev.capstan.rollout.image.PlatformCheck;
import dev.capstan.rollout.image.ResolvedImage;
import dev.capstan.rollout.refresh.HealthyRange;
import dev.capstan.rollout.refresh.RefreshFinder;
import dev.capstan.rollout.template.ImageDescription;
import dev.capstan.rollout.template.LaunchTemplateReader;
import dev.capstan.rollout.template.MachineImages;
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
    private final MachineImages machineImages;
    private final ImageResolver images;
    private final PlatformCheck platforms;
    private final UserDataRenderer renderer;
    private final RefreshFinder refreshes;
    private final LastGoodCheck lastGood;

    public Preflight(GroupReader groups, LaunchTemplateReader templates, MachineImages machineImages,
                     ImageResolver images, PlatformCheck platforms, UserDataRenderer renderer, RefreshFinder refreshes,
                     LastGoodCheck lastGood) {
        this.groups = groups;
        this.templates = templates;
        this.machineImages = machineImages;
        this.images = images;
        this.platforms = platforms;
        this.renderer = renderer;
        this.refreshes = refreshes;
        this.lastGood = lastGood;
    }

    public Plan run(DeployRequest request) {
        request.settings().validated();
        GroupSnapshot group = groups.read(request.group());
        GroupRules.requireNotLatest(group);
        TemplateInfo template = templateOf(group, request.launchTemplate());
        TemplateVersion source = templates.version(template.id(),
                group.resolvedVersion(template.defaultVersion(), template.latestVersion()));
        GroupRules.requireRollbackPossible(group, source, request);
        GroupRules.requireMetadataLockedToHost(template.name(), source);
        HealthyRange range = request.settings().healthyRange(group.maintenancePolicy());
        GroupRules.requireNothingStalls(group, request.settings());

        ImageReference image = resolveImage(request, source);
        ImageDescription description = describe(image);
        RenderedUserData userData = renderer.render(request.template(), new UserDataValues(image.ref(), image.tag(),
                image.digest(), group.name(), request.logDriver(), logGroup(request, group)));
        LastGoodState lastGoodState = lastGood.check(lastGoodParameter(request, group), group, template, source);
        Optional<InstanceRefresh> running = refreshes.active(group.name());
        return new Plan(group, template, source, image, description, userData, range, lastGoodState, running,
                nothingToDo(group, template, source, image));
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

    private ImageReference resolveImage(DeployRequest request, TemplateVersion source) {
        ResolvedImage resolved = images.resolve(request.repository(), request.tag(), request.registry());
        ImageReference image = resolved.reference();
        request.expectedDigest().filter(d -> !d.equals(image.digest())).ifPresent(d -> {
            throw RolloutException.invalid("The tag '" + request.tag() + "' now resolves to " + image.digest()
                    + ", not to " + d + " as the earlier release recorded; deploy that image by a tag that still points to it.");
        });
        // An AMI read from an SSM parameter at launch has no architecture to read now; such a group is refused
        // above unless auto rollback is off, and then the index is not checked.
        if (resolved.isIndex() && source.imageId() != null && source.imageParameter().isEmpty()) {
            platforms.require(resolved, machineImages.architecture(source.imageId()));
        }
        return image;
    }

    private static ImageDescription describe(ImageReference image) {
        ImageDescription description = new ImageDescription(image.repository(), image.tag(), image.digest());
        if (description.text().length() > ImageDescription.MAX_LENGTH) {
            throw RolloutException.invalid("The version description '" + description.text() + "' is "
                    + description.text().length() + " characters, over AWS's limit of " + ImageDescription.MAX_LENGTH
                    + "; use a shorter repository name or tag.");
        }
        return description;
    }

    private static String logGroup(DeployRequest request, GroupSnapshot group) {
        return request.logGroup().or(() -> group.tag(ReleaseTags.LOG_GROUP)).orElse(UserDataValues.DEFAULT_LOG_GROUP);
    }

    private static String lastGoodParameter(DeployRequest request, GroupSnapshot group) {
        return request.lastGoodParameter().or(() -> group.tag(ReleaseTags.LAST_GOOD_PARAMETER)).orElseThrow(() ->
                RolloutException.invalid("The group '" + group.name() + "' has no tag " + ReleaseTags.LAST_GOOD_PARAMETER
                        + " naming its last-good image parameter; pass --last-good-parameter NAME (the Service stack "
                        + "tags its group)."));
    }

    /** The version the group runs carries this digest, and every InService instance runs that version. */
    private static boolean nothingToDo(GroupSnapshot group, TemplateInfo template, TemplateVersion source,
                                       ImageReference image) {
        boolean sourceCarriesImage = source.image().map(ImageDescription::digest).filter(image.digest()::equals).isPresent();
        boolean fleetOnSource = group.inService().stream()
                .allMatch(i -> template.id().equals(i.templateId())
                        && GroupSnapshot.resolve(i.templateVersion(), template.defaultVersion(), template.latestVersion())
                        == source.number());
        return sourceCarriesImage && fleetOnSource;
    }
}
