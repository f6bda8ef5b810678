package dev.capstan.rollout.deploy;

import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.refresh.RefreshStopper;
import java.io.PrintWriter;

/** Applies --on-timeout to our refresh when the deploy timed out or was interrupted. */
public final class TimeoutPolicy {
    private final RefreshStopper stopper;

    public TimeoutPolicy(RefreshStopper stopper) {
        this.stopper = stopper;
    }

    /** @return what was done, as the end of a sentence */
    public String apply(OnTimeout policy, String group, String refreshId, PrintWriter out) {
        try {
            return switch (policy) {
                case rollback -> {
                    stopper.rollback(group);
                    yield "rollback of instance refresh " + refreshId + " started, so the group returns to its previous version";
                }
                case cancel -> {
                    stopper.cancel(group);
                    yield "instance refresh " + refreshId + " cancelled; instances already replaced keep the new version";
                }
                case leave -> "instance refresh " + refreshId + " left running; follow it with rollout status --asg " + group;
            };
        } catch (RolloutException e) {
            out.println("could not apply --on-timeout " + policy + ": " + e.getMessage());
            if (policy == OnTimeout.rollback) {
                try {
                    stopper.cancel(group);
                    return "rollback was refused, so instance refresh " + refreshId + " was cancelled instead";
                } catch (RolloutException second) {
                    out.println("could not cancel either: " + second.getMessage());
                }
            }
            return "--on-timeout " + policy + " could not be applied to instance refresh " + refreshId
                    + "; check it with rollout status --asg " + group;
        }
    }
}
