package dev.capstan.rollout.refresh;

import java.time.Duration;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

/**
 * How long to wait before the next look at a refresh. Starting and stopping phases change within seconds; replacing
 * instances and baking take minutes, so polling them often only spends API quota.
 */
public final class PollSchedule {
    private final double scale;

    /** @param scale multiplies every interval; 1 in production */
    public PollSchedule(double scale) {
        this.scale = scale;
    }

    public static PollSchedule standard() {
        return new PollSchedule(1.0);
    }

    public Duration next(InstanceRefresh refresh) {
        Duration base = switch (refresh.statusAsString()) {
            case "Pending", "Cancelling", "RollbackInProgress" -> Duration.ofSeconds(5);
            case "Baking" -> Duration.ofSeconds(30);
            default -> Duration.ofSeconds(15);
        };
        return Duration.ofMillis(Math.max(1, Math.round(base.toMillis() * scale)));
    }
}
