package dev.capstan.rollout.cli;

import dev.capstan.userdata.UserDataTemplate;
import dev.capstan.userdata.UserDataValues;
import dev.capstan.rollout.deploy.ReleaseTags;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options that shape the rendered boot script, shared by deploy, rollback and render-user-data. */
public final class RenderOptions {
    @Option(names = "--log-driver", paramLabel = "DRIVER", defaultValue = UserDataValues.DEFAULT_LOG_DRIVER,
            description = "Docker log driver the boot script passes to docker run. Default: ${DEFAULT-VALUE}.")
    String logDriver;

    @Option(names = "--log-group", paramLabel = "GROUP",
            description = {"CloudWatch Logs group for the awslogs driver. Default: the group's tag " + ReleaseTags.LOG_GROUP + ",",
                    "else " + UserDataValues.DEFAULT_LOG_GROUP + "."})
    String logGroup;

    @Option(names = "--template", paramLabel = "FILE",
            description = "Boot script template to render instead of the userdata/boot.sh bundled in this jar.")
    Path template;

    public UserDataTemplate template() {
        return template == null ? UserDataTemplate.bundled() : UserDataTemplate.fromFile(template);
    }

    public String logDriver() {
        return logDriver;
    }

    /** The log group given on the command line, if any; deploy falls back to the group's tag. */
    public Optional<String> logGroup() {
        return Optional.ofNullable(logGroup);
    }
}
