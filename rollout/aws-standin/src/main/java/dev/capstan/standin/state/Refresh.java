package dev.capstan.standin.state;

import dev.capstan.standin.LaunchTemplateRef;
import dev.capstan.standin.RefreshPreferences;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** One instance refresh and the bookkeeping of its simulation. */
public final class Refresh {

    /** One round of replacements. */
    public static final class Batch {
        public enum Phase { TERMINATE_FIRST, LAUNCH, WARMUP }

        public final List<String> oldIds;
        public final List<String> newIds = new ArrayList<>();
        public final int launchCount;
        public final LaunchTemplateRef launchWith;
        public final boolean doomed;
        public Phase phase;
        public Instant warmupEnds;

        Batch(List<String> oldIds, int launchCount, LaunchTemplateRef launchWith, boolean doomed, Phase phase) {
            this.oldIds = oldIds;
            this.launchCount = launchCount;
            this.launchWith = launchWith;
            this.doomed = doomed;
            this.phase = phase;
        }
    }

    public final String id;
    public final String groupName;
    public final String strategy;
    public final Instant startTime;
    public final RefreshPreferences preferences;
    /** As given in DesiredConfiguration, or null. */
    public final LaunchTemplateRef desired;
    public final boolean desiredMixed;
    /** What new instances launch with: template id + resolved version number. */
    public final LaunchTemplateRef target;
    /** The group's configuration at start, resolved: what a rollback restores. */
    public final LaunchTemplateRef original;
    public final boolean reversible;

    public String status = "Pending";
    public String statusReason;
    public Instant endTime;
    public int total;
    public int replaced;
    public final Deque<String> queue = new ArrayDeque<>();
    public final List<String> waitingProtected = new ArrayList<>();
    public Batch batch;
    public int nextCheckpoint;
    public boolean stopAfterPause;
    public Instant pausedUntil;
    public Instant bakeUntil;
    public Instant protectedWaitUntil;
    public Instant cancelNotBefore;

    public boolean rollingBack;
    public String rollbackReason;
    public Instant rollbackStartTime;
    public int percentageOnRollback;
    public int instancesToUpdateOnRollback;
    public int revertTotal;
    public final Deque<String> revertQueue = new ArrayDeque<>();

    public int percentage;
    public int instancesToUpdate;

    public Refresh(String id, String groupName, Instant startTime, RefreshPreferences preferences,
                   LaunchTemplateRef desired, boolean desiredMixed, LaunchTemplateRef target,
                   LaunchTemplateRef original, boolean reversible) {
        this.id = id;
        this.groupName = groupName;
        this.strategy = "Rolling";
        this.startTime = startTime;
        this.preferences = preferences;
        this.desired = desired;
        this.desiredMixed = desiredMixed;
        this.target = target;
        this.original = original;
        this.reversible = reversible;
    }

    /** A refresh that ends, is cancelled or turns to rollback must not stay held by a wait set for its old course. */
    public void stopWaiting() {
        pausedUntil = null;
        bakeUntil = null;
        protectedWaitUntil = null;
    }

    public boolean active() {
        return switch (status) {
            case "Pending", "InProgress", "Cancelling", "RollbackInProgress", "Baking" -> true;
            default -> false;
        };
    }
}
