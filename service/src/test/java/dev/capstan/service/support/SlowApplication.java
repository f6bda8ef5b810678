package dev.capstan.service.support;

import dev.capstan.service.CapstanApplication;
import dev.capstan.service.CapstanConfiguration;
import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The real application plus one test-only resource that takes as long as asked, to hold a request in flight while
 * the process is being stopped. Run from the packaged jar with the test classes beside it.
 */
public class SlowApplication extends CapstanApplication {
    public static void main(String[] args) throws Exception {
        launch(new SlowApplication(), args);
    }

    @Override
    public void run(CapstanConfiguration configuration, Environment environment) {
        super.run(configuration, environment);
        environment.jersey().register(new SlowResource());
    }

    @Path("/test/slow")
    @Produces(MediaType.APPLICATION_JSON)
    public static class SlowResource {
        @GET
        public String slow(@QueryParam("millis") long millis) throws InterruptedException {
            Thread.sleep(millis);
            return "{\"slept\":" + millis + "}";
        }
    }
}
