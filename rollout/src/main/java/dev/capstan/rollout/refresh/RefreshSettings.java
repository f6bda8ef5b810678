package dev.capstan.rollout.refresh;

import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.group.MaintenancePolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.autoscaling.model.AlarmSpecification;
import software.amazon.awssdk.services.autoscaling.model.RefreshPreferences;

/**
 * The instance refresh preferences as the user gave them, checked together before anything changes. Null means
 * "not given". The limits are AWS's documented ones for RefreshPreferences (botocore autoscaling 2011-01-01), plus
 * one of ours: the last checkpoint must be 100, because a deploy that stops part-way would leave two images in
 * service.
 */
public record RefreshSettings(Integer minHealthy, Integer maxHealthy, Duration warmup, List<Integer> checkpoints,
                              Duration checkpointDelay, List<String> alarms, Duration bakeTime,
                              boolean skipMatching, boolean autoRollback, String scaleInProtectedInstances,
                              String standbyInstances) {
    private static final long MAX_DELAY_SECONDS = 172_800;
    private static final int MAX_ALARMS = 10;
    /** AWS's defaults for both modes (botocore {@code RefreshPreferences.ScaleInProtectedInstances}, {@code StandbyInstances}). */
    public static final String WAIT = "Wait";

    public RefreshSettings {
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
        alarms = alarms == null ? List.of() : List.copyOf(alarms);
    }

    /** Every problem at once, as one sentence; nothing is sent to AWS before this passes. */
    public RefreshSettings validated() {
        List<String> problems = new ArrayList<>();
        if (minHealthy != null && (minHealthy < 0 || minHealthy > 100)) {
            problems.add("--min-healthy must be 0 to 100 (got " + minHealthy + ")");
        }
        if (maxHealthy != null && (maxHealthy < 100 || maxHealthy > 200)) {
            problems.add("--max-healthy must be 100 to 200 (got " + maxHealthy + ")");
        }
        // "If you specify MaxHealthyPercentage, you must also specify MinHealthyPercentage" (RefreshPreferences).
        if (maxHealthy != null && minHealthy == null) {
            problems.add("--max-healthy needs --min-healthy, as AWS requires both together");
        }
        if (minHealthy != null && maxHealthy != null && maxHealthy - minHealthy > 100) {
            problems.add("--max-healthy may exceed --min-healthy by at most 100 (got " + minHealthy + " and " + maxHealthy + ")");
        }

        checkDuration(problems, "--warmup", warmup, Long.MAX_VALUE);
        checkDuration(problems, "--checkpoint-delay", checkpointDelay, MAX_DELAY_SECONDS);
        checkDuration(problems, "--bake-time", bakeTime, MAX_DELAY_SECONDS);
        checkCheckpoints(problems);
        if (checkpointDelay != null && checkpoints.isEmpty()) {
            problems.add("--checkpoint-delay needs --checkpoints");
        }
        if (alarms.size() > MAX_ALARMS) {
            problems.add("--alarms takes at most " + MAX_ALARMS + " alarm names (got " + alarms.size() + ")");
        }
        if (alarms.stream().anyMatch(a -> a.isBlank() || a.length() > 255)) {
            problems.add("--alarms names must be 1 to 255 characters");
        }
        if (!problems.isEmpty()) {
            throw RolloutException.invalid("The refresh preferences are invalid: " + String.join("; ", problems) + ".");
        }
        return this;
    }

    /**
     * The healthy range the refresh will keep on this group: the user's bounds first, then the group's instance
     * maintenance policy, then launch before terminate (min 100, max 200), so that a deploy never lowers serving
     * capacity and replaces every instance in one round. A bound the user left out while giving the other one takes
     * the policy's value, or AWS's default (100 for max).
     */
    public HealthyRange healthyRange(Optional<MaintenancePolicy> policy) {
        HealthyRange range;
        if (minHealthy == null && policy.isPresent()) {
            range = new HealthyRange(policy.get().minHealthy(), policy.get().maxHealthy(),
                    "the group's instance maintenance policy", false, false);
        } else if (minHealthy == null) {
            range = new HealthyRange(HealthyRange.LAUNCH_BEFORE_TERMINATE_MIN, HealthyRange.LAUNCH_BEFORE_TERMINATE_MAX,
                    "launch before terminate: the group has no instance maintenance policy", true, true);
        } else if (maxHealthy != null) {
            range = new HealthyRange(minHealthy, maxHealthy, "as given", true, true);
        } else {
            range = new HealthyRange(minHealthy, policy.map(MaintenancePolicy::maxHealthy).orElse(100),
                    "min as given, max " + (policy.isPresent() ? "from the group's instance maintenance policy" : "AWS's default"),
                    true, false);
        }
        checkRange(range);
        return range;
    }

    private static void checkRange(HealthyRange range) {
        if (range.max() - range.min() > 100) {
            throw RolloutException.invalid("The healthy range " + range.describe() + " is more than 100 points wide, "
                    + "which AWS refuses; narrow it with --min-healthy and --max-healthy.");
        }
    }

    private void checkCheckpoints(List<String> problems) {
        if (checkpoints.isEmpty()) {
            return;
        }
        int previous = 0;
        for (int p : checkpoints) {
            if (p < 1 || p > 100) {
                problems.add("--checkpoints values must be 1 to 100 (got " + p + ")");
                return;
            }
            if (p <= previous) {
                problems.add("--checkpoints must be strictly ascending (got " + checkpoints + ")");
                return;
            }
            previous = p;
        }
        if (previous != 100) {
            problems.add("the last of --checkpoints must be 100 so that every instance is replaced (got " + checkpoints + ")");
        }
    }

    private static void checkDuration(List<String> problems, String option, Duration d, long maxSeconds) {
        if (d == null) {
            return;
        }
        if (d.isNegative() || d.toNanos() % 1_000_000_000L != 0) {
            problems.add(option + " must be a whole number of seconds, zero or more");
        } else if (d.getSeconds() > maxSeconds) {
            problems.add(option + " must be at most " + maxSeconds + "s");
        }
    }

    public String protectedMode() {
        return scaleInProtectedInstances == null ? WAIT : scaleInProtectedInstances;
    }

    public String standbyMode() {
        return standbyInstances == null ? WAIT : standbyInstances;
    }

    public RefreshPreferences toAws(HealthyRange range) {
        RefreshPreferences.Builder b = RefreshPreferences.builder()
                .skipMatching(skipMatching)
                .autoRollback(autoRollback);
        if (range.sendMin()) {
            b.minHealthyPercentage(range.min());
        }
        if (range.sendMax()) {
            b.maxHealthyPercentage(range.max());
        }
        if (warmup != null) {
            b.instanceWarmup(Math.toIntExact(warmup.getSeconds()));
        }
        if (!checkpoints.isEmpty()) {
            b.checkpointPercentages(checkpoints);
        }
        if (checkpointDelay != null) {
            b.checkpointDelay(Math.toIntExact(checkpointDelay.getSeconds()));
        }
        if (bakeTime != null) {
            b.bakeTime(Math.toIntExact(bakeTime.getSeconds()));
        }
        if (!alarms.isEmpty()) {
            b.alarmSpecification(AlarmSpecification.builder().alarms(alarms).build());
        }
        if (scaleInProtectedInstances != null) {
            b.scaleInProtectedInstances(scaleInProtectedInstances);
        }
        if (standbyInstances != null) {
            b.standbyInstances(standbyInstances);
        }
        return b.build();
    }

    /** One line for the plan and the summary. */
    public String describe(HealthyRange range) {
        List<String> parts = new ArrayList<>();
        parts.add(range.describe());
        parts.add("warmup " + (warmup == null ? "group default" : warmup.getSeconds() + "s"));
        if (!checkpoints.isEmpty()) {
            parts.add("checkpoints " + checkpoints + (checkpointDelay == null ? "" : " every " + checkpointDelay.getSeconds() + "s"));
        }
        if (!alarms.isEmpty()) {
            parts.add("alarms " + String.join(",", alarms));
        }
        if (bakeTime != null) {
            parts.add("bake time " + bakeTime.getSeconds() + "s");
        }
        parts.add("skip matching " + (skipMatching ? "on" : "off"));
        parts.add("auto rollback " + (autoRollback ? "on" : "off"));
        if (scaleInProtectedInstances != null) {
            parts.add("protected instances " + scaleInProtectedInstances);
        }
        if (standbyInstances != null) {
            parts.add("standby instances " + standbyInstances);
        }
        return String.join(", ", parts);
    }
}
