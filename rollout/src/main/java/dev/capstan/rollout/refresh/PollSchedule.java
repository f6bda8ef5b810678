package dev.capstan.rollout.refresh;

import java.time.Duration;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

/**
 * How long to wait before the next look at a refresh. Starting and stopping phases change within seconds; replacing
 * instances and baking take minutes, so polling them often only spends API quota. Once the instances left to replace
 * fit in one round (one instance when they go one at a time, the whole group when the healthy range launches them
 * all at once), the refresh ends with that round's warm-up: looking more often then shortens the wait between its
 * end and the deploy's, for a few dozen extra calls.
 */
public final class PollSchedule {
    private final Duration fixed;
    private final int lastRound;

    private PollSchedule(Duration fixed, int lastRound) {
        this.fixed = fixed;
        this.lastRound = lastRound;
    }

    public static PollSchedule standard() {
        return new PollSchedule(null, 1);
    }

    /** One interval for every phase (--poll-interval). */
    public static PollSchedule fixed(Duration interval) {
        return new PollSchedule(interval, 1);
    }

    /** The same schedule for a refresh that replaces up to {@code instancesPerRound} instances at a time. */
    public PollSchedule withRoundsOf(int instancesPerRound) {
        return new PollSchedule(fixed, Math.max(1, instancesPerRound));
    }

    public Duration next(InstanceRefresh refresh) {
        if (fixed != null) {
            return fixed;
        }
        return switch (refresh.statusAsString()) {
            case "Pending", "Cancelling", "RollbackInProgress" -> Duration.ofSeconds(5);
            case "Baking" -> Duration.ofSeconds(30);
            case "InProgress" -> inTheLastRound(refresh) ? Duration.ofSeconds(5) : Duration.ofSeconds(15);
            default -> Duration.ofSeconds(15);
        };
    }

    private boolean inTheLastRound(InstanceRefresh refresh) {
        return refresh.instancesToUpdate() != null && refresh.instancesToUpdate() <= lastRound;
    }
}
