package dev.capstan.rollout.cli;

import dev.capstan.rollout.prune.Pruner;
import dev.capstan.rollout.prune.TemplateUsage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "prune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Delete old launch template versions. Keeps the newest N, the default version, and every",
                "version a group names, an instance runs or an active refresh targets. Exit 1 if some deletions fail."})
public final class PruneCommand implements Callable<Integer> {
    @ParentCommand
    RolloutCli root;

    @Option(names = "--launch-template", required = true, paramLabel = "NAME", description = "Launch template name.")
    String template;

    @Option(names = "--keep", required = true, paramLabel = "N", description = "How many of the newest versions to keep (1 or more).")
    int keep;

    @Option(names = "--dry-run", description = "List what would be deleted; delete nothing.")
    boolean dryRun;

    @Mixin
    AwsOptions awsOptions;

    @Override
    public Integer call() {
        try (Wiring w = Wiring.open(root, awsOptions)) {
            return new Pruner(w.aws.ec2(), w.templates, new TemplateUsage(w.groups, w.refreshes), root.out())
                    .prune(template, keep, dryRun);
        }
    }
}
