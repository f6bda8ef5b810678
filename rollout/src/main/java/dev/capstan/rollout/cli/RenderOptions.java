package dev.capstan.rollout.cli;

import dev.capstan.userdata.UserDataTemplate;
import dev.capstan.userdata.UserDataValues;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options that shape the rendered boot script, shared by deploy, rollback and render-user-data. */
public final class RenderOptions {
    @Option(names = "--log-driver", paramLabel = "DRIVER", defaultValue = UserDataValues.DEFAULT_LOG_DRIVER,
            description = "Docker log driver the boot script passes to docker run. Default: ${DEFAULT-VALUE}.")
    String logDriver;

    @Option(names = "--log-group", paramLabel = "GROUP", defaultValue = UserDataValues.DEFAULT_LOG_GROUP,
            description = "CloudWatch Logs group for the awslogs driver. Default: ${DEFAULT-VALUE}.")
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

    public String logGroup() {
        return logGroup;
    }
}
