package dev.capstan.rollout.cli;

import dev.capstan.rollout.deploy.DeployRequest;
import dev.capstan.rollout.deploy.IfRefreshRunning;
import dev.capstan.rollout.deploy.PreviousRelease;
import dev.capstan.rollout.group.GroupSnapshot;
import dev.capstan.rollout.refresh.ActiveRefreshStop;
import dev.capstan.rollout.refresh.WatchResult;
import dev.capstan.rollout.template.TemplateInfo;
import dev.capstan.rollout.time.Deadline;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "rollback", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Roll back the group's active instance refresh (RollbackInstanceRefresh) and wait for it.",
                "With none active, deploy the previous release's image: the newest version whose refresh ended",
                "Successful with another image than the group runs (or --to-version), through the same steps as deploy."})
public final class RollbackCommand implements Callable<Integer> {
    @ParentCommand
    RolloutCli root;

    @Option(names = "--asg", required = true, paramLabel = "NAME", description = "Auto Scaling group.")
    String group;

    @Option(names = "--to-version", paramLabel = "N",
            description = "With no active refresh: redeploy the image of this launch template version instead of the previous one.")
    Long toVersion;

    @Mixin
    RenderOptions render;

    @Mixin
    RefreshOptions refresh;

    @Mixin
    ReleaseOptions release;

    @Mixin
    AwsOptions awsOptions;

    @Override
    public Integer call() {
        try (Wiring w = Wiring.open(root, awsOptions)) {
            Deadline deadline = Deadline.after(root.context().clock(), release.timeout);
            if (release.dryRun) {
                var active = w.refreshes.active(group);
                if (active.isPresent()) {
                    root.out().println("Would roll back instance refresh " + active.get().instanceRefreshId() + " ("
                            + active.get().statusAsString() + ") on " + group + " (dry run, nothing was changed).");
                    return 0;
                }
            } else {
                WatchResult stopped = new ActiveRefreshStop(w.refreshes, w.stopper, w.watcher)
                        .stop(group, ActiveRefreshStop.Kind.ROLLBACK, false, deadline, root.out());
                if (stopped != null) {
                    return StopOutcome.exitCode(stopped, "RollbackSuccessful", release.timeout, root.out());
                }
            }
            GroupSnapshot snapshot = w.groups.read(group);
            TemplateInfo template = w.templates.describe(snapshot.templateId(), snapshot.templateName());
            PreviousRelease.Found previous = new PreviousRelease(w.templates, w.refreshes).find(snapshot, template,
                    toVersion == null ? OptionalLong.empty() : OptionalLong.of(toVersion));
            root.out().println("No active instance refresh on " + group + "; redeploying the image of version "
                    + previous.version() + ": " + previous.image().text() + ".");
            DeployRequest request = release.request(render, refresh, group, previous.image().repository(),
                    previous.image().tag(), Optional.empty(), IfRefreshRunning.fail, Optional.empty(),
                    Duration.ofMinutes(5), Optional.of(previous.image().digest()));
            return w.deployer().deploy(request);
        }
    }
}
