package dev.capstan.service.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import dev.capstan.service.api.Greeting;
import dev.capstan.service.api.GreetingRequest;
import dev.capstan.service.core.Greeter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/v1/hello")
@Produces(MediaType.APPLICATION_JSON)
public class HelloResource {
    private final Greeter greeter;

    public HelloResource(Greeter greeter) {
        this.greeter = greeter;
    }

    @GET
    @Timed
    @ExceptionMetered
    public Greeting hello(@QueryParam("name") String name) {
        return greeter.greet(name);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed
    @ExceptionMetered
    public Greeting helloFromBody(GreetingRequest request) {
        return greeter.greet(request == null ? null : request.name());
    }
}
