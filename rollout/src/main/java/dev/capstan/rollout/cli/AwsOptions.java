package dev.capstan.rollout.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command that talks to AWS shares. */
public final class AwsOptions {
    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region; default: the SDK's region chain (AWS_REGION, profile).")
    String region;

    public Optional<String> region() {
        return Optional.ofNullable(region);
    }
}
