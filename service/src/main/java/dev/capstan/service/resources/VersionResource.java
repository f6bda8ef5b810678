package dev.capstan.service.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import dev.capstan.service.api.VersionInfo;
import dev.capstan.service.core.BuildInfo;
import dev.capstan.service.core.DeploymentInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/v1/version")
@Produces(MediaType.APPLICATION_JSON)
public class VersionResource {
    private final VersionInfo version;

    public VersionResource(BuildInfo build, DeploymentInfo deployment) {
        this.version = new VersionInfo(build.version(), build.commit(), build.buildTime(),
                deployment.imageTag(), deployment.imageDigest(), deployment.instanceId(),
                deployment.availabilityZone());
    }

    @GET
    @Timed
    @ExceptionMetered
    public VersionInfo version() {
        return version;
    }
}
