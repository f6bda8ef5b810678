package dev.capstan.rollout.refresh;

import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.report.ProgressPrinter;
import dev.capstan.rollout.time.Deadline;
import java.io.PrintWriter;
import java.util.List;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

/** Cancels or rolls back a group's active refresh on request, then follows it until it settles. */
public final class ActiveRefreshStop {
    public enum Kind { CANCEL, ROLLBACK }

    private static final String ROLLING_BACK = "RollbackInProgress";

    private final RefreshFinder finder;
    private final RefreshStopper stopper;
    private final RefreshWatcher watcher;

    public ActiveRefreshStop(RefreshFinder finder, RefreshStopper stopper, RefreshWatcher watcher) {
        this.finder = finder;
        this.stopper = stopper;
        this.watcher = watcher;
    }

    /**
     * @param stopRollback whether a cancel may stop a rollback in progress; CancelInstanceRefresh "cancels an instance
     *                     refresh or rollback that is in progress" (botocore autoscaling 2011-01-01), which leaves the
     *                     group on two versions, so it takes an explicit flag
     * @return null when the group has no active refresh
     */
    public WatchResult stop(String group, Kind kind, boolean stopRollback, Deadline deadline, PrintWriter out) {
        InstanceRefresh active = finder.active(group).orElse(null);
        if (active == null) {
            return null;
        }
        boolean rollingBack = ROLLING_BACK.equals(active.statusAsString());
        if (kind == Kind.ROLLBACK && rollingBack) {
            out.println("Instance refresh " + active.instanceRefreshId() + " on " + group
                    + " is already rolling back; following it.");
        } else if (kind == Kind.CANCEL && rollingBack && !stopRollback) {
            throw RolloutException.invalid("Instance refresh " + active.instanceRefreshId() + " on group '" + group
                    + "' is rolling back; cancelling it would stop the rollback half-way and leave the group on two "
                    + "versions. Let it finish (rollout status --asg " + group + "), or pass --stop-rollback.");
        } else {
            String id = kind == Kind.CANCEL ? stopper.cancel(group) : stopper.rollback(group);
            out.println((kind == Kind.CANCEL ? "Cancelling" : "Rolling back") + " instance refresh "
                    + (id == null ? active.instanceRefreshId() : id) + " on " + group + " (was " + active.statusAsString()
                    + " at " + (active.percentageComplete() == null ? 0 : active.percentageComplete()) + "%).");
        }
        out.flush();
        return watcher.watch(group, active.instanceRefreshId(), deadline, List.of(new ProgressPrinter(out)));
    }

    public static RolloutException nothingActive(String group) {
        return RolloutException.invalid("Group '" + group + "' has no active instance refresh; check it with rollout status --asg " + group + ".");
    }
}
