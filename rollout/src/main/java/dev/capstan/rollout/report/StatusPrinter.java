package dev.capstan.rollout.report;

import dev.capstan.rollout.group.GroupSnapshot;
import dev.capstan.rollout.refresh.RefreshStatus;
import dev.capstan.rollout.refresh.RefreshTarget;
import dev.capstan.rollout.template.TemplateInfo;
import dev.capstan.rollout.template.TemplateVersion;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

/** Prints a group's state: its template's versions and images, its instances per version, its refreshes. */
public final class StatusPrinter {
    private final PrintWriter out;

    public StatusPrinter(PrintWriter out) {
        this.out = out;
    }

    public void print(GroupSnapshot group, TemplateInfo template, List<TemplateVersion> versions,
                      List<InstanceRefresh> refreshes) {
        out.println("Group " + group.name() + ": " + group.inService().size() + " InService of " + group.desiredCapacity()
                + " desired, launches " + template.name() + " (" + template.id() + ") version "
                + (group.templateVersion() == null ? "$Default" : group.templateVersion()) + ".");
        // By state too: right after a refresh the old instances are still draining or terminating.
        Map<String, Long> perVersion = group.instances().stream().collect(Collectors.groupingBy(
                i -> "version " + i.templateVersion() + ": %d " + i.lifecycleState(), TreeMap::new, Collectors.counting()));
        out.println("Instances per launch template version: " + (perVersion.isEmpty() ? "none" : perVersion.entrySet().stream()
                .map(e -> String.format(e.getKey(), e.getValue())).collect(Collectors.joining(", "))) + ".");
        out.println("Launch template default version: " + template.defaultVersion() + " (latest " + template.latestVersion() + ").");
        out.println("Recent versions:");
        for (TemplateVersion v : versions) {
            out.println(String.format("  %5d%s  %s  %s", v.number(), v.number() == template.defaultVersion() ? "*" : " ",
                    time(v.createdAt()), v.image().map(i -> i.repository() + ":" + i.tag() + " " + i.digest())
                            .orElse(v.description() == null ? "(no description)" : v.description())));
        }
        InstanceRefresh active = refreshes.stream().filter(RefreshStatus::isActive).findFirst().orElse(null);
        out.println("Active instance refresh: " + (active == null ? "none" : active.instanceRefreshId() + " "
                + active.statusAsString() + " " + pct(active) + "%") + ".");
        out.println("Recent instance refreshes:");
        if (refreshes.isEmpty()) {
            out.println("  none");
        }
        for (InstanceRefresh r : refreshes) {
            String desired = RefreshTarget.of(r).map(spec -> " to version " + spec.version()).orElse("");
            out.println(String.format("  %s  %-18s %3d%%  %s to update  started %s  ended %s%s%s", r.instanceRefreshId(),
                    r.statusAsString(), pct(r), r.instancesToUpdate() == null ? "?" : r.instancesToUpdate(),
                    time(r.startTime()), time(r.endTime()), desired,
                    r.statusReason() == null ? "" : "  " + r.statusReason().strip()));
            if (r.rollbackDetails() != null && r.rollbackDetails().rollbackReason() != null) {
                out.println("      rollback: " + r.rollbackDetails().rollbackReason() + " (started "
                        + time(r.rollbackDetails().rollbackStartTime()) + " at "
                        + (r.rollbackDetails().percentageCompleteOnRollback() == null ? 0 : r.rollbackDetails().percentageCompleteOnRollback()) + "%)");
            }
        }
        out.flush();
    }

    private static String time(Instant t) {
        return t == null ? "-" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static int pct(InstanceRefresh r) {
        return r.percentageComplete() == null ? 0 : r.percentageComplete();
    }
}
