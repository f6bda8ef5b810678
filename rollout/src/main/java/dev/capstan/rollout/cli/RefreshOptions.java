package dev.capstan.rollout.cli;

import dev.capstan.rollout.refresh.RefreshSettings;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** The instance refresh preferences, as options; RefreshSettings checks them together. */
public final class RefreshOptions {
    @Option(names = "--min-healthy", paramLabel = "PERCENT", defaultValue = "90",
            description = "Percentage of capacity that must stay healthy during the refresh (0-100). Default: ${DEFAULT-VALUE}.")
    int minHealthy;

    @Option(names = "--max-healthy", paramLabel = "PERCENT",
            description = "Percentage of capacity the group may grow to during the refresh (100-200, at most 100 above --min-healthy). Default: AWS's (100).")
    Integer maxHealthy;

    @Option(names = "--warmup", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time a new instance gets before it counts as healthy, e.g. 120s. Default: the group's.")
    Duration warmup;

    @Option(names = "--checkpoints", paramLabel = "PERCENT", split = ",",
            description = "Pause at these percentages, ascending, the last one 100, e.g. 20,50,100.")
    List<Integer> checkpoints;

    @Option(names = "--checkpoint-delay", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to pause at each checkpoint (up to 48h). Needs --checkpoints.")
    Duration checkpointDelay;

    @Option(names = "--alarms", paramLabel = "NAME", split = ",",
            description = "CloudWatch alarms that fail the refresh when they go to ALARM (at most 10).")
    List<String> alarms;

    @Option(names = "--bake-time", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time to watch the alarms after the last instance is replaced (up to 48h).")
    Duration bakeTime;

    @Option(names = "--skip-matching", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Skip instances that already run the new version. On by default; --no-skip-matching turns it off.")
    boolean skipMatching;

    @Option(names = "--auto-rollback", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Let AWS roll the group back when the refresh fails. On by default; --no-auto-rollback turns it off.")
    boolean autoRollback;

    public RefreshSettings settings() {
        return new RefreshSettings(minHealthy, maxHealthy, warmup, checkpoints, checkpointDelay, alarms, bakeTime,
                skipMatching, autoRollback);
    }
}
