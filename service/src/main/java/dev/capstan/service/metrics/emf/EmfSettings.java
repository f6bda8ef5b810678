package dev.capstan.service.metrics.emf;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** The {@code cloudWatchMetrics} section of the configuration: the CloudWatch metrics in the embedded metric format. */
public class EmfSettings {
    private boolean enabled = true;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS, message = "must be at least 1 second (EMF_INTERVAL)")
    @MaxDuration(value = 1, unit = TimeUnit.HOURS, message = "must be at most 1 hour (EMF_INTERVAL)")
    private Duration interval = Duration.seconds(60);

    @NotBlank(message = "must not be blank (SERVICE_NAME)")
    private String service = "capstan";

    @JsonProperty
    public boolean isEnabled() {
        return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @JsonProperty
    public Duration getInterval() {
        return interval;
    }

    @JsonProperty
    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    /** The Service dimension: which fleet this copy belongs to (the Auto Scaling group's name on an instance). */
    @JsonProperty
    public String getService() {
        return service;
    }

    @JsonProperty
    public void setService(String service) {
        this.service = service;
    }
}
