package dev.capstan.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import dev.capstan.service.support.Http;
import dev.capstan.service.support.TestApps;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.StreamSupport;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

@ExtendWith(DropwizardExtensionsSupport.class)
class OperationsTest {
    static final DropwizardAppExtension<CapstanConfiguration> APP = TestApps.capstan();

    private final Http app = Http.application(APP);
    private final Http admin = Http.admin(APP);

    /** The readiness check runs on its own schedule; give it a moment after start rather than racing it. */
    private HttpResponse<String> awaitReadiness() throws InterruptedException {
        final Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        HttpResponse<String> response = app.get("/health-check?type=ready");
        while (response.statusCode() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            response = app.get("/health-check?type=ready");
        }
        return response;
    }

    @Test
    void theServiceUsesTheObjectMapperWithoutBytecodeGeneration() {
        // Start-up time depends on it (docs/performance.md); StartupFriendlyObjectMapperTest tests the mapper itself.
        assertThat(APP.getObjectMapper().getRegisteredModuleIds())
                .isNotEmpty()
                .doesNotContain(new BlackbirdModule().getTypeId());
    }

    @Test
    void readinessAnswers200OnceTheServerHasStarted() throws InterruptedException {
        final HttpResponse<String> response = awaitReadiness();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"type\":\"ready\",\"healthy\":true}");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void livenessIsAnsweredSeparately() {
        final HttpResponse<String> response = app.get("/health-check?type=alive");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"type\":\"alive\",\"healthy\":true}");
    }

    @Test
    void thePublicHealthAnswerShowsNoInternalDetails() throws InterruptedException {
        awaitReadiness();
        for (String query : new String[] {"?name=all", "?type=ready&name=readiness", "?name=deadlocks", ""}) {
            final String body = app.get("/health-check" + query).body();
            assertThat(body).isEqualTo("{\"type\":\"ready\",\"healthy\":true}")
                    .doesNotContain("readiness").doesNotContain("deadlocks");
        }
    }

    @Test
    void theAdminPortListsEveryCheckWithItsDetails() {
        final JsonNode checks = Http.json(admin.get("/healthcheck"));

        assertThat(checks.fieldNames()).toIterable().contains("readiness", "deadlocks");
    }

    @Test
    void theAdminPortServesDropwizardsOwnEndpoints() {
        assertThat(admin.get("/ping").body().trim()).isEqualTo("pong");
        assertThat(admin.get("/threads").statusCode()).isEqualTo(200);
        assertThat(admin.get("/threads").body()).contains("dw-");
        assertThat(admin.get("/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void theAdminPortRunsNoTaskAndTheLogLevelCannotBeChangedThroughIt() {
        final Level before = ((Logger) LoggerFactory.getLogger("dev.capstan")).getLevel();

        for (String task : new String[] {"/tasks/log-level?logger=dev.capstan&level=TRACE", "/tasks/gc", "/tasks"}) {
            final HttpResponse<String> response = admin.post(task, "text/plain", "");
            assertThat(response.statusCode()).as(task).isIn(404, 405);
            assertThat(Http.json(response).path("code").asInt()).as(task).isEqualTo(response.statusCode());
        }
        assertThat(admin.get("/tasks").statusCode()).isEqualTo(404);
        assertThat(((Logger) LoggerFactory.getLogger("dev.capstan")).getLevel()).isEqualTo(before);
    }

    @Test
    void theAdminPortSaysWhereThisCopyRunsBesideWhatItRuns() {
        final HttpResponse<String> response = admin.get("/instance");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        final JsonNode instance = Http.json(response);
        assertThat(instance.fieldNames()).toIterable().containsExactlyInAnyOrder("instanceId", "availabilityZone",
                "version", "commit", "buildTime", "imageTag", "imageDigest");
        // The test JVM does not get the boot script's variables.
        assertThat(instance.path("instanceId").asText()).isEqualTo("local");
        assertThat(instance.path("availabilityZone").asText()).isEqualTo("local");
        final JsonNode version = Http.json(app.get("/v1/version"));
        version.fieldNames().forEachRemaining(field ->
                assertThat(instance.path(field)).as(field).isEqualTo(version.path(field)));
    }

    @Test
    void whereThisCopyRunsIsNotOnTheApplicationPort() {
        assertThat(app.get("/instance").statusCode()).isEqualTo(404);
        assertThat(app.get("/v1/version").body()).doesNotContain("instanceId").doesNotContain("availabilityZone");
    }

    @Test
    void theAdminPortAnswersUnknownPathsWithJson() {
        final HttpResponse<String> response = admin.get("/nope", "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Http.json(response).path("code").asInt()).isEqualTo(404);
    }

    @Test
    void everyResourceMethodIsTimedAndMeteredBesideJvmAndJettyMetrics() {
        app.get("/v1/hello");
        app.get("/v1/version");
        final JsonNode metrics = Http.json(admin.get("/metrics"));

        assertThat(metrics.path("timers").fieldNames()).toIterable().contains(
                "dev.capstan.service.resources.HelloResource.hello",
                "dev.capstan.service.resources.HelloResource.helloFromBody",
                "dev.capstan.service.resources.VersionResource.version");
        assertThat(metrics.path("meters").fieldNames()).toIterable().contains(
                "dev.capstan.service.resources.HelloResource.hello.exceptions",
                "dev.capstan.service.resources.HelloResource.helloFromBody.exceptions",
                "dev.capstan.service.resources.VersionResource.version.exceptions");
        assertThat(metrics.path("gauges").fieldNames()).toIterable()
                .contains("jvm.memory.heap.used", "jvm.threads.count",
                        "io.dropwizard.jetty.MutableServletContextHandler.percent-5xx-1m")
                .anySatisfy(name -> assertThat(name).startsWith("org.eclipse.jetty.util.thread.QueuedThreadPool.dw"));
        // Operators, alarms and the rolling replacement proof read these names.
        assertThat(metrics.path("timers").fieldNames()).toIterable()
                .contains("io.dropwizard.jetty.MutableServletContextHandler.requests");
        assertThat(metrics.path("counters").fieldNames()).toIterable()
                .contains("io.dropwizard.jetty.MutableServletContextHandler.active-requests");
        assertThat(metrics.path("meters").fieldNames()).toIterable()
                .contains("io.dropwizard.jetty.MutableServletContextHandler.4xx-responses",
                        "io.dropwizard.jetty.MutableServletContextHandler.5xx-responses");
        assertThat(metrics.path("timers").path("dev.capstan.service.resources.HelloResource.hello")
                .path("count").asLong()).isPositive();
    }

    @Test
    void theAdminConnectorListensOnLoopbackOnlyByDefault() {
        final Server server = APP.getEnvironment().getApplicationContext().getServer();
        final String adminHost = StreamSupport.stream(java.util.Arrays.spliterator(server.getConnectors()), false)
                .map(ServerConnector.class::cast)
                .filter(connector -> "admin".equals(connector.getName()))
                .map(ServerConnector::getHost)
                .findFirst().orElseThrow();

        assertThat(adminHost).isEqualTo("127.0.0.1");
    }
}
