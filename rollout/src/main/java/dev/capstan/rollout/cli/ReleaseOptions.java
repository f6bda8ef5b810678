package dev.capstan.rollout.cli;

import dev.capstan.rollout.deploy.DeployRequest;
import dev.capstan.rollout.deploy.IfRefreshRunning;
import dev.capstan.rollout.deploy.OnTimeout;
import dev.capstan.rollout.deploy.ReleaseTags;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options of every command that ships a release (deploy, and rollback when it redeploys the previous image). */
public final class ReleaseOptions {
    @Option(names = "--registry", paramLabel = "HOST",
            description = "Registry host for the image reference. Default: <registry id>.dkr.ecr.<region>.amazonaws.com.")
    String registry;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60m", converter = DurationConverter.class,
            description = "Give up waiting after this long (exit 3). Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--on-timeout", paramLabel = "rollback|cancel|leave", defaultValue = "rollback",
            description = "What to do with the new refresh on timeout, SIGINT or SIGTERM. Default: ${DEFAULT-VALUE}.")
    OnTimeout onTimeout;

    @Option(names = "--dry-run", description = "Run the preflight checks and print the plan; change nothing.")
    boolean dryRun;

    @Option(names = "--last-good-parameter", paramLabel = "NAME",
            description = {"SSM parameter holding the environment's last-good image, written when the deploy succeeds.",
                    "Default: the group's tag " + ReleaseTags.LAST_GOOD_PARAMETER + "."})
    String lastGoodParameter;

    Optional<String> registry() {
        return Optional.ofNullable(registry);
    }

    /**
     * The request deploy and rollback both send: these options with the render and refresh ones, as given; what to
     * ship and how to check it comes from the command.
     */
    DeployRequest request(RenderOptions render, RefreshOptions refresh, String group, String repository, String tag,
                          Optional<String> launchTemplate, IfRefreshRunning ifRefreshRunning, Optional<URI> verifyUrl,
                          Duration verifyTimeout, Optional<String> expectedDigest) {
        return new DeployRequest(group, repository, tag, launchTemplate, registry(), render.logDriver(),
                render.logGroup(), render.template(), refresh.settings(), ifRefreshRunning, timeout, onTimeout, dryRun,
                verifyUrl, verifyTimeout, expectedDigest, Optional.ofNullable(lastGoodParameter));
    }
}
