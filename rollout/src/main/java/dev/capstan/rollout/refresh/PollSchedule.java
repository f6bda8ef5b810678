package dev.capstan.rollout.refresh;

import java.time.Duration;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

/**
 * How long to wait before the next look at a refresh. Starting and stopping phases change within seconds; replacing
 * instances and baking take minutes, so polling them often only spends API quota. Once at most one instance is
 * left to replace, the refresh ends with that instance's warm-up: looking more often then shortens the wait between
 * its end and the deploy's, for a few dozen extra calls.
 */
public final class PollSchedule {
    private final Duration fixed;

    private PollSchedule(Duration fixed) {
        this.fixed = fixed;
    }

    public static PollSchedule standard() {
        return new PollSchedule(null);
    }

    /** One interval for every phase (--poll-interval). */
    public static PollSchedule fixed(Duration interval) {
        return new PollSchedule(interval);
    }

    public Duration next(InstanceRefresh refresh) {
        if (fixed != null) {
            return fixed;
        }
        return switch (refresh.statusAsString()) {
            case "Pending", "Cancelling", "RollbackInProgress" -> Duration.ofSeconds(5);
            case "Baking" -> Duration.ofSeconds(30);
            case "InProgress" -> onTheLastInstance(refresh) ? Duration.ofSeconds(5) : Duration.ofSeconds(15);
            default -> Duration.ofSeconds(15);
        };
    }

    private static boolean onTheLastInstance(InstanceRefresh refresh) {
        return refresh.instancesToUpdate() != null && refresh.instancesToUpdate() <= 1;
    }
}
