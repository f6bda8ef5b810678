package dev.capstan.service.cli;

import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * Dropwizard's {@code server} command prints a stack trace under a configuration error; {@code check} prints only
 * the message. An operator reading a failed boot wants the message alone, so {@code server} answers as {@code check}
 * does for configuration errors, and as before for anything unexpected.
 */
public class ServerCommandWithPlainErrors<T extends Configuration> extends ServerCommand<T> {

    public ServerCommandWithPlainErrors(Application<T> application) {
        super(application);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        if (error instanceof ConfigurationException) {
            cli.getStdErr().println(error.getMessage());
        } else {
            super.onError(cli, namespace, error);
        }
    }
}
