package dev.capstan.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.service.support.TestApps;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.health.DefaultHealthFactory;
import dev.capstan.service.json.StartupFriendlyObjectMapper;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.util.Duration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.lookup.StringLookupFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The repository's own config.yml, read exactly as the service reads it, with a chosen environment. */
class RootConfigTest {
    static final Set<String> VARIABLES = Set.of("APP_BIND_HOST", "APP_PORT", "ADMIN_BIND_HOST", "ADMIN_PORT",
            "SHUTDOWN_GRACE_PERIOD", "DRAIN_WINDOW", "LOG_LEVEL", "HELLO_TEMPLATE", "HELLO_DEFAULT_NAME",
            "EMF_ENABLED", "EMF_INTERVAL", "SERVICE_NAME");

    static CapstanConfiguration load(Map<String, String> environment) throws IOException, ConfigurationException {
        // The production substitutor, reading from a map instead of the process environment.
        final EnvironmentVariableSubstitutor substitutor = new EnvironmentVariableSubstitutor(false);
        substitutor.setVariableResolver(StringLookupFactory.INSTANCE.mapStringLookup(environment));
        final YamlConfigurationFactory<CapstanConfiguration> factory = new YamlConfigurationFactory<>(
                CapstanConfiguration.class, Validators.newValidator(), StartupFriendlyObjectMapper.create(), "root-config-test");
        return factory.build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), substitutor),
                TestApps.ROOT_CONFIG);
    }

    private static HttpConnectorFactory connector(CapstanConfiguration config, boolean admin) {
        final DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        return (HttpConnectorFactory) (admin ? server.getAdminConnectors() : server.getApplicationConnectors()).get(0);
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() throws Exception {
        final CapstanConfiguration config = load(Map.of());

        assertThat(connector(config, false).getPort()).isEqualTo(8080);
        assertThat(connector(config, false).getBindHost()).isEqualTo("0.0.0.0");
        assertThat(connector(config, true).getPort()).isEqualTo(8081);
        assertThat(connector(config, true).getBindHost()).isEqualTo("127.0.0.1");
        assertThat(config.drainWindow()).hasValue(Duration.seconds(15));
        assertThat(config.shutdownGracePeriod()).hasValue(Duration.seconds(15));
        assertThat(((DefaultLoggingFactory) config.getLoggingFactory()).getLevel()).isEqualTo("INFO");
        assertThat(config.getHello().getTemplate()).isEqualTo("Hello, %s!");
        assertThat(config.getHello().getDefaultName()).isEqualTo("Stranger");
        assertThat(config.getCloudWatchMetrics().isEnabled()).isTrue();
        assertThat(config.getCloudWatchMetrics().getInterval()).isEqualTo(Duration.seconds(60));
        assertThat(config.getCloudWatchMetrics().getService()).isEqualTo("capstan");
    }

    @Test
    void theDefaultDrainOutlastsTheTimeTheLoadBalancerNeedsToSeeReadinessFail() throws Exception {
        // Target group health check (docs/operations.md): interval 5 s, timeout 2 s, unhealthy threshold 2.
        final long loadBalancerNoticesAfterMillis = 2 * 5_000 + 2_000;

        assertThat(load(Map.of()).drainWindow()).hasValueSatisfying(
                drain -> assertThat(drain.toMilliseconds()).isGreaterThan(loadBalancerNoticesAfterMillis));
    }

    @Test
    void idleKeepAliveConnectionsOutliveTheLoadBalancersIdleTimeout() throws Exception {
        // An ALB's default idle timeout is 60 s; the side that closes an idle connection must be the load balancer.
        assertThat(connector(load(Map.of()), false).getIdleTimeout().toSeconds()).isGreaterThan(60);
    }

    @Test
    void readinessStartsFalseAndTurnsOffOnShutdown() throws Exception {
        final DefaultHealthFactory health = (DefaultHealthFactory) load(Map.of()).getHealthFactory().orElseThrow();

        assertThat(health.isInitialOverallState()).isFalse();
        assertThat(health.isDelayedShutdownHandlerEnabled()).isTrue();
        assertThat(health.getHealthCheckUrlPaths()).containsExactly("/health-check");
        assertThat(health.getHealthCheckConfigurations()).anySatisfy(check -> {
            assertThat(check.getName()).isEqualTo("readiness");
            assertThat(check.isCritical()).isTrue();
            assertThat(check.isInitialState()).isFalse();
        });
    }

    @Test
    void everyVariableOverridesItsSetting() throws Exception {
        final CapstanConfiguration config = load(Map.ofEntries(
                Map.entry("APP_BIND_HOST", "127.0.0.2"), Map.entry("APP_PORT", "9090"),
                Map.entry("ADMIN_BIND_HOST", "0.0.0.0"), Map.entry("ADMIN_PORT", "9091"),
                Map.entry("SHUTDOWN_GRACE_PERIOD", "7s"), Map.entry("DRAIN_WINDOW", "3s"),
                Map.entry("LOG_LEVEL", "DEBUG"), Map.entry("HELLO_TEMPLATE", "Hi %s, welcome."),
                Map.entry("HELLO_DEFAULT_NAME", "World"), Map.entry("EMF_ENABLED", "false"),
                Map.entry("EMF_INTERVAL", "10s"), Map.entry("SERVICE_NAME", "capstan-prod-asg")));

        assertThat(connector(config, false).getBindHost()).isEqualTo("127.0.0.2");
        assertThat(connector(config, false).getPort()).isEqualTo(9090);
        assertThat(connector(config, true).getBindHost()).isEqualTo("0.0.0.0");
        assertThat(connector(config, true).getPort()).isEqualTo(9091);
        assertThat(config.shutdownGracePeriod()).hasValue(Duration.seconds(7));
        assertThat(config.drainWindow()).hasValue(Duration.seconds(3));
        assertThat(((DefaultLoggingFactory) config.getLoggingFactory()).getLevel()).isEqualTo("DEBUG");
        assertThat(config.getHello().getTemplate()).isEqualTo("Hi %s, welcome.");
        assertThat(config.getHello().getDefaultName()).isEqualTo("World");
        assertThat(config.getCloudWatchMetrics().isEnabled()).isFalse();
        assertThat(config.getCloudWatchMetrics().getInterval()).isEqualTo(Duration.seconds(10));
        assertThat(config.getCloudWatchMetrics().getService()).isEqualTo("capstan-prod-asg");
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource(delimiter = '|', value = {
        "APP_PORT              | http       | port",
        "ADMIN_PORT            | 70000      | port",
        "DRAIN_WINDOW          | 0s         | DRAIN_WINDOW",
        "DRAIN_WINDOW          | 6 minutes  | DRAIN_WINDOW",
        "DRAIN_WINDOW          | soon       | shutdownWaitPeriod",
        "SHUTDOWN_GRACE_PERIOD | 0s         | SHUTDOWN_GRACE_PERIOD",
        "LOG_LEVEL             | LOUD       | LOG_LEVEL",
        "HELLO_TEMPLATE        | Hi there   | HELLO_TEMPLATE",
        "HELLO_TEMPLATE        | 100% %s    | HELLO_TEMPLATE",
        "HELLO_DEFAULT_NAME    | <nobody>   | HELLO_DEFAULT_NAME",
        "EMF_INTERVAL          | 0s         | EMF_INTERVAL",
        "EMF_INTERVAL          | 2 hours    | EMF_INTERVAL",
        "EMF_ENABLED           | maybe      | enabled",
        "SERVICE_NAME          | ''         | SERVICE_NAME",
    })
    void aBadValueIsRefusedWithAMessageNamingIt(String variable, String value, String named) {
        assertThatThrownBy(() -> load(Map.of(variable, value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(named);
    }

    @Test
    void everySettingAnOperatorMayChangeIsAVariableAndEveryVariableIsDocumented() throws IOException {
        final String config = Files.readAllLines(Path.of(TestApps.ROOT_CONFIG)).stream()
                .filter(line -> !line.trim().startsWith("#"))
                .collect(java.util.stream.Collectors.joining("\n"));
        // The CloudWatch metrics' variables are documented with them.
        final String operations = Files.readString(Path.of("../docs/operations.md"))
                + Files.readString(Path.of("../docs/metrics.md"));
        final Set<String> used = new TreeSet<>();
        final Matcher matcher = Pattern.compile("\\$\\{([A-Z_]+):-").matcher(config);
        while (matcher.find()) {
            used.add(matcher.group(1));
        }

        assertThat(used).containsExactlyInAnyOrderElementsOf(VARIABLES);
        assertThat(VARIABLES).allSatisfy(variable -> assertThat(operations).contains("`" + variable + "`"));
    }
}
