package dev.capstan.rollout.refresh;

import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.time.Deadline;
import java.io.PrintWriter;
import java.util.List;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

/** Cancels or rolls back a group's active refresh on request, then follows it until it settles. */
public final class ActiveRefreshStop {
    public enum Kind { CANCEL, ROLLBACK }

    private final RefreshFinder finder;
    private final RefreshStopper stopper;
    private final RefreshWatcher watcher;

    public ActiveRefreshStop(RefreshFinder finder, RefreshStopper stopper, RefreshWatcher watcher) {
        this.finder = finder;
        this.stopper = stopper;
        this.watcher = watcher;
    }

    /** @return null when the group has no active refresh */
    public WatchResult stop(String group, Kind kind, Deadline deadline, PrintWriter out) {
        InstanceRefresh active = finder.active(group).orElse(null);
        if (active == null) {
            return null;
        }
        String id = kind == Kind.CANCEL ? stopper.cancel(group) : stopper.rollback(group);
        out.println((kind == Kind.CANCEL ? "Cancelling" : "Rolling back") + " instance refresh "
                + (id == null ? active.instanceRefreshId() : id) + " on " + group + " (was " + active.statusAsString()
                + " at " + (active.percentageComplete() == null ? 0 : active.percentageComplete()) + "%).");
        out.flush();
        return watcher.watch(group, active.instanceRefreshId(), deadline,
                List.of(new dev.capstan.rollout.report.ProgressPrinter(out)));
    }

    public static RolloutException nothingActive(String group) {
        return RolloutException.invalid("Group '" + group + "' has no active instance refresh; check it with rollout status --asg " + group + ".");
    }
}
