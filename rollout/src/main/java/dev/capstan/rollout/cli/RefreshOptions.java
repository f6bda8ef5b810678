package dev.capstan.rollout.cli;

import dev.capstan.rollout.refresh.RefreshSettings;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** The instance refresh preferences, as options; RefreshSettings checks them together. */
public final class RefreshOptions {
    @Option(names = "--min-healthy", paramLabel = "PERCENT",
            description = {"Percentage of desired capacity that must stay healthy during the refresh (0-100).",
                    "Default: the group's instance maintenance policy; without one, 100 (launch before terminate)."})
    Integer minHealthy;

    @Option(names = "--max-healthy", paramLabel = "PERCENT",
            description = {"Percentage of desired capacity the group may grow to during the refresh (100-200, at most",
                    "100 above --min-healthy; needs --min-healthy). Default: the group's instance maintenance policy;",
                    "without one, 200."})
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

    @Option(names = "--scale-in-protected-instances", paramLabel = "Refresh|Ignore|Wait",
            description = {"What the refresh does with instances protected from scale in: replace them, leave them,",
                    "or wait an hour for their protection to be removed and then fail (AWS's default). With Wait, the",
                    "preflight refuses a group that has such instances."})
    ProtectedInstances scaleInProtectedInstances;

    @Option(names = "--standby-instances", paramLabel = "Terminate|Ignore|Wait",
            description = {"What the refresh does with instances in Standby: terminate them, leave them, or wait an hour",
                    "for them to return to service and then fail (AWS's default). With Wait, the preflight refuses a",
                    "group that has such instances."})
    StandbyInstances standbyInstances;

    /** AWS's ScaleInProtectedInstances values (botocore autoscaling 2011-01-01). */
    enum ProtectedInstances { Refresh, Ignore, Wait }

    /** AWS's StandbyInstances values (botocore autoscaling 2011-01-01). */
    enum StandbyInstances { Terminate, Ignore, Wait }

    public RefreshSettings settings() {
        return new RefreshSettings(minHealthy, maxHealthy, warmup, checkpoints, checkpointDelay, alarms, bakeTime,
                skipMatching, autoRollback, scaleInProtectedInstances == null ? null : scaleInProtectedInstances.name(),
                standbyInstances == null ? null : standbyInstances.name());
    }
}
