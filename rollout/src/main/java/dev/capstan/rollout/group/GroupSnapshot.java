package dev.capstan.rollout.group;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.autoscaling.model.MixedInstancesPolicy;

/**
 * An Auto Scaling group at one moment: its launch template (id, name and the version it asks for, which may be
 * {@code $Default} or {@code $Latest}), its size limits, tags and instance maintenance policy, its instances, and its
 * mixed instances policy when the template sits inside one ({@code null} otherwise).
 */
public record GroupSnapshot(String name, String arn, String templateId, String templateName, String templateVersion,
                            int minSize, int desiredCapacity, int maxSize, Map<String, String> tags,
                            Optional<MaintenancePolicy> maintenancePolicy, List<GroupInstance> instances,
                            MixedInstancesPolicy mixedInstancesPolicy) {

    public Optional<MixedInstancesPolicy> mixedInstances() {
        return Optional.ofNullable(mixedInstancesPolicy);
    }

    public Optional<String> tag(String key) {
        return Optional.ofNullable(tags.get(key));
    }

    public List<GroupInstance> inService() {
        return instances.stream().filter(GroupInstance::inService).toList();
    }

    /** The version as the group names it: a number, {@code $Default}, or {@code $Latest}; absent means the default. */
    public String versionAsNamed() {
        return templateVersion == null ? "$Default" : templateVersion;
    }

    public boolean onNumberedVersion() {
        return templateVersion != null && templateVersion.matches("[0-9]+");
    }

    /** The version number the group launches, resolving $Default and $Latest with the template's numbers. */
    public long resolvedVersion(long defaultVersion, long latestVersion) {
        return resolve(templateVersion, defaultVersion, latestVersion);
    }

    /** A version as AWS writes it ("7", "$Default", "$Latest", or absent for the default) as a number. */
    public static long resolve(String spec, long defaultVersion, long latestVersion) {
        if (spec == null || "$Default".equals(spec)) {
            return defaultVersion;
        }
        if ("$Latest".equals(spec)) {
            return latestVersion;
        }
        try {
            return Long.parseLong(spec);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
