package dev.capstan.standin.state;

import dev.capstan.standin.Faults;
import dev.capstan.standin.LaunchTemplateRef;
import dev.capstan.standin.LifecycleActionRecord;
import dev.capstan.standin.RefreshPreferences;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Moves groups, instances and instance refreshes forward in simulated time. State is advanced lazily: every request
 * first calls {@link #catchUp(Instant)}, which replays each due event at its own simulated time, so the outcome does
 * not depend on how often anyone looks.
 */
public final class Simulation {

    private final Collection<Group> groups;
    private final LaunchTemplates templates;
    private final Faults faults;
    private final Ids ids;
    private final List<LifecycleActionRecord> lifecycleActions;
    private Instant cursor;

    public Simulation(Collection<Group> groups, LaunchTemplates templates, Faults faults, Ids ids,
                      List<LifecycleActionRecord> lifecycleActions, Instant start) {
        this.groups = groups;
        this.templates = templates;
        this.faults = faults;
        this.ids = ids;
        this.lifecycleActions = lifecycleActions;
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
                best = earliest(best, future(instanceEvent(g, i)));
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

    private Instant instanceEvent(Group g, Instance i) {
        switch (i.lifecycleState) {
            case "Pending":
                return i.stateSince.plus(SimTimings.LAUNCH_PENDING);
            case "Pending:Wait": {
                Duration heartbeat = g.launchHook().map(Hook::heartbeatTimeout).orElse(Duration.ofHours(1));
                if (g.holdLifecycleActions || SimTimings.BOOT.compareTo(heartbeat) >= 0) {
                    return i.stateSince.plus(heartbeat);
                }
                return i.stateSince.plus(SimTimings.BOOT);
            }
            case "Pending:Proceed":
                return i.stateSince.plus(SimTimings.PROCEED);
            case "InService":
                return i.doomed && i.healthStatus.equals("Healthy") ? i.inServiceAt.plus(SimTimings.UNHEALTHY_AFTER) : null;
            case "Terminating":
                return i.stateSince.plus(SimTimings.TERMINATE);
            default:
                return null;
        }
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
                Instant due = instanceEvent(g, i);
                if (due == null || due.isAfter(t)) {
                    continue;
                }
                switch (i.lifecycleState) {
                    case "Pending" -> {
                        if (g.launchHook().isPresent()) {
                            i.moveTo("Pending:Wait", due);
                            i.lifecycleActionToken = UUID.randomUUID().toString();
                        } else {
                            i.moveTo("InService", due);
                        }
                    }
                    case "Pending:Wait" -> {
                        Hook hook = g.launchHook().orElse(null);
                        boolean timedOut = g.holdLifecycleActions || hook == null
                                || SimTimings.BOOT.compareTo(hook.heartbeatTimeout()) >= 0;
                        String result = timedOut ? (hook == null ? "CONTINUE" : hook.defaultResult()) : "CONTINUE";
                        completeLifecycleAction(g, i, hook == null ? "" : hook.name(), result,
                                timedOut ? "timeout" : "simulation", due);
                    }
                    case "Pending:Proceed" -> i.moveTo("InService", due);
                    case "InService" -> i.healthStatus = "Unhealthy";
                    case "Terminating" -> g.instances.remove(i);
                    default -> { }
                }
            }
        }
    }

    public void completeLifecycleAction(Group g, Instance i, String hookName, String result, String source,
                                        Instant t) {
        lifecycleActions.add(new LifecycleActionRecord(g.name, hookName, i.id, result, source, t));
        i.lifecycleActionToken = null;
        if (result.equals("CONTINUE")) {
            i.moveTo("Pending:Proceed", t);
        } else {
            i.abandoned = true;
            i.healthStatus = "Unhealthy";
            i.moveTo("Terminating", t);
        }
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
                return;
            }
        }
    }

    /** Auto Scaling terminates instances that fail health checks; a refresh in flight has already judged them. */
    private boolean replaceUnhealthy(Group g, Instant t) {
        boolean changed = false;
        for (Instance i : g.instances) {
            if (i.inService() && i.healthStatus.equals("Unhealthy")) {
                i.moveTo("Terminating", t);
                changed = true;
            }
        }
        return changed;
    }

    /** Outside a refresh the group launches instances on its own configuration until it has its desired capacity. */
    private boolean restoreCapacity(Group g, Instant t) {
        boolean changed = false;
        while (g.liveCount() < g.desiredCapacity) {
            launch(g, resolve(g.launchTemplate), false, t);
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
                r.statusReason = "Cancelled with CancelInstanceRefresh.";
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

    private void plan(Group g, Refresh r, Instant t) {
        r.status = "InProgress";
        r.statusReason = null;
        RefreshPreferences p = r.preferences;
        boolean skipMatching = Boolean.TRUE.equals(p.skipMatching());
        String protectedMode = Objects.requireNonNullElse(p.scaleInProtectedInstances(), "Wait");
        for (Instance i : g.instances) {
            if (!i.live() || !(i.inService() || i.lifecycleState.equals("Standby"))) {
                continue;
            }
            if (skipMatching && i.runs(r.target)) {
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
        r.total = r.queue.size() + r.waitingProtected.size();
        updateProgress(r);
        if (r.total == 0) {
            r.statusReason = skipMatching ? "All instances already match the desired configuration." : null;
            finish(g, r, t);
        }
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
            if (!r.waitingProtected.isEmpty()) {
                return waitForProtected(g, r, t);
            }
            finish(g, r, t);
            return true;
        }
        int size = batchSize(g, p);
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
        boolean launchFirst = maxHealthy(p) > 100;
        startBatch(g, r, olds, olds.size(), r.target, doomed, launchFirst, t);
        return true;
    }

    private boolean waitForProtected(Group g, Refresh r, Instant t) {
        if (r.protectedWaitUntil == null) {
            r.protectedWaitUntil = t.plus(SimTimings.PROTECTED_WAIT);
            r.statusReason = "Waiting for instances protected from scale in to become unprotected: "
                    + String.join(", ", r.waitingProtected) + ". The instance refresh fails after one hour.";
            return true;
        }
        if (t.isBefore(r.protectedWaitUntil)) {
            return false;
        }
        r.protectedWaitUntil = null;
        fail(g, r, t, "Instance refresh failed: instances protected from scale in were not unprotected within one hour ("
                + String.join(", ", r.waitingProtected) + ").", List.of());
        return true;
    }

    private boolean nextRollbackBatch(Group g, Refresh r, Instant t) {
        pruneGone(g, r.revertQueue);
        int deficit = (int) Math.max(0, g.desiredCapacity - g.liveCount());
        if (r.revertQueue.isEmpty() && deficit == 0) {
            r.status = "RollbackSuccessful";
            r.endTime = t;
            r.percentage = 0;
            return true;
        }
        int size = Math.min(batchSize(g, r.preferences), r.revertQueue.size() + deficit);
        int terminate = Math.max(0, size - deficit);
        List<String> olds = new ArrayList<>();
        for (int k = 0; k < terminate && !r.revertQueue.isEmpty(); k++) {
            olds.add(r.revertQueue.poll());
        }
        startBatch(g, r, olds, size, r.original, faults.rollbackFails(g.name), true, t);
        return true;
    }

    private void startBatch(Group g, Refresh r, List<String> olds, int launchCount, LaunchTemplateRef with,
                            boolean doomed, boolean launchFirst, Instant t) {
        Refresh.Batch b = new Refresh.Batch(olds, launchCount, with, doomed,
                launchFirst ? Refresh.Batch.Phase.LAUNCH : Refresh.Batch.Phase.TERMINATE_FIRST);
        r.batch = b;
        if (launchFirst) {
            launchBatch(g, b, t);
        } else {
            for (String id : olds) {
                g.instance(id).ifPresent(i -> i.moveTo("Terminating", t));
            }
        }
        describeBatch(g, r);
    }

    private void launchBatch(Group g, Refresh.Batch b, Instant t) {
        for (int k = 0; k < b.launchCount; k++) {
            b.newIds.add(launch(g, b.launchWith, b.doomed, t).id);
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
                describeBatch(g, r);
                return true;
            }
            case LAUNCH -> {
                List<String> failed = failedInstances(g, b);
                if (!failed.isEmpty()) {
                    fail(g, r, t, failureReason(r, failed), failed);
                    return true;
                }
                if (b.newIds.stream().allMatch(id -> g.instance(id).map(Instance::inService).orElse(false))) {
                    b.phase = Refresh.Batch.Phase.WARMUP;
                    b.warmupEnds = t.plus(warmup(g, r.preferences));
                    describeBatch(g, r);
                    return true;
                }
                describeBatch(g, r);
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

    private void completeBatch(Group g, Refresh r, Instant t) {
        Refresh.Batch b = r.batch;
        for (String id : b.oldIds) {
            g.instance(id).filter(Instance::live).ifPresent(i -> i.moveTo("Terminating", t));
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
                i.moveTo("Terminating", t);
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
                g.instance(id).filter(i -> i.live() && !i.inService()).ifPresent(i -> i.moveTo("Terminating", t));
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
            if (i.live() && !i.runs(r.original)) {
                r.revertQueue.add(i.id);
            }
        }
        r.revertTotal = r.revertQueue.size();
    }

    public void cancel(Refresh r, Instant t) {
        r.status = "Cancelling";
        r.statusReason = "Cancellation requested with CancelInstanceRefresh; in-flight replacements finish first.";
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
        boolean complete = r.replaced >= r.total - r.waitingProtected.size();
        if (complete && r.desired != null) {
            g.launchTemplate = new LaunchTemplateRef(r.target.launchTemplateId(), r.target.launchTemplateName(),
                    isNumber(r.desired.version()) ? r.target.version() : r.desired.version());
            g.mixedInstancesPolicy = r.desiredMixed;
        }
        updateProgress(r);
    }

    private void describeBatch(Group g, Refresh r) {
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
                    .filter(i -> !i.inService()).findFirst()
                    .map(i -> i.id + " is " + i.lifecycleState).orElse(b.newIds.get(0) + " is launching");
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

    private Instance launch(Group g, LaunchTemplateRef with, boolean doomed, Instant t) {
        String zone = g.availabilityZones.stream()
                .min(Comparator.comparingLong(z -> g.instances.stream().filter(Instance::live)
                        .filter(i -> i.availabilityZone.equals(z)).count()))
                .orElse("eu-west-1a");
        String type = Optional.ofNullable(with).flatMap(w -> templates.byId(w.launchTemplateId()))
                .flatMap(tp -> tp.resolve(with.version())).map(v -> (String) v.data.get("InstanceType"))
                .orElse("t3.small");
        Instance i = new Instance(ids.nextInstanceId(), zone, type, "Pending", with, t);
        i.doomed = doomed;
        g.instances.add(i);
        return i;
    }

    /** Resolves a group's or refresh's template specification to template id + version number. */
    public LaunchTemplateRef resolve(LaunchTemplateRef spec) {
        if (spec == null) {
            return null;
        }
        Optional<LaunchTemplates.Template> tp = spec.launchTemplateId() != null
                ? templates.byId(spec.launchTemplateId()) : templates.byName(spec.launchTemplateName());
        return tp.flatMap(x -> x.resolve(spec.version()).map(v -> new LaunchTemplateRef(x.id, x.name, Long.toString(v.number))))
                .orElse(spec);
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

    static int minHealthy(RefreshPreferences p) {
        return p.minHealthyPercentage() != null ? p.minHealthyPercentage() : 90;
    }

    static int maxHealthy(RefreshPreferences p) {
        return p.maxHealthyPercentage() != null ? p.maxHealthyPercentage() : 100;
    }

    /** How many instances one round replaces: the room between the healthy floor and the capacity ceiling. */
    static int batchSize(Group g, RefreshPreferences p) {
        int desired = Math.max(1, g.desiredCapacity);
        int floor = (int) Math.ceil(desired * minHealthy(p) / 100.0);
        int ceiling = (int) Math.floor(desired * maxHealthy(p) / 100.0);
        return Math.max(1, ceiling - floor);
    }

    static boolean isNumber(String s) {
        return s != null && s.matches("[0-9]+");
    }
}
