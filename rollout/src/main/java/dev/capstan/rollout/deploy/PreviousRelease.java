package dev.capstan.rollout.deploy;

import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.group.GroupSnapshot;
import dev.capstan.rollout.refresh.RefreshFinder;
import dev.capstan.rollout.refresh.RefreshStatus;
import dev.capstan.rollout.refresh.RefreshTarget;
import dev.capstan.rollout.template.ImageDescription;
import dev.capstan.rollout.template.LaunchTemplateReader;
import dev.capstan.rollout.template.TemplateInfo;
import dev.capstan.rollout.template.TemplateVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the image of the release before the current one, read-only: the newest version whose instance refresh ended
 * Successful and that carries another image than the group runs now. A version merely below the current one may be
 * a deploy that failed and was rolled back, which is no release to return to.
 */
public final class PreviousRelease {
    private final LaunchTemplateReader templates;
    private final RefreshFinder refreshes;

    public PreviousRelease(LaunchTemplateReader templates, RefreshFinder refreshes) {
        this.templates = templates;
        this.refreshes = refreshes;
    }

    public record Found(long version, ImageDescription image) {
    }

    public Found find(GroupSnapshot group, TemplateInfo template, OptionalLong requested) {
        Map<Long, TemplateVersion> versions = templates.versions(template.id()).stream()
                .collect(Collectors.toMap(TemplateVersion::number, Function.identity()));
        if (requested.isPresent()) {
            return requestedVersion(template, versions, requested.getAsLong());
        }
        long current = group.resolvedVersion(template.defaultVersion(), template.latestVersion());
        Optional<String> currentDigest = Optional.ofNullable(versions.get(current))
                .flatMap(TemplateVersion::image).map(ImageDescription::digest);
        List<Long> released = refreshes.history(group.name()).stream()
                .filter(r -> RefreshStatus.SUCCESSFUL.equals(r.statusAsString()))
                .flatMap(r -> RefreshTarget.of(r).stream())
                .filter(spec -> template.id().equals(spec.launchTemplateId()) || template.name().equals(spec.launchTemplateName()))
                .map(spec -> GroupSnapshot.resolve(spec.version(), template.defaultVersion(), template.latestVersion()))
                .toList();
        return released.stream()
                .filter(v -> v != current)
                .map(versions::get)
                .filter(v -> v != null && v.image().isPresent())
                .filter(v -> currentDigest.map(d -> !d.equals(v.image().get().digest())).orElse(true))
                .findFirst()
                .map(v -> new Found(v.number(), v.image().get()))
                .orElseThrow(() -> RolloutException.invalid("No earlier version of launch template " + template.name()
                        + " ended a Successful instance refresh on group '" + group.name() + "' with another image in the "
                        + "refresh history AWS reports, so there is no previous release to go back to; pick a version that "
                        + "rollout status lists with --to-version N."));
    }

    private static Found requestedVersion(TemplateInfo template, Map<Long, TemplateVersion> versions, long wanted) {
        TemplateVersion v = versions.get(wanted);
        if (v == null) {
            throw RolloutException.invalid("Launch template " + template.name() + " has no version " + wanted
                    + "; pick one that rollout status lists.");
        }
        return new Found(wanted, v.image().orElseThrow(() -> RolloutException.invalid("Version " + wanted
                + " of launch template " + template.name() + " does not name an image in its description; pick a version deploy created.")));
    }
}
