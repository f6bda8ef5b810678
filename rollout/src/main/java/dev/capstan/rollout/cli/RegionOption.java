package dev.capstan.rollout.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** The region option, alone: for commands that read AWS once and never poll. */
public final class RegionOption {
    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region; default: the SDK's region chain (AWS_REGION, profile).")
    String region;

    public Optional<String> region() {
        return Optional.ofNullable(region);
    }
}
