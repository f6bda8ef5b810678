package dev.capstan.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.service.support.Http;
import dev.capstan.service.support.PrometheusScrape;
import dev.capstan.service.support.Promtool;
import dev.capstan.service.support.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged service.jar, started exactly as the container starts it. */
class ServiceJarIT {
    static ServiceProcess service;

    @BeforeAll
    static void start() {
        service = ServiceProcess.server(Map.of("DRAIN_WINDOW", "100ms", "SHUTDOWN_GRACE_PERIOD", "2s",
                "IMAGE_TAG", "3f2a1b0", "IMAGE_DIGEST", "sha256:0123abcd", "INSTANCE_ID", "i-0abc",
                "AVAILABILITY_ZONE", "eu-west-1b", "HELLO_DEFAULT_NAME", "Operator",
                // CloudWatch metric documents every second: every stdout line stays one JSON object with them.
                "EMF_INTERVAL", "1s"));
        service.await("readiness", Duration.ofSeconds(30),
                () -> service.app().status("/health-check?type=ready") == 200);
    }

    @AfterAll
    static void stop() {
        service.terminate();
        service.awaitExit(Duration.ofSeconds(10));
        service.close();
    }

    @Test
    void servesTheApiWithTheEnvironmentsSettings() {
        assertThat(Http.json(service.app().get("/v1/hello")).path("message").asText()).isEqualTo("Hello, Operator!");
    }

    @Test
    void versionReportsTheCommitItWasBuiltFromAndTheAdminPortWhereItRuns() throws Exception {
        final JsonNode version = Http.json(service.app().get("/v1/version"));

        assertThat(version.path("imageTag").asText()).isEqualTo("3f2a1b0");
        assertThat(version.path("imageDigest").asText()).isEqualTo("sha256:0123abcd");
        assertThat(version.has("instanceId")).as("instanceId on the public port").isFalse();
        assertThat(version.has("availabilityZone")).as("availabilityZone on the public port").isFalse();
        final JsonNode instance = Http.json(service.admin().get("/instance"));
        assertThat(instance.path("instanceId").asText()).isEqualTo("i-0abc");
        assertThat(instance.path("availabilityZone").asText()).isEqualTo("eu-west-1b");
        assertThat(instance.path("imageDigest").asText()).isEqualTo("sha256:0123abcd");
        final String builtFrom = System.getProperty("build.commit", "");
        if (builtFrom.matches("[0-9a-f]{40}")) {
            assertThat(version.path("commit").asText()).isEqualTo(builtFrom);
            // The commit's own time, never the clock's: rebuilding the same commit gives the same jar.
            final String commitTime = git("show", "-s", "--format=%ct", builtFrom).orElseThrow();
            assertThat(Instant.parse(version.path("buildTime").asText()))
                    .isEqualTo(Instant.ofEpochSecond(Long.parseLong(commitTime)));
        } else {
            assertThat(version.path("commit").asText()).isEqualTo("unknown");
        }
    }

    @Test
    void everyLineOnStdoutIsOneJsonObjectAndTheRequestLogCarriesTheRequestId() {
        service.app().get("/v1/hello?name=Ada", "X-Request-Id", "jar-it-7");
        service.app().get("/nope");
        service.await("the request log line", Duration.ofSeconds(5),
                () -> service.output().stream().anyMatch(line -> line.contains("jar-it-7")));

        final List<String> lines = service.output();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(Http.json(line).isObject()).isTrue());
        assertThat(lines.stream().map(Http::json)
                .filter(entry -> "/v1/hello".equals(entry.path("uri").asText())))
                .anySatisfy(entry -> {
                    assertThat(entry.path("status").asInt()).isEqualTo(200);
                    assertThat(entry.path("responseHeaders").path("X-Request-Id").asText()).isEqualTo("jar-it-7");
                });
        assertThat(lines.stream().map(Http::json).filter(entry -> entry.has("level")))
                .allSatisfy(entry -> assertThat(entry.path("message").isTextual()).isTrue());
    }

    @Test
    void prometheusAnswersFromTheShadedJarWithConventionalNames() {
        service.app().get("/v1/hello");
        service.await("the request in the histogram", Duration.ofSeconds(5), () -> PrometheusScrape.of(service.admin())
                .value("http_server_request_duration_seconds_count",
                        Map.of("method", "GET", "route", "/v1/hello", "status", "200")) > 0);

        final String exposition = service.admin().get("/prometheus").body();
        assertThat(PrometheusScrape.parse(exposition).families())
                .contains("jvm_memory_used_bytes", "jvm_gc_collection_seconds", "capstan_ready", "capstan_build_info");
        assertThat(PrometheusScrape.parse(exposition).samplesOf("capstan_build_info")).singleElement()
                .satisfies(info -> assertThat(info.labels()).containsEntry("image_tag", "3f2a1b0"));
        final Promtool.Verdict verdict = Promtool.checkMetrics(exposition);
        assertThat(verdict.output()).isEmpty();
        assertThat(verdict.exitCode()).isZero();
    }

    @Test
    void checkAcceptsTheRootConfiguration() {
        final ServiceProcess check = ServiceProcess.start(Map.of(), "check", "config.yml");

        assertThat(check.awaitExit(Duration.ofSeconds(60))).hasValue(0);
        assertThat(String.join("\n", check.output())).contains("Configuration is OK");
    }

    @Test
    void checkRefusesABadFileWithAClearMessageAndANonZeroExit(@TempDir Path dir) throws IOException {
        final Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, "server:\n  shutdownGracePeriod: 0s\nhello:\n  template: Hello there\n");

        final ServiceProcess check = ServiceProcess.start(Map.of(), "check", bad.toString());

        assertThat(check.awaitExit(Duration.ofSeconds(60))).hasValueSatisfying(code -> assertThat(code).isNotZero());
        assertThat(String.join("\n", check.output()))
                .containsPattern("bad.yml has (an error|the following errors)")
                .contains("HELLO_TEMPLATE")
                .contains("SHUTDOWN_GRACE_PERIOD")
                .doesNotContain("\tat ");
    }

    @Test
    void checkRefusesABadEnvironmentValueNamingTheSetting() {
        final ServiceProcess check = ServiceProcess.start(Map.of("ADMIN_PORT", "not-a-port"), "check", "config.yml");

        assertThat(check.awaitExit(Duration.ofSeconds(60))).hasValueSatisfying(code -> assertThat(code).isNotZero());
        assertThat(String.join("\n", check.output()))
                .contains("config.yml has an error")
                .contains("server.adminConnectors.[0].port");
    }

    @Test
    void serverRefusesABadEnvironmentValueWithTheMessageAloneAndANonZeroExit() {
        final ServiceProcess server = ServiceProcess.start(Map.of("DRAIN_WINDOW", "0s"), "server", "config.yml");

        assertThat(server.awaitExit(Duration.ofSeconds(60))).hasValueSatisfying(code -> assertThat(code).isNotZero());
        assertThat(String.join("\n", server.output()))
                .contains("config.yml has an error")
                .contains("DRAIN_WINDOW")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    private static Optional<String> git(String... args) throws IOException, InterruptedException {
        final List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            final String out = new String(process.getInputStream().readAllBytes()).trim();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0
                    ? Optional.of(out) : Optional.empty();
        } catch (IOException noGit) {
            return Optional.empty();
        }
    }
}
