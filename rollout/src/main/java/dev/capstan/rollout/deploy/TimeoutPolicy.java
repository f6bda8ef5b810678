package dev.capstan.rollout.deploy;

import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.refresh.RefreshFinder;
import dev.capstan.rollout.refresh.RefreshStatus;
import dev.capstan.rollout.refresh.RefreshStopper;
import java.io.PrintWriter;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

/**
 * Applies --on-timeout to our refresh when the deploy timed out or was interrupted. The refresh is described again
 * right before any stop call, because CancelInstanceRefresh "cancels an instance refresh or rollback that is in
 * progress" (botocore autoscaling 2011-01-01): a cancel sent while AWS rolls back on its own, or while a cancel is
 * already under way, would stop that rollback half-way and leave the group on two versions.
 */
public final class TimeoutPolicy {
    private final RefreshStopper stopper;
    private final RefreshFinder finder;

    public TimeoutPolicy(RefreshStopper stopper, RefreshFinder finder) {
        this.stopper = stopper;
        this.finder = finder;
    }

    /** @return what was done, as the end of a sentence */
    public String apply(OnTimeout policy, String group, String refreshId, PrintWriter out) {
        if (policy == OnTimeout.leave) {
            return "instance refresh " + refreshId + " left running; follow it with rollout status --asg " + group;
        }
        InstanceRefresh now = finder.get(group, refreshId);
        String settled = alreadySettling(now, group);
        if (settled != null) {
            return settled;
        }
        try {
            if (policy == OnTimeout.rollback) {
                stopper.rollback(group);
                return "rollback of instance refresh " + refreshId + " started, so the group returns to its previous version";
            }
            stopper.cancel(group);
            return "instance refresh " + refreshId + " cancelled; instances already replaced keep the new version";
        } catch (RolloutException e) {
            out.println("could not apply --on-timeout " + policy + ": " + e.getMessage());
            return policy == OnTimeout.rollback ? cancelInstead(group, refreshId, out)
                    : "--on-timeout cancel could not be applied to instance refresh " + refreshId
                    + "; check it with rollout status --asg " + group;
        }
    }

    /** After a refused rollback, cancel only a refresh that is still replacing instances towards the new version. */
    private String cancelInstead(String group, String refreshId, PrintWriter out) {
        InstanceRefresh now = finder.get(group, refreshId);
        String settled = alreadySettling(now, group);
        if (settled != null) {
            return settled;
        }
        try {
            stopper.cancel(group);
            return "rollback was refused, so instance refresh " + refreshId + " was cancelled instead";
        } catch (RolloutException second) {
            out.println("could not cancel either: " + second.getMessage());
            return "--on-timeout rollback could not be applied to instance refresh " + refreshId
                    + "; check it with rollout status --asg " + group;
        }
    }

    /** A sentence when the refresh is already ending or rolling back on its own, so that no stop call is sent. */
    private static String alreadySettling(InstanceRefresh refresh, String group) {
        String status = refresh.statusAsString();
        if (RefreshStatus.isTerminal(refresh)) {
            return "instance refresh " + refresh.instanceRefreshId() + " ended " + status + " meanwhile; check it with "
                    + "rollout status --asg " + group;
        }
        if ("RollbackInProgress".equals(status)) {
            return "AWS is already rolling instance refresh " + refresh.instanceRefreshId() + " back, so it was left "
                    + "to finish (a cancel would stop the rollback half-way); follow it with rollout status --asg " + group;
        }
        if ("Cancelling".equals(status)) {
            return "instance refresh " + refresh.instanceRefreshId() + " is already being cancelled; follow it with "
                    + "rollout status --asg " + group;
        }
        return null;
    }
}
