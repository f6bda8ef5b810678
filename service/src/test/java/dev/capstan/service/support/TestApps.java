package dev.capstan.service.support;

import dev.capstan.service.CapstanApplication;
import dev.capstan.service.CapstanConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The service as the tests run it: the repository's own config.yml, random ports, a short drain, quiet logs. */
public final class TestApps {
    /** The root configuration, seen from the module directory where the tests run. */
    public static final String ROOT_CONFIG = "../config.yml";

    private TestApps() {
    }

    public static DropwizardAppExtension<CapstanConfiguration> capstan(ConfigOverride... extra) {
        return capstan(CapstanApplication.class, extra);
    }

    public static DropwizardAppExtension<CapstanConfiguration> capstan(
            Class<? extends CapstanApplication> application, ConfigOverride... extra) {
        final List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                // Every in-process app registers its drain with Jetty's JVM-wide shutdown thread: keep it short.
                ConfigOverride.config("health.shutdownWaitPeriod", "20ms"),
                ConfigOverride.config("logging.level", "WARN")));
        overrides.addAll(Arrays.asList(extra));
        return new DropwizardAppExtension<>(application, ROOT_CONFIG, overrides.toArray(ConfigOverride[]::new));
    }
}
