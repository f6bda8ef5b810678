package dev.capstan.rollout.cli;

import dev.capstan.rollout.ExitCode;
import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.deploy.ReleaseTags;
import dev.capstan.rollout.image.ImageReference;
import dev.capstan.rollout.lastgood.LastGoodValue;
import dev.capstan.rollout.template.ImageDescription;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "seed-last-good", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Create an environment's last-good image parameter, once, before its Service stack exists:",
                "resolves the tag in ECR and writes <repository>:<tag>@<digest>. Never overwrites: deploys keep it",
                "current from then on."})
public final class SeedLastGoodCommand implements Callable<Integer> {
    @ParentCommand
    RolloutCli root;

    @Option(names = "--parameter", paramLabel = "NAME",
            description = "SSM parameter name, e.g. /capstan/production/last-good-image. Default: the --asg group's tag "
                    + ReleaseTags.LAST_GOOD_PARAMETER + ".")
    String parameter;

    @Option(names = "--asg", paramLabel = "NAME", description = "Read the parameter name from this group's tag.")
    String group;

    @Option(names = "--repository", required = true, paramLabel = "REPO", description = "ECR repository name.")
    String repository;

    @Option(names = "--tag", required = true, paramLabel = "TAG", description = "Image tag already pushed to ECR.")
    String tag;

    @Mixin
    AwsOptions awsOptions;

    @Override
    public Integer call() {
        try (Wiring w = Wiring.open(root, awsOptions)) {
            String name = parameterName(w);
            ImageReference ref = w.images().resolve(repository, tag, Optional.empty()).reference();
            ImageDescription image = new ImageDescription(ref.repository(), ref.tag(), ref.digest());
            if (w.lastGood.seed(name, image)) {
                root.out().println("Created " + name + " = " + LastGoodValue.format(image) + ".");
                return ExitCode.SUCCESS;
            }
            ImageDescription recorded = w.lastGood.read(name).orElseThrow();
            if (recorded.digest().equals(image.digest())) {
                root.out().println(name + " already records " + LastGoodValue.format(recorded) + "; nothing to do.");
                return ExitCode.SUCCESS;
            }
            throw RolloutException.invalid("The parameter " + name + " already records " + LastGoodValue.format(recorded)
                    + "; seeding never overwrites it (deploys keep it current). If it is wrong, write it with "
                    + "aws ssm put-parameter --overwrite.");
        }
    }

    private String parameterName(Wiring w) {
        if (parameter != null) {
            return parameter;
        }
        if (group == null) {
            throw RolloutException.invalid("Name the parameter with --parameter, or the group that carries its tag with --asg.");
        }
        return w.groups.read(group).tag(ReleaseTags.LAST_GOOD_PARAMETER).orElseThrow(() -> RolloutException.invalid(
                "The group '" + group + "' has no tag " + ReleaseTags.LAST_GOOD_PARAMETER + "; pass --parameter."));
    }
}
