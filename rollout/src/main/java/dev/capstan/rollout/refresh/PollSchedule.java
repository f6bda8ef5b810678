package dev.capstan.rollout.refresh;

import java.time.Duration;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

/**
 * How long to wait before the next look at a refresh. Starting and stopping phases change within seconds; replacing
 * instances and baking take minutes, so polling them often only spends API quota.
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
            default -> Duration.ofSeconds(15);
        };
    }
}
