package dev.capstan.standin.state;

import dev.capstan.standin.GroupView;
import dev.capstan.standin.ImageView;
import dev.capstan.standin.InstanceView;
import dev.capstan.standin.LaunchTemplateVersionView;
import dev.capstan.standin.LaunchTemplateView;
import dev.capstan.standin.LifecycleHookView;
import dev.capstan.standin.RefreshView;
import dev.capstan.standin.RepositoryView;
import dev.capstan.standin.RollbackDetailsView;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns mutable state into immutable snapshots for the Java API. */
public final class Views {

    private Views() {
    }

    public static GroupView group(Group g, Instant now) {
        List<InstanceView> instances = g.instances.stream().map(i -> instance(i, now)).toList();
        List<LifecycleHookView> hooks = g.hooks.stream().map(h -> new LifecycleHookView(h.name(), h.transition(),
                (int) h.heartbeatTimeout().toSeconds(), h.defaultResult())).toList();
        Map<String, String> tags = new LinkedHashMap<>();
        g.tags.values().forEach(t -> tags.put(t.key(), t.value()));
        return new GroupView(g.name, g.arn, g.launchTemplate, g.mixedPolicy != null, g.minSize, g.desiredCapacity,
                g.maxSize, List.copyOf(g.availabilityZones), instances, hooks, Collections.unmodifiableMap(tags),
                g.maintenancePolicy, g.mixedPolicy, g.targetGroup != null ? "ELB" : "EC2",
                g.targetGroup != null ? g.targetGroup.arn : null, List.copyOf(g.suspendedProcesses.keySet()));
    }

    public static InstanceView instance(Instance i, Instant now) {
        return new InstanceView(i.id, i.availabilityZone, i.lifecycleState, i.healthStatus, i.launchTemplate,
                i.protectedFromScaleIn, i.instanceType, targetHealth(i, now));
    }

    /** The target's state as ELB names it (botocore/data/elbv2/2015-12-01/service-2.json, shape TargetHealthStateEnum). */
    private static String targetHealth(Instance i, Instant now) {
        if (i.registeredAt == null) {
            return null;
        }
        if (!i.live()) {
            return now.isBefore(i.goneAt.minus(SimTimings.TERMINATE)) ? "draining" : null;
        }
        if (i.healthyInTargetGroup(now)) {
            return "healthy";
        }
        return i.healthStatus.equals("Unhealthy") ? "unhealthy" : "initial";
    }

    public static RefreshView refresh(Refresh r) {
        RollbackDetailsView rollback = r.rollbackStartTime == null ? null : new RollbackDetailsView(r.rollbackReason,
                r.rollbackStartTime, r.percentageOnRollback, r.instancesToUpdateOnRollback);
        return new RefreshView(r.id, r.groupName, r.status, r.statusReason, r.startTime, r.endTime, r.percentage,
                r.instancesToUpdate, r.preferences, r.desired, rollback, r.strategy);
    }

    public static LaunchTemplateView template(LaunchTemplates.Template t) {
        List<LaunchTemplateVersionView> versions = t.versions.values().stream().map(v -> version(t, v)).toList();
        return new LaunchTemplateView(t.id, t.name, t.defaultVersion, t.latestVersion, t.createTime, versions);
    }

    public static LaunchTemplateVersionView version(LaunchTemplates.Template t, LaunchTemplates.Version v) {
        return new LaunchTemplateVersionView(t.id, t.name, v.number, v.description, v.number == t.defaultVersion,
                v.createTime, DataTrees.deepCopy(v.data));
    }

    public static RepositoryView repository(EcrState ecr, EcrState.Repository repo) {
        return new RepositoryView(EcrState.REGISTRY_ID, repo.name, repo.arn(), ecr.registryHost + "/" + repo.name,
                repo.createdAt, repo.images.stream().map(i -> image(repo, i)).toList());
    }

    public static ImageView image(EcrState.Repository repo, EcrState.Image i) {
        return new ImageView(EcrState.REGISTRY_ID, repo.name, i.digest, List.copyOf(i.tags), i.pushedAt, i.sizeInBytes,
                i.status, i.manifestMediaType, i.platforms.stream().map(EcrState.Platform::toString).toList());
    }
}
