package dev.capstan.standin.state;

import dev.capstan.standin.CapacitySample;
import dev.capstan.standin.Faults;
import dev.capstan.standin.LaunchTemplateRef;
import dev.capstan.standin.LifecycleActionRecord;
import dev.capstan.standin.MixedPolicySpec;
import dev.capstan.standin.RefreshPreferences;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Moves groups, instances and instance refreshes forward in simulated time. State is advanced lazily: every request
 * first calls {@link #catchUp(Instant)}, which replays each due event at its own simulated time, so the outcome does
 * not depend on how often anyone looks. Instances follow {@link InstanceLifecycle}; this class makes the groups' and
 * refreshes' decisions.
 */
public final class Simulation {

    private final Collection<Group> groups;
    private final Faults faults;
    private final InstanceLifecycle lifecycle;
    private Instant cursor;

    public Simulation(Collection<Group> groups, LaunchTemplates templates, Faults faults, Ids ids,
                      List<LifecycleActionRecord> lifecycleActions, Instant start) {
        this.groups = groups;
        this.faults = faults;
        this.lifecycle = new InstanceLifecycle(templates, ids, lifecycleActions);
        this.cursor = start;
    }

    public void catchUp(Instant now) {
        for (int guard = 0; guard < 1_000_000; guard++) {
            Instant next = nextEvent();
            if (next == null || next.isAfter(now)) {
                break;
            }
            cursor = next;
            fireInstanceEvents(cursor);
            settleAll(cursor);
        }
        if (now.isAfter(cursor)) {
            cursor = now;
        }
    }

    /** Applies decisions that need no time to pass (after any API change). */
    public void settleAll(Instant t) {
        for (Group g : groups) {
            settle(g, t);
        }
    }

    // ---------------------------------------------------------------- events

    /**
     * The earliest event after the cursor. Anything due at or before the cursor was settled when the cursor got
     * there; a timer that is due but still blocked (say, a cancel waiting for its batch) waits for a later event.
     */
    private Instant nextEvent() {
        Instant best = null;
        for (Group g : groups) {
            for (Instance i : g.instances) {
                for (Instant e : lifecycle.events(g, i)) {
                    best = earliest(best, future(e));
                }
            }
            for (Refresh r : g.refreshes) {
                if (r.active()) {
                    best = earliest(best, future(refreshTimer(r)));
                }
            }
        }
        return best;
    }

    private Instant future(Instant t) {
        return t != null && t.isAfter(cursor) ? t : null;
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static Instant refreshTimer(Refresh r) {
        Instant t = null;
        if (r.status.equals("Pending")) {
            t = r.startTime.plus(SimTimings.REFRESH_PENDING);
        }
        if (r.batch != null && r.batch.phase == Refresh.Batch.Phase.WARMUP) {
            t = earliest(t, r.batch.warmupEnds);
        }
        t = earliest(t, r.pausedUntil);
        t = earliest(t, r.bakeUntil);
        t = earliest(t, r.protectedWaitUntil);
        if (r.status.equals("Cancelling")) {
            t = earliest(t, r.cancelNotBefore);
        }
        return t;
    }

    private void fireInstanceEvents(Instant t) {
        for (Group g : groups) {
            for (Instance i : new ArrayList<>(g.instances)) {
                lifecycle.fire(g, i, t);
            }
        }
    }

    public void completeLifecycleAction(Group g, Instance i, String hookName, String result, String source,
                                        Instant t) {
        lifecycle.completeLifecycleAction(g, i, hookName, result, source, t);
    }

    /** Sets up the timeline of an instance seeded in a given state. */
    public void seeded(Group g, Instance i, Instant t) {
        lifecycle.seeded(g, i, t);
    }

    // ---------------------------------------------------------------- decisions

    private void settle(Group g, Instant t) {
        for (int guard = 0; guard < 1000; guard++) {
            Optional<Refresh> active = g.activeRefresh();
            boolean changed = active.isPresent() && step(g, active.get(), t);
            changed |= replaceUnhealthy(g, t);
            if (g.activeRefresh().isEmpty()) {
                changed |= restoreCapacity(g, t);
            }
            if (!changed) {
                break;
            }
        }
        recordCapacity(g, t);
    }

    /** Appends a sample when a number changed; several changes at one instant leave one sample, the last. */
    private static void recordCapacity(Group g, Instant t) {
        CapacitySample now = new CapacitySample(t, (int) g.servingCount(t), g.desiredCapacity, (int) g.liveCount());
        CapacitySample last = g.capacity.isEmpty() ? null : g.capacity.get(g.capacity.size() - 1);
        if (last != null && last.inService() == now.inService() && last.desired() == now.desired()
                && last.live() == now.live()) {
            return;
        }
        if (last != null && last.at().equals(t)) {
            g.capacity.remove(g.capacity.size() - 1);
        }
        g.capacity.add(now);
    }

    /**
     * Auto Scaling terminates instances that fail health checks; a refresh in flight has already judged them. Not
     * while ReplaceUnhealthy is suspended: "Amazon EC2 Auto Scaling stops replacing instances that are marked as
     * unhealthy" (User Guide, "How suspended processes affect other processes"), so they stay InService and
     * Unhealthy until the process resumes.
     */
    private boolean replaceUnhealthy(Group g, Instant t) {
        if (g.suspended(ScalingProcesses.REPLACE_UNHEALTHY)) {
            return false;
        }
        boolean changed = false;
        for (Instance i : g.instances) {
            if (i.inService() && i.healthStatus.equals("Unhealthy")) {
                lifecycle.terminate(g, i, t);
                changed = true;
            }
        }
        return changed;
    }

    /** Outside a refresh the group launches instances on its own configuration until it has its desired capacity. */
    private boolean restoreCapacity(Group g, Instant t) {
        boolean changed = false;
        while (g.liveCount() < g.desiredCapacity) {
            lifecycle.launch(g, resolve(g.launchTemplate), g.mixedPolicy, false, t);
            changed = true;
        }
        return changed;
    }

    /** One decision for the active refresh; returns whether anything changed. */
    private boolean step(Group g, Refresh r, Instant t) {
        switch (r.status) {
            case "Pending":
                if (t.isBefore(r.startTime.plus(SimTimings.REFRESH_PENDING))) {
                    return false;
                }
                plan(g, r, t);
                return true;
            case "Baking":
                if (t.isBefore(r.bakeUntil)) {
                    return false;
                }
                r.bakeUntil = null;
                succeed(g, r, t);
                return true;
            case "Cancelling":
                if (r.batch != null) {
                    return advanceBatch(g, r, t);
                }
                if (t.isBefore(r.cancelNotBefore)) {
                    return false;
                }
                r.status = "Cancelled";
                r.statusReason = r.rollingBack ? "Rollback cancelled with CancelInstanceRefresh."
                        : "Cancelled with CancelInstanceRefresh.";
                r.endTime = t;
                r.stopWaiting();
                return true;
            case "InProgress":
            case "RollbackInProgress":
                if (!r.rollingBack && alarmed(r).isPresent()) {
                    fail(g, r, t, "Instance refresh failed: CloudWatch alarm " + alarmed(r).get()
                            + " went into the ALARM state.", r.batch == null ? List.of() : r.batch.newIds);
                    return true;
                }
                if (r.batch != null) {
                    return advanceBatch(g, r, t);
                }
                return r.rollingBack ? nextRollbackBatch(g, r, t) : nextBatch(g, r, t);
            default:
                return false;
        }
    }

    private Optional<String> alarmed(Refresh r) {
        List<String> alarms = r.preferences.alarms();
        return alarms == null ? Optional.empty() : alarms.stream().filter(faults::inAlarm).findFirst();
    }

    /**
     * Decides which instances the refresh replaces. Standby and scale-in protected instances follow
     * botocore/data/autoscaling/2011-01-01/service-2.json, {@code RefreshPreferences.StandbyInstances} and {@code ScaleInProtectedInstances}: {@code Terminate} ("terminates
     * instances that are in Standby") / {@code Refresh} ("replaces instances that are protected from scale in"),
     * {@code Ignore} (left alone), {@code Wait}, the default (waits one hour, then the refresh fails).
     */
    private void plan(Group g, Refresh r, Instant t) {
        r.status = "InProgress";
        r.statusReason = null;
        RefreshPreferences p = r.preferences;
        boolean skipMatching = Boolean.TRUE.equals(p.skipMatching());
        String protectedMode = Objects.requireNonNullElse(p.scaleInProtectedInstances(), "Wait");
        String standbyMode = Objects.requireNonNullElse(p.standbyInstances(), "Wait");
        for (Instance i : g.instances) {
            if (!i.live()) {
                continue;
            }
            if (i.standby()) {
                switch (standbyMode) {
                    case "Terminate" -> lifecycle.terminate(g, i, t);
                    case "Wait" -> r.waitingStandby.add(i.id);
                    default -> { }
                }
                continue;
            }
            if (!i.inService() || (skipMatching && matches(r, i))) {
                continue;
            }
            if (i.protectedFromScaleIn && protectedMode.equals("Ignore")) {
                continue;
            }
            if (i.protectedFromScaleIn && protectedMode.equals("Wait")) {
                r.waitingProtected.add(i.id);
                continue;
            }
            r.queue.add(i.id);
        }
        r.total = r.queue.size() + r.waitingFor().size();
        updateProgress(r);
        if (r.total == 0) {
            r.statusReason = skipMatching ? "All instances already match the desired configuration." : null;
            finish(g, r, t);
        }
    }

    /**
     * Skip matching compares the launch template and version and, for a desired mixed instances policy with
     * overrides, the instance type (botocore/data/autoscaling/2011-01-01/service-2.json, {@code RefreshPreferences.SkipMatching}: "the same launch template and
     * instance types").
     */
    private static boolean matches(Refresh r, Instance i) {
        if (!i.runs(r.target)) {
            return false;
        }
        MixedPolicySpec policy = r.desiredPolicy;
        return policy == null || policy.overrides().isEmpty()
                || policy.overrides().stream().anyMatch(o -> i.instanceType.equals(o.instanceType()));
    }

    private boolean nextBatch(Group g, Refresh r, Instant t) {
        RefreshPreferences p = r.preferences;
        if (r.pausedUntil != null) {
            if (t.isBefore(r.pausedUntil)) {
                return false;
            }
            r.pausedUntil = null;
            r.statusReason = null;
            if (r.stopAfterPause) {
                finish(g, r, t);
            }
            return true;
        }
        List<Integer> checkpoints = Objects.requireNonNullElse(p.checkpointPercentages(), List.of());
        if (r.nextCheckpoint < checkpoints.size() && r.percentage >= checkpoints.get(r.nextCheckpoint)) {
            int reached = checkpoints.get(r.nextCheckpoint);
            while (r.nextCheckpoint < checkpoints.size() && r.percentage >= checkpoints.get(r.nextCheckpoint)) {
                r.nextCheckpoint++;
            }
            if (reached < 100) {
                long delay = p.checkpointDelay() != null ? p.checkpointDelay() : SimTimings.DEFAULT_CHECKPOINT_DELAY.toSeconds();
                r.pausedUntil = t.plusSeconds(delay);
                r.stopAfterPause = r.nextCheckpoint >= checkpoints.size();
                r.statusReason = "Checkpoint " + reached + "% reached: " + r.replaced + " of " + r.total
                        + " instances replaced. Waiting for the checkpoint delay of " + delay + " seconds before "
                        + (r.stopAfterPause ? "finishing (the last checkpoint is below 100%)." : "continuing.");
                return true;
            }
        }
        pruneGone(g, r.queue);
        if (r.queue.isEmpty()) {
            if (!r.waitingFor().isEmpty()) {
                return waitForHeld(g, r, t);
            }
            finish(g, r, t);
            return true;
        }
        int size = batchSize(g, r);
        if (r.nextCheckpoint < checkpoints.size()) {
            int target = (int) Math.ceil(r.total * checkpoints.get(r.nextCheckpoint) / 100.0);
            size = Math.min(size, Math.max(1, target - r.replaced));
        }
        size = Math.min(size, r.queue.size());
        List<String> olds = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            olds.add(r.queue.poll());
        }
        boolean doomed = faults.refreshFailurePercent(g.name).map(percent -> r.percentage >= percent).orElse(false);
        boolean launchFirst = launchesFirst(r);
        // Launching first must not take the group above MaxHealthyPercentage: old instances beyond that room are
        // terminated at once (which MinHealthyPercentage allows: the batch is the room between the two).
        int early = launchFirst ? (int) Math.max(0, g.liveCount() + olds.size() - ceiling(g, r)) : 0;
        MixedPolicySpec policy = r.desired != null ? r.desiredPolicy : g.mixedPolicy;
        startBatch(g, r, olds, olds.size(), r.target, policy, doomed, launchFirst, Math.min(early, olds.size()), t);
        return true;
    }

    /** Waits an hour for protected or Standby instances (botocore/data/autoscaling/2011-01-01/service-2.json, RefreshPreferences: "waits one hour [...] Otherwise, the instance refresh will fail"). */
    private boolean waitForHeld(Group g, Refresh r, Instant t) {
        if (r.protectedWaitUntil == null) {
            r.protectedWaitUntil = t.plus(SimTimings.PROTECTED_WAIT);
            r.statusReason = String.join(" ", held(r,
                    "Waiting for instances protected from scale in to become unprotected: %s.",
                    "Waiting for instances in Standby to return to service: %s."))
                    + " The instance refresh fails after one hour.";
            return true;
        }
        if (t.isBefore(r.protectedWaitUntil)) {
            return false;
        }
        r.protectedWaitUntil = null;
        fail(g, r, t, "Instance refresh failed: " + String.join("; ", held(r,
                "instances protected from scale in were not unprotected within one hour (%s)",
                "instances in Standby did not return to service within one hour (%s)")) + ".", List.of());
        return true;
    }

    /** One sentence per kind of instance the refresh waits for, each naming its instances. */
    private static List<String> held(Refresh r, String protectedFormat, String standbyFormat) {
        List<String> sentences = new ArrayList<>();
        if (!r.waitingProtected.isEmpty()) {
            sentences.add(String.format(protectedFormat, String.join(", ", r.waitingProtected)));
        }
        if (!r.waitingStandby.isEmpty()) {
            sentences.add(String.format(standbyFormat, String.join(", ", r.waitingStandby)));
        }
        return sentences;
    }

    private boolean nextRollbackBatch(Group g, Refresh r, Instant t) {
        pruneGone(g, r.revertQueue);
        int surplus = (int) Math.max(0, g.liveCount() - g.desiredCapacity);
        if (surplus > 0 && !r.revertQueue.isEmpty()) {
            // A launch-first batch had not yet terminated the instances it was replacing: those still serve on the
            // original configuration, so rolling back only removes the new ones ("Amazon EC2 Auto Scaling replaces
            // any instances that were replaced during the instance refresh", RollbackInstanceRefresh,
            // botocore/data/autoscaling/2011-01-01/service-2.json).
            for (int k = 0; k < surplus && !r.revertQueue.isEmpty(); k++) {
                g.instance(r.revertQueue.poll()).ifPresent(i -> lifecycle.terminate(g, i, t));
            }
            updateProgress(r);
            return true;
        }
        int deficit = (int) Math.max(0, g.desiredCapacity - g.liveCount());
        if (r.revertQueue.isEmpty() && deficit == 0) {
            r.status = "RollbackSuccessful";
            r.endTime = t;
            r.percentage = 0;
            return true;
        }
        int size = Math.min(batchSize(g, r), r.revertQueue.size() + deficit);
        int terminate = Math.max(0, size - deficit);
        List<String> olds = new ArrayList<>();
        for (int k = 0; k < terminate && !r.revertQueue.isEmpty(); k++) {
            olds.add(r.revertQueue.poll());
        }
        startBatch(g, r, olds, size, r.original, g.mixedPolicy, faults.rollbackFails(g.name), true, 0, t);
        return true;
    }

    private void startBatch(Group g, Refresh r, List<String> olds, int launchCount, LaunchTemplateRef with,
                            MixedPolicySpec policy, boolean doomed, boolean launchFirst, int terminateEarly, Instant t) {
        Refresh.Batch b = new Refresh.Batch(olds, launchCount, with, policy, doomed,
                launchFirst ? Refresh.Batch.Phase.LAUNCH : Refresh.Batch.Phase.TERMINATE_FIRST);
        r.batch = b;
        if (launchFirst) {
            for (String id : olds.subList(0, terminateEarly)) {
                g.instance(id).ifPresent(i -> lifecycle.terminate(g, i, t));
            }
            launchBatch(g, b, t);
        } else {
            for (String id : olds) {
                g.instance(id).ifPresent(i -> lifecycle.terminate(g, i, t));
            }
        }
        describeBatch(g, r, t);
    }

    private void launchBatch(Group g, Refresh.Batch b, Instant t) {
        for (int k = 0; k < b.launchCount; k++) {
            b.newIds.add(lifecycle.launch(g, b.launchWith, b.policy, b.doomed, t).id);
        }
        b.phase = Refresh.Batch.Phase.LAUNCH;
    }

    private boolean advanceBatch(Group g, Refresh r, Instant t) {
        Refresh.Batch b = r.batch;
        switch (b.phase) {
            case TERMINATE_FIRST -> {
                if (b.oldIds.stream().anyMatch(id -> g.instance(id).isPresent())) {
                    return false;
                }
                launchBatch(g, b, t);
                describeBatch(g, r, t);
                return true;
            }
            case LAUNCH -> {
                List<String> failed = failedInstances(g, b);
                if (!failed.isEmpty()) {
                    fail(g, r, t, failureReason(r, failed), failed);
                    return true;
                }
                if (b.newIds.stream().allMatch(id -> g.instance(id).map(i -> counted(i, t)).orElse(false))) {
                    b.phase = Refresh.Batch.Phase.WARMUP;
                    b.warmupEnds = t.plus(warmup(g, r.preferences));
                    describeBatch(g, r, t);
                    return true;
                }
                describeBatch(g, r, t);
                return false;
            }
            case WARMUP -> {
                List<String> failed = failedInstances(g, b);
                if (failed.isEmpty() && !t.isBefore(b.warmupEnds) && b.doomed) {
                    failed = b.newIds;
                }
                if (!failed.isEmpty()) {
                    fail(g, r, t, failureReason(r, failed), failed);
                    return true;
                }
                if (t.isBefore(b.warmupEnds)) {
                    return false;
                }
                completeBatch(g, r, t);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * A new instance has passed its health checks: InService and, with a target group, healthy in it. The warm-up
     * starts then (User Guide, "Instance maintenance policies", core concepts: "An instance is considered healthy and
     * ready to use after it successfully completes its first health check and the specified warmup time passes").
     */
    private static boolean counted(Instance i, Instant t) {
        return i.inService() && (i.registeredAt == null || i.healthyInTargetGroup(t));
    }

    private void completeBatch(Group g, Refresh r, Instant t) {
        Refresh.Batch b = r.batch;
        for (String id : b.oldIds) {
            g.instance(id).filter(Instance::live).ifPresent(i -> lifecycle.terminate(g, i, t));
        }
        r.batch = null;
        if (!r.rollingBack) {
            r.replaced += b.oldIds.size();
        }
        r.statusReason = r.rollingBack || r.status.equals("Cancelling") ? r.statusReason : null;
        updateProgress(r);
    }

    private static List<String> failedInstances(Group g, Refresh.Batch b) {
        List<String> failed = new ArrayList<>();
        for (String id : b.newIds) {
            Optional<Instance> i = g.instance(id);
            if (i.isEmpty() || i.get().abandoned || i.get().healthStatus.equals("Unhealthy")) {
                failed.add(id);
            }
        }
        return failed;
    }

    private static String failureReason(Refresh r, List<String> failed) {
        String what = failed.size() == 1 ? "1 new instance" : failed.size() + " new instances";
        return (r.rollingBack ? "Rollback failed: " : "Instance refresh failed: ") + what
                + " failed health checks or did not complete the launch lifecycle action ("
                + String.join(", ", failed) + ").";
    }

    private void fail(Group g, Refresh r, Instant t, String reason, List<String> failed) {
        for (String id : failed) {
            g.instance(id).filter(Instance::live).ifPresent(i -> {
                i.healthStatus = "Unhealthy";
                lifecycle.terminate(g, i, t);
            });
        }
        r.batch = null;
        r.pausedUntil = null;
        if (r.rollingBack) {
            r.status = "RollbackFailed";
            r.statusReason = reason;
            r.endTime = t;
            return;
        }
        if (Boolean.TRUE.equals(r.preferences.autoRollback()) && r.reversible) {
            startRollback(g, r, t, reason);
            return;
        }
        r.status = "Failed";
        r.statusReason = reason;
        r.endTime = t;
    }

    /** Starts rolling back to the group's configuration from before the refresh. */
    public void startRollback(Group g, Refresh r, Instant t, String reason) {
        if (r.batch != null) {
            for (String id : r.batch.newIds) {
                g.instance(id).filter(i -> i.live() && !i.inService()).ifPresent(i -> lifecycle.terminate(g, i, t));
            }
            r.batch = null;
        }
        r.rollingBack = true;
        r.status = "RollbackInProgress";
        r.statusReason = reason;
        r.rollbackReason = reason;
        r.rollbackStartTime = t;
        r.percentageOnRollback = r.percentage;
        r.instancesToUpdateOnRollback = r.instancesToUpdate;
        r.stopWaiting();
        r.revertQueue.clear();
        for (Instance i : g.instances) {
            if (i.counts() && !i.runs(r.original)) {
                r.revertQueue.add(i.id);
            }
        }
        r.revertTotal = r.revertQueue.size();
    }

    /**
     * CancelInstanceRefresh "cancels an instance refresh or rollback that is in progress" (
     * botocore/data/autoscaling/2011-01-01/service-2.json, operation {@code CancelInstanceRefresh}). Either way the status goes {@code Cancelling}, then {@code Cancelled} once the
     * launches and terminations in flight are done (User Guide, "Cancel an instance refresh"); a cancelled rollback
     * keeps its RollbackDetails and leaves the instances it had not yet put back on the new configuration.
     */
    public void cancel(Refresh r, Instant t) {
        r.status = "Cancelling";
        r.statusReason = r.rollingBack
                ? "Cancellation requested with CancelInstanceRefresh; the rollback stops once the replacements in flight finish."
                : "Cancellation requested with CancelInstanceRefresh; in-flight replacements finish first.";
        r.cancelNotBefore = t.plus(SimTimings.CANCEL_SETTLE);
        r.stopWaiting();
    }

    private void finish(Group g, Refresh r, Instant t) {
        Integer bake = r.preferences.bakeTime();
        if (bake != null && bake > 0 && r.status.equals("InProgress")) {
            r.status = "Baking";
            r.bakeUntil = t.plusSeconds(bake);
            r.statusReason = "Waiting for the bake time of " + bake + " seconds to pass before completing.";
            return;
        }
        succeed(g, r, t);
    }

    private void succeed(Group g, Refresh r, Instant t) {
        r.status = "Successful";
        r.endTime = t;
        if (r.statusReason != null && r.statusReason.startsWith("Waiting")) {
            r.statusReason = null;
        }
        boolean complete = r.replaced >= r.total - r.waitingFor().size();
        if (complete && r.desired != null) {
            g.launchTemplate = new LaunchTemplateRef(r.target.launchTemplateId(), r.target.launchTemplateName(),
                    isNumber(r.desired.version()) ? r.target.version() : r.desired.version());
            g.mixedPolicy = r.desiredPolicy;
        }
        updateProgress(r);
    }

    private void describeBatch(Group g, Refresh r, Instant t) {
        if (r.rollingBack || r.status.equals("Cancelling")) {
            updateProgress(r);
            return;
        }
        Refresh.Batch b = r.batch;
        String reason;
        if (b.phase == Refresh.Batch.Phase.TERMINATE_FIRST) {
            reason = "Terminating instances before launching their replacements. For example: "
                    + b.oldIds.get(0) + " is Terminating.";
        } else if (b.phase == Refresh.Batch.Phase.WARMUP) {
            reason = "Waiting for instances to warm up before continuing. For example: " + b.newIds.get(0)
                    + " is warming up.";
        } else {
            String example = b.newIds.stream().map(g::instance).flatMap(Optional::stream)
                    .filter(i -> !counted(i, t)).findFirst()
                    .map(i -> i.id + (i.inService() ? " is not yet healthy in its target group" : " is " + i.lifecycleState))
                    .orElse(b.newIds.get(0) + " is launching");
            reason = "Waiting for new instances to launch and pass health checks. For example: " + example + ".";
        }
        r.statusReason = reason;
        updateProgress(r);
    }

    private void updateProgress(Refresh r) {
        if (r.rollingBack) {
            int remaining = r.revertQueue.size() + (r.batch == null ? 0 : r.batch.oldIds.size());
            r.percentage = r.revertTotal == 0 ? 0 : (int) Math.round(r.percentageOnRollback * (double) remaining / r.revertTotal);
            return;
        }
        r.percentage = r.total == 0 ? (r.status.equals("Successful") ? 100 : 0) : (int) Math.floor(100.0 * r.replaced / r.total);
        r.instancesToUpdate = Math.max(0, r.total - r.replaced);
    }

    // ---------------------------------------------------------------- helpers

    /** Resolves a group's or refresh's template specification to template id + version number. */
    public LaunchTemplateRef resolve(LaunchTemplateRef spec) {
        return lifecycle.resolve(spec);
    }

    private static void pruneGone(Group g, java.util.Deque<String> queue) {
        queue.removeIf(id -> g.instance(id).filter(Instance::live).isEmpty());
    }

    private static Duration warmup(Group g, RefreshPreferences p) {
        if (p.instanceWarmup() != null) {
            return Duration.ofSeconds(p.instanceWarmup());
        }
        return g.defaultInstanceWarmup != null ? g.defaultInstanceWarmup : g.healthCheckGracePeriod;
    }

    /**
     * How many instances one round replaces: the room between the healthy floor (MinHealthyPercentage of the desired
     * capacity, rounded up) and the ceiling (MaxHealthyPercentage, rounded down), at least one.
     */
    static int batchSize(Group g, Refresh r) {
        int desired = Math.max(1, g.desiredCapacity);
        int floor = (int) Math.ceil(desired * r.minHealthy / 100.0);
        return Math.max(1, ceiling(g, r) - floor);
    }

    /**
     * The most instances a refresh keeps at once: MaxHealthyPercentage of the desired capacity. The group's MaxSize
     * does not cap it: the User Guide defines the maximum healthy percentage as "the percentage of its desired
     * capacity that your Auto Scaling group can increase to when replacing instances" and applies the group's
     * scaling limits only to changes of the desired capacity ("Instance maintenance policies", "Scale your Auto
     * Scaling group"); see the stand-in's guide, "Max healthy percentage and MaxSize".
     */
    static int ceiling(Group g, Refresh r) {
        int desired = Math.max(1, g.desiredCapacity);
        if (oneAtATimeLaunchingFirst(r)) {
            return desired + 1;
        }
        int max = r.maxHealthy != null ? r.maxHealthy : 100;
        return (int) Math.floor(desired * max / 100.0);
    }

    /** New instances start before old ones stop: a maximum above 100, or both bounds at 100. */
    static boolean launchesFirst(Refresh r) {
        return (r.maxHealthy != null && r.maxHealthy > 100) || oneAtATimeLaunchingFirst(r);
    }

    /**
     * "To replace one instance at a time, set both the minimum and maximum healthy percentage to 100 percent. This
     * changes the behavior of an instance refresh to launch before terminating" (User Guide, "How an instance refresh
     * works", https://docs.aws.amazon.com/autoscaling/ec2/userguide/instance-refresh-overview.html).
     */
    private static boolean oneAtATimeLaunchingFirst(Refresh r) {
        return r.minHealthy == 100 && r.maxHealthy != null && r.maxHealthy == 100;
    }

    static boolean isNumber(String s) {
        return s != null && s.matches("[0-9]+");
    }
}
