package dev.capstan.rollout.refresh;

import dev.capstan.rollout.time.Deadline;
import dev.capstan.rollout.time.Interruption;
import dev.capstan.rollout.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

/**
 * Polls one refresh until it ends, the deadline passes or a stop is requested, telling listeners about each change.
 * Time comes from the injected clock and sleeper, so tests run it on simulated time.
 */
public final class RefreshWatcher {
    private final RefreshFinder finder;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Interruption interruption;
    private final PollSchedule schedule;

    public RefreshWatcher(RefreshFinder finder, Clock clock, Sleeper sleeper, Interruption interruption,
                          PollSchedule schedule) {
        this.finder = finder;
        this.clock = clock;
        this.sleeper = sleeper;
        this.interruption = interruption;
        this.schedule = schedule;
    }

    /** This watcher, for a refresh that replaces up to {@code instancesPerRound} instances at a time. */
    public RefreshWatcher withRoundsOf(int instancesPerRound) {
        return new RefreshWatcher(finder, clock, sleeper, interruption, schedule.withRoundsOf(instancesPerRound));
    }

    public WatchResult watch(String group, String refreshId, Deadline deadline, List<RefreshListener> listeners) {
        String lastSeen = null;
        while (true) {
            InstanceRefresh refresh = finder.get(group, refreshId);
            String fingerprint = fingerprint(refresh);
            if (!fingerprint.equals(lastSeen)) {
                lastSeen = fingerprint;
                listeners.forEach(l -> l.changed(clock.instant(), refresh));
            }
            if (RefreshStatus.isTerminal(refresh)) {
                return new WatchResult(WatchResult.Ending.FINISHED, refresh);
            }
            if (interruption.requested()) {
                return new WatchResult(WatchResult.Ending.INTERRUPTED, refresh);
            }
            if (deadline.passed()) {
                return new WatchResult(WatchResult.Ending.TIMED_OUT, refresh);
            }
            Duration pause = schedule.next(refresh);
            Duration left = deadline.remaining();
            try {
                sleeper.sleep(pause.compareTo(left) < 0 ? pause : left);
            } catch (InterruptedException e) {
                interruption.request("interrupt");
            }
            if (interruption.requested()) {
                return new WatchResult(WatchResult.Ending.INTERRUPTED, refresh);
            }
        }
    }

    private static String fingerprint(InstanceRefresh r) {
        return r.statusAsString() + "|" + r.percentageComplete() + "|" + r.instancesToUpdate() + "|"
                + Objects.toString(r.statusReason(), "");
    }
}
