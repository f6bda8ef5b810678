package dev.capstan.service.support;

import dev.capstan.service.CapstanApplication;
import dev.capstan.service.CapstanConfiguration;
import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real application plus one test-only resource that writes an application log line while it is handled. */
public class ProbeApplication extends CapstanApplication {
    @Override
    public void run(CapstanConfiguration configuration, Environment environment) {
        super.run(configuration, environment);
        environment.jersey().register(new LoggingProbe());
    }

    @Path("/test/log")
    @Produces(MediaType.APPLICATION_JSON)
    public static class LoggingProbe {
        public static final Logger LOGGER = LoggerFactory.getLogger(LoggingProbe.class);

        @GET
        public String log() {
            LOGGER.warn("probe");
            return "{}";
        }
    }
}
