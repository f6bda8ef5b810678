package dev.capstan.rollout.prune;

import dev.capstan.rollout.group.GroupInstance;
import dev.capstan.rollout.group.GroupReader;
import dev.capstan.rollout.group.GroupSnapshot;
import dev.capstan.rollout.refresh.RefreshFinder;
import dev.capstan.rollout.refresh.RefreshTarget;
import dev.capstan.rollout.template.TemplateInfo;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds which versions of a template are in use: named by a group, running on an instance, or the target of an
 * active refresh. Auto Scaling has no "groups by template" filter, so every group in the region is read.
 */
public final class TemplateUsage {
    private final GroupReader groups;
    private final RefreshFinder refreshes;

    public TemplateUsage(GroupReader groups, RefreshFinder refreshes) {
        this.groups = groups;
        this.refreshes = refreshes;
    }

    /** Version number to the groups that use it. */
    public Map<Long, TreeSet<String>> versionsInUse(TemplateInfo template) {
        Map<Long, TreeSet<String>> used = new TreeMap<>();
        for (GroupSnapshot group : groups.all()) {
            if (!template.id().equals(group.templateId()) && !template.name().equals(group.templateName())) {
                continue;
            }
            mark(used, group.resolvedVersion(template.defaultVersion(), template.latestVersion()), group.name());
            for (GroupInstance instance : group.instances()) {
                if (instance.templateId() == null || template.id().equals(instance.templateId())) {
                    mark(used, GroupSnapshot.resolve(instance.templateVersion(), template.defaultVersion(),
                            template.latestVersion()), group.name());
                }
            }
            refreshes.active(group.name()).flatMap(RefreshTarget::of).ifPresent(spec -> mark(used,
                    GroupSnapshot.resolve(spec.version(), template.defaultVersion(), template.latestVersion()), group.name()));
        }
        return used;
    }

    private static void mark(Map<Long, TreeSet<String>> used, long version, String group) {
        if (version > 0) {
            used.computeIfAbsent(version, v -> new TreeSet<>()).add(group);
        }
    }
}
