package dev.capstan.rollout.cli;

import dev.capstan.rollout.deploy.ReleaseTags;
import dev.capstan.rollout.group.GroupSnapshot;
import dev.capstan.rollout.lastgood.LastGoodValue;
import dev.capstan.rollout.report.StatusPrinter;
import dev.capstan.rollout.template.TemplateInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show the group's active and recent instance refreshes, its template's default version and the image each recent version carries.")
public final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    RolloutCli root;

    @Option(names = "--asg", required = true, paramLabel = "NAME", description = "Auto Scaling group.")
    String group;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "5",
            description = "How many recent refreshes and versions to show. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Mixin
    AwsOptions awsOptions;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw dev.capstan.rollout.RolloutException.invalid("--limit must be 1 or more (got " + limit + ").");
        }
        try (Wiring w = Wiring.open(root, awsOptions)) {
            GroupSnapshot snapshot = w.groups.read(group);
            TemplateInfo template = w.templates.describe(snapshot.templateId(), snapshot.templateName());
            new StatusPrinter(root.out()).print(snapshot, template,
                    w.templates.versions(template.id()).stream().limit(limit).toList(),
                    w.refreshes.recent(group, limit));
            snapshot.tag(ReleaseTags.LAST_GOOD_PARAMETER).ifPresent(name -> root.out().println("Last-good image ("
                    + name + "): " + w.lastGood.read(name).map(LastGoodValue::format).orElse("the parameter does not exist") + "."));
            return 0;
        }
    }
}
