package dev.capstan.service.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import dev.capstan.service.api.VersionInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/v1/version")
@Produces(MediaType.APPLICATION_JSON)
public class VersionResource {
    private final VersionInfo version;

    public VersionResource(VersionInfo version) {
        this.version = version;
    }

    @GET
    @Timed
    @ExceptionMetered
    public VersionInfo version() {
        return version;
    }
}
