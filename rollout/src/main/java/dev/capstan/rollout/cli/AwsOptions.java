package dev.capstan.rollout.cli;

import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options the fleet commands share: the region, and the poll interval for those that wait on a refresh. */
public final class AwsOptions {
    @Mixin
    RegionOption region;

    @Option(names = "--poll-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Poll AWS at this fixed interval. Default: by phase, 5s while a refresh starts or stops, "
                    + "15s while it replaces instances (5s in its last round), 30s while it bakes.")
    java.time.Duration pollInterval;

    public Optional<java.time.Duration> pollInterval() {
        if (pollInterval != null && (pollInterval.isZero() || pollInterval.isNegative())) {
            throw dev.capstan.rollout.RolloutException.invalid("--poll-interval must be at least 1s.");
        }
        return Optional.ofNullable(pollInterval);
    }

    public Optional<String> region() {
        return region.region();
    }
}
