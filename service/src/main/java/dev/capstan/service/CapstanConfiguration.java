package dev.capstan.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.capstan.service.core.HelloSettings;
import dev.capstan.service.metrics.emf.EmfSettings;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.health.DefaultHealthFactory;
import io.dropwizard.jetty.MutableServletContextHandler;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

public class CapstanConfiguration extends Configuration {
    static final Duration LONGEST_PHASE = Duration.minutes(5);
    private static final Set<String> LOG_LEVELS = Set.of("OFF", "ERROR", "WARN", "INFO", "DEBUG", "TRACE", "ALL");

    @Valid
    @NotNull
    private HelloSettings hello = new HelloSettings();

    @Valid
    @NotNull
    private EmfSettings cloudWatchMetrics = new EmfSettings();

    @JsonProperty("hello")
    public HelloSettings getHello() {
        return hello;
    }

    @JsonProperty("hello")
    public void setHello(HelloSettings hello) {
        this.hello = hello;
    }

    @JsonProperty("cloudWatchMetrics")
    public EmfSettings getCloudWatchMetrics() {
        return cloudWatchMetrics;
    }

    @JsonProperty("cloudWatchMetrics")
    public void setCloudWatchMetrics(EmfSettings cloudWatchMetrics) {
        this.cloudWatchMetrics = cloudWatchMetrics;
    }

    /** The drain window only exists when dropwizard-health's delayed shutdown is on; without it SIGTERM cuts at once. */
    @JsonIgnore
    @ValidationMethod(message = "health must be the default type with delayedShutdownHandlerEnabled: true and a "
            + "shutdownWaitPeriod (DRAIN_WINDOW) above 0 and at most 5 minutes")
    public boolean isDrainWindowValid() {
        return drainWindow().filter(CapstanConfiguration::isSensiblePhase).isPresent();
    }

    @JsonIgnore
    @ValidationMethod(message = "server.shutdownGracePeriod (SHUTDOWN_GRACE_PERIOD) must be above 0 and at most "
            + "5 minutes")
    public boolean isShutdownGracePeriodValid() {
        return shutdownGracePeriod().filter(CapstanConfiguration::isSensiblePhase).isPresent();
    }

    private static boolean isSensiblePhase(Duration phase) {
        return phase.toNanoseconds() > 0 && phase.compareTo(LONGEST_PHASE) <= 0;
    }

    @JsonIgnore
    @ValidationMethod(message = "logging.level (LOG_LEVEL) must be one of OFF, ERROR, WARN, INFO, DEBUG, TRACE, ALL")
    public boolean isLogLevelValid() {
        return Optional.of(getLoggingFactory())
                .filter(DefaultLoggingFactory.class::isInstance)
                .map(logging -> ((DefaultLoggingFactory) logging).getLevel())
                .map(level -> LOG_LEVELS.contains(level.toUpperCase(Locale.ROOT)))
                .orElse(true);
    }

    @JsonIgnore
    public Optional<Duration> drainWindow() {
        return getHealthFactory()
                .filter(DefaultHealthFactory.class::isInstance)
                .map(DefaultHealthFactory.class::cast)
                .filter(health -> health.isEnabled() && health.isDelayedShutdownHandlerEnabled())
                .map(DefaultHealthFactory::getShutdownWaitPeriod);
    }

    /**
     * The prefix of Dropwizard's request metrics on the application port (server.metricPrefix, which config.yml sets
     * to the name operators know); the same name when a configuration leaves it out.
     */
    @JsonIgnore
    public String requestMetricPrefix() {
        return Optional.of(getServerFactory())
                .filter(AbstractServerFactory.class::isInstance)
                .map(server -> ((AbstractServerFactory) server).getMetricPrefix())
                .orElse(MutableServletContextHandler.class.getName());
    }

    @JsonIgnore
    public Optional<Duration> shutdownGracePeriod() {
        return Optional.of(getServerFactory())
                .filter(AbstractServerFactory.class::isInstance)
                .map(server -> ((AbstractServerFactory) server).getShutdownGracePeriod());
    }
}
