package dev.capstan.service.health;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.health.HealthStateAggregator;
import io.dropwizard.health.HealthStatusChecker;
import io.dropwizard.health.response.HealthResponse;
import io.dropwizard.health.response.HealthResponseProvider;
import io.dropwizard.health.response.HealthResponseProviderFactory;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The public health answer: only the verdict. Dropwizard's JSON provider lists every check's name, type and state on
 * request ({@code ?name=all}); those details stay on the admin port ({@code /healthcheck}).
 */
@JsonTypeName("status-only")
public class StatusOnlyHealthResponseProviderFactory implements HealthResponseProviderFactory {
    @Override
    public HealthResponseProvider build(HealthStatusChecker checker, HealthStateAggregator aggregator,
                                        ObjectMapper mapper) {
        return queryParams -> respond(checker, queryParams);
    }

    private static HealthResponse respond(HealthStatusChecker checker, Map<String, Collection<String>> queryParams) {
        final String requested = queryParams.getOrDefault("type", List.of()).stream().findFirst().orElse("ready");
        final String type = "alive".equalsIgnoreCase(requested) ? "alive" : "ready";
        final boolean healthy = checker.isHealthy(type);
        final String body = "{\"type\":\"" + type + "\",\"healthy\":" + healthy + "}";
        return new HealthResponse(healthy, body, "application/json", healthy ? 200 : 503);
    }
}
