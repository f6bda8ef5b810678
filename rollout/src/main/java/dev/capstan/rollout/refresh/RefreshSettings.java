package dev.capstan.rollout.refresh;

import dev.capstan.rollout.RolloutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.autoscaling.model.AlarmSpecification;
import software.amazon.awssdk.services.autoscaling.model.RefreshPreferences;

/**
 * The instance refresh preferences, checked together before anything changes. Null means "AWS's default".
 * The limits are AWS's documented ones for RefreshPreferences, plus one of ours: the last checkpoint must be 100,
 * because a deploy that stops part-way would leave two images in service.
 */
public record RefreshSettings(int minHealthy, Integer maxHealthy, Duration warmup, List<Integer> checkpoints,
                              Duration checkpointDelay, List<String> alarms, Duration bakeTime,
                              boolean skipMatching, boolean autoRollback) {
    private static final long MAX_DELAY_SECONDS = 172_800;
    private static final int MAX_ALARMS = 10;

    public RefreshSettings {
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
        alarms = alarms == null ? List.of() : List.copyOf(alarms);
    }

    /** Every problem at once, as one sentence; nothing is sent to AWS before this passes. */
    public RefreshSettings validated() {
        List<String> problems = new ArrayList<>();
        if (minHealthy < 0 || minHealthy > 100) {
            problems.add("--min-healthy must be 0 to 100 (got " + minHealthy + ")");
        }
        if (maxHealthy != null) {
            if (maxHealthy < 100 || maxHealthy > 200) {
                problems.add("--max-healthy must be 100 to 200 (got " + maxHealthy + ")");
            } else if (maxHealthy - minHealthy > 100) {
                problems.add("--max-healthy may exceed --min-healthy by at most 100 (got " + minHealthy + " and " + maxHealthy + ")");
            }
        }
        if (maxHealthy != null && maxHealthy == 100 && minHealthy == 100) {
            problems.add("--min-healthy 100 with --max-healthy 100 leaves AWS no room to replace any instance");
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

    public RefreshPreferences toAws() {
        RefreshPreferences.Builder b = RefreshPreferences.builder()
                .minHealthyPercentage(minHealthy)
                .skipMatching(skipMatching)
                .autoRollback(autoRollback);
        if (maxHealthy != null) {
            b.maxHealthyPercentage(maxHealthy);
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
        return b.build();
    }

    /** One line for the plan and the summary. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("min healthy " + minHealthy + "%");
        parts.add("max healthy " + (maxHealthy == null ? "100% (AWS default)" : maxHealthy + "%"));
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
        return String.join(", ", parts);
    }
}
