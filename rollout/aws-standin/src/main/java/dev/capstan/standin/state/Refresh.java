package dev.capstan.standin.state;

import dev.capstan.standin.LaunchTemplateRef;
import dev.capstan.standin.MixedPolicySpec;
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
        /** The mixed instances policy new instances launch under, or null. */
        public final MixedPolicySpec policy;
        public final boolean doomed;
        public Phase phase;
        public Instant warmupEnds;

        Batch(List<String> oldIds, int launchCount, LaunchTemplateRef launchWith, MixedPolicySpec policy, boolean doomed,
              Phase phase) {
            this.oldIds = oldIds;
            this.launchCount = launchCount;
            this.launchWith = launchWith;
            this.policy = policy;
            this.doomed = doomed;
            this.phase = phase;
        }
    }

    public final String id;
    public final String groupName;
    public final String strategy;
    public final Instant startTime;
    /** As given to StartInstanceRefresh. */
    public final RefreshPreferences preferences;
    /** MinHealthyPercentage as applied: given, else the group's instance maintenance policy, else 90. */
    public final int minHealthy;
    /** MaxHealthyPercentage as applied: given, else the policy's; null when neither (AWS's default, 100). */
    public final Integer maxHealthy;
    /** As given in DesiredConfiguration, or null. */
    public final LaunchTemplateRef desired;
    /** The desired MixedInstancesPolicy (without its launch template, which is {@link #desired}), or null. */
    public final MixedPolicySpec desiredPolicy;
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
    public final List<String> waitingStandby = new ArrayList<>();
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

    public Refresh(String id, String groupName, Instant startTime, RefreshPreferences preferences, int minHealthy,
                   Integer maxHealthy, LaunchTemplateRef desired, MixedPolicySpec desiredPolicy,
                   LaunchTemplateRef target, LaunchTemplateRef original, boolean reversible) {
        this.id = id;
        this.groupName = groupName;
        this.strategy = "Rolling";
        this.startTime = startTime;
        this.preferences = preferences;
        this.minHealthy = minHealthy;
        this.maxHealthy = maxHealthy;
        this.desired = desired;
        this.desiredPolicy = desiredPolicy;
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

    /** Instances it waits for (protected from scale in, or in Standby) before it can finish. */
    public List<String> waitingFor() {
        List<String> all = new ArrayList<>(waitingProtected);
        all.addAll(waitingStandby);
        return all;
    }

    public boolean active() {
        return switch (status) {
            case "Pending", "InProgress", "Cancelling", "RollbackInProgress", "Baking" -> true;
            default -> false;
        };
    }
}
