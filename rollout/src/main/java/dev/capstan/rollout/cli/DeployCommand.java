package dev.capstan.rollout.cli;

import dev.capstan.rollout.deploy.DeployRequest;
import dev.capstan.rollout.deploy.IfRefreshRunning;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "deploy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Deploy an ECR image to an Auto Scaling group: new launch template version from the one the group runs,",
                "instance refresh to that version by number, wait, then record it as last good, make it the default and verify."})
public final class DeployCommand implements Callable<Integer> {
    @ParentCommand
    RolloutCli root;

    @Option(names = "--asg", required = true, paramLabel = "NAME", description = "Auto Scaling group to deploy to.")
    String group;

    @Option(names = "--repository", required = true, paramLabel = "REPO", description = "ECR repository name, e.g. capstan.")
    String repository;

    @Option(names = "--tag", required = true, paramLabel = "TAG", description = "Image tag to deploy (CI: the git sha).")
    String tag;

    @Option(names = "--launch-template", paramLabel = "NAME",
            description = "Launch template name or id; must be the group's. Default: read from the group.")
    String launchTemplate;

    @Mixin
    RenderOptions render;

    @Mixin
    RefreshOptions refresh;

    @Option(names = "--if-refresh-running", paramLabel = "fail|wait|cancel", defaultValue = "fail",
            description = "When the group already has a refresh running: fail (exit 2), wait for it, or cancel it. Default: ${DEFAULT-VALUE}.")
    IfRefreshRunning ifRefreshRunning;

    @Mixin
    ReleaseOptions release;

    @Option(names = "--verify-url", paramLabel = "URL",
            description = "After success, poll URL/v1/version until it reports the new image digest.")
    URI verifyUrl;

    @Option(names = "--verify-timeout", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "How long --verify-url may take. Default: ${DEFAULT-VALUE}.")
    Duration verifyTimeout;

    @Mixin
    AwsOptions awsOptions;

    @Override
    public Integer call() {
        DeployRequest request = release.request(render, refresh, group, repository, tag,
                Optional.ofNullable(launchTemplate), ifRefreshRunning, Optional.ofNullable(verifyUrl), verifyTimeout,
                Optional.empty());
        try (Wiring w = Wiring.open(root, awsOptions)) {
            return w.deployer().deploy(request);
        }
    }
}
