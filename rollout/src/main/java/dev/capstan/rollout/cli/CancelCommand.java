package dev.capstan.rollout.cli;

import dev.capstan.rollout.refresh.ActiveRefreshStop;
import dev.capstan.rollout.refresh.WatchResult;
import dev.capstan.rollout.time.Deadline;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "cancel", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Cancel the group's active instance refresh and wait until it stops.",
                "Instances already replaced keep the new version; use rollback to undo them."})
public final class CancelCommand implements Callable<Integer> {
    @ParentCommand
    RolloutCli root;

    @Option(names = "--asg", required = true, paramLabel = "NAME", description = "Auto Scaling group.")
    String group;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m", converter = DurationConverter.class,
            description = "Stop waiting after this long (exit 3). Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--stop-rollback",
            description = "Also cancel a rollback in progress, leaving the group on two versions. Off by default.")
    boolean stopRollback;

    @Mixin
    AwsOptions awsOptions;

    @Override
    public Integer call() {
        try (Wiring w = Wiring.open(root, awsOptions)) {
            WatchResult result = new ActiveRefreshStop(w.refreshes, w.stopper, w.watcher)
                    .stop(group, ActiveRefreshStop.Kind.CANCEL, stopRollback, Deadline.after(root.context().clock(), timeout), root.out());
            if (result == null) {
                throw ActiveRefreshStop.nothingActive(group);
            }
            return StopOutcome.exitCode(result, "Cancelled", timeout, root.out());
        }
    }
}
