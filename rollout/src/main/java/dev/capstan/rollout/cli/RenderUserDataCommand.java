package dev.capstan.rollout.cli;

import dev.capstan.rollout.image.ImageReference;
import dev.capstan.userdata.RenderedUserData;
import dev.capstan.userdata.UserDataRenderer;
import dev.capstan.userdata.UserDataValues;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "render-user-data", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the boot script exactly as deploy writes it into a launch template version",
                "(deploy stores it base64-encoded). Needs no AWS access."})
public final class RenderUserDataCommand implements Callable<Integer> {
    @ParentCommand
    RolloutCli root;

    @Option(names = "--image", required = true, paramLabel = "REF",
            description = "Image pinned by digest: <registry>/<repository>@sha256:<hex>.")
    String image;

    @Option(names = "--tag", required = true, paramLabel = "TAG", description = "The tag the image was built as.")
    String tag;

    @Option(names = "--asg", required = true, paramLabel = "NAME", description = "The Auto Scaling group the instance belongs to.")
    String group;

    @Mixin
    RenderOptions render;

    @Override
    public Integer call() {
        ImageReference ref = ImageReference.parse(image, tag);
        RenderedUserData rendered = new UserDataRenderer().render(render.template(), new UserDataValues(
                ref.ref(), ref.tag(), ref.digest(), group, render.logDriver(),
                render.logGroup().orElse(UserDataValues.DEFAULT_LOG_GROUP)));
        root.out().print(rendered.script());
        root.out().flush();
        return 0;
    }
}
