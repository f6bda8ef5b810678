package dev.capstan.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.service.core.RequestLimits;
import dev.capstan.service.support.Http;
import dev.capstan.service.support.PrometheusScrape;
import dev.capstan.service.support.Promtool;
import dev.capstan.service.support.ServiceProcess;
import dev.capstan.service.support.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin port's {@code /prometheus}, over real HTTP, as Prometheus and common dashboards read it. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PrometheusEndpointTest {
    static final DropwizardAppExtension<CapstanConfiguration> APP = TestApps.capstan();
    static final String REQUESTS = "http_server_request_duration_seconds_count";
    /** Every family that is not the Prometheus client's JVM and process instrumentation. */
    static final Set<String> SERVICE_FAMILIES = Set.of("http_server_request_duration_seconds",
            "http_server_active_requests", "capstan_ready", "capstan_build_info", "jetty_threads_current",
            "jetty_threads_busy", "jetty_threads_config_max", "jetty_threads_jobs");

    private final Http app = Http.application(APP);
    private final Http admin = Http.admin(APP);

    private PrometheusScrape scrape() {
        return PrometheusScrape.of(admin);
    }

    private static double requests(PrometheusScrape scrape, String method, String route, String status) {
        return scrape.value(REQUESTS, Map.of("method", method, "route", route, "status", status));
    }

    /** Jetty records a request when it has completed, which may be just after the client has read the answer. */
    private PrometheusScrape awaitScrape(String what, Predicate<PrometheusScrape> condition) {
        final Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        PrometheusScrape scrape = scrape();
        while (!condition.test(scrape) && Instant.now().isBefore(deadline)) {
            ServiceProcess.pause(Duration.ofMillis(20));
            scrape = scrape();
        }
        assertThat(condition.test(scrape)).as(what).isTrue();
        return scrape;
    }

    private static double total(PrometheusScrape scrape) {
        return scrape.samplesOf(REQUESTS).stream().mapToDouble(PrometheusScrape.Sample::value).sum();
    }

    @Test
    void promtoolFindsNothingToSayAboutTheExposition() {
        app.get("/v1/hello");
        app.get("/no/such/path");
        awaitScrape("both requests counted", scrape -> requests(scrape, "GET", "unmatched", "404") > 0);

        final Promtool.Verdict verdict = Promtool.checkMetrics(admin.get("/prometheus").body());

        assertThat(verdict.output()).isEmpty();
        assertThat(verdict.exitCode()).isZero();
    }

    @Test
    void theEndpointAnswersInTheTextFormatAndIsNeverCached() {
        final HttpResponse<String> response = admin.get("/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void eachRequestIsCountedUnderItsRouteTemplateAndStatus() {
        final PrometheusScrape before = scrape();

        assertThat(app.get("/v1/hello?name=Ada").statusCode()).isEqualTo(200);
        assertThat(app.post("/v1/hello", "application/json", "{\"name\":").statusCode()).isEqualTo(400);
        assertThat(app.get("/no/such/path").statusCode()).isEqualTo(404);
        assertThat(app.get("/v1/hello/Ada").statusCode()).isEqualTo(404);
        assertThat(app.post("/v1/hello", "application/json", new byte[RequestLimits.MAX_BODY_BYTES + 1])
                .statusCode()).isEqualTo(413);
        assertThat(app.post("/v1/hello", "application/json", "{}", "Content-Encoding", "gzip").statusCode())
                .isEqualTo(415);
        assertThat(app.get("/health-check?type=alive").statusCode()).isEqualTo(200);
        assertThat(app.method("BREW", "/v1/hello").statusCode()).isEqualTo(405);

        final PrometheusScrape after = awaitScrape("all eight requests counted",
                scrape -> total(scrape) - total(before) >= 8);
        assertThat(total(after) - total(before)).isEqualTo(8);
        assertThat(counted(before, after, "GET", "/v1/hello", "200")).isEqualTo(1);
        assertThat(counted(before, after, "POST", "/v1/hello", "400")).isEqualTo(1);
        assertThat(counted(before, after, "GET", "unmatched", "404")).isEqualTo(2);
        // Refused by Jetty before any servlet saw them: no route served them.
        assertThat(counted(before, after, "POST", "unmatched", "413")).isEqualTo(1);
        assertThat(counted(before, after, "POST", "unmatched", "415")).isEqualTo(1);
        assertThat(counted(before, after, "GET", "/health-check", "200")).isEqualTo(1);
        assertThat(counted(before, after, "OTHER", "unmatched", "405")).isEqualTo(1);
    }

    private static double counted(PrometheusScrape before, PrometheusScrape after, String method, String route,
                                  String status) {
        return requests(after, method, route, status) - requests(before, method, route, status);
    }

    @Test
    void theHistogramHasTheBucketsOfAFastApiAndItsSumInSeconds() {
        app.get("/v1/version");
        final PrometheusScrape scrape = awaitScrape("the request counted",
                after -> requests(after, "GET", "/v1/version", "200") > 0);
        final Map<String, String> series = Map.of("method", "GET", "route", "/v1/version", "status", "200");

        assertThat(scrape.samplesOf("http_server_request_duration_seconds_bucket").stream()
                .filter(sample -> sample.labels().entrySet().containsAll(series.entrySet()))
                .map(sample -> sample.labels().get("le")))
                .containsExactly("0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0",
                        "2.5", "5.0", "10.0", "+Inf");
        final double count = scrape.value(REQUESTS, series);
        assertThat(scrape.value("http_server_request_duration_seconds_bucket", withLe(series, "+Inf")))
                .isEqualTo(count);
        assertThat(scrape.value("http_server_request_duration_seconds_sum", series))
                .isPositive().isLessThan(count * 10);
    }

    private static Map<String, String> withLe(Map<String, String> labels, String le) {
        final Map<String, String> with = new java.util.HashMap<>(labels);
        with.put("le", le);
        return with;
    }

    @Test
    void randomPathsAndMethodsAddNoSeries() {
        final double start = total(scrape());
        app.get("/first-unknown-path");
        app.method("BREW", "/first-unknown-method");
        final PrometheusScrape before = awaitScrape("the first unknown path and method counted",
                scrape -> total(scrape) - start >= 2);

        final ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 200; i++) {
            app.get("/" + UUID.randomUUID() + "/" + random.nextLong());
            app.method("X" + Long.toString(random.nextLong(Long.MAX_VALUE), 36).toUpperCase(), "/" + UUID.randomUUID());
        }

        final PrometheusScrape after = awaitScrape("all 400 requests counted",
                scrape -> total(scrape) - total(before) >= 400);
        assertThat(requestSeries(after)).isEqualTo(requestSeries(before));
    }

    private static Set<String> requestSeries(PrometheusScrape scrape) {
        return scrape.samples().stream()
                .filter(sample -> sample.name().startsWith("http_server_request_duration_seconds"))
                .map(sample -> sample.name() + sample.labels())
                .collect(Collectors.toSet());
    }

    @Test
    void theAdminPortsRequestsAreNotCounted() {
        app.get("/v1/hello");
        final PrometheusScrape before = settled();

        admin.get("/ping");
        admin.get("/metrics");
        admin.get("/no/such/admin/path");
        admin.get("/prometheus");

        final PrometheusScrape after = settled();
        assertThat(total(after)).isEqualTo(total(before));
        assertThat(after.samplesOf(REQUESTS)).extracting(sample -> sample.labels().get("route"))
                .doesNotContain("/ping", "/metrics", "/prometheus");
    }

    /** A scrape once every request already answered has been counted: two in a row, 100 ms apart, agree. */
    private PrometheusScrape settled() {
        PrometheusScrape previous = scrape();
        for (int i = 0; i < 50; i++) {
            ServiceProcess.pause(Duration.ofMillis(100));
            final PrometheusScrape current = scrape();
            if (total(current) == total(previous)) {
                return current;
            }
            previous = current;
        }
        throw new AssertionError("the request count never settled");
    }

    @Test
    void onlyConventionalNamesRemainBesideTheStandardJvmMetrics() {
        final Set<String> families = scrape().families();

        assertThat(families).allSatisfy(name -> assertThat(name).matches("[a-z][a-z0-9_]*"));
        assertThat(families).noneSatisfy(name -> assertThat(name).containsAnyOf(
                "dropwizard", "TimeBoundHealthCheck", "timebound", "instrumented", "eclipse", "qos", "capstan_service",
                "health_"));
        assertThat(families).contains("jvm_memory_used_bytes", "jvm_memory_max_bytes", "jvm_memory_pool_used_bytes",
                "jvm_threads_current", "jvm_threads_daemon", "jvm_threads_state", "jvm_gc_collection_seconds",
                "jvm_classes_currently_loaded", "jvm_buffer_pool_used_bytes", "jvm_runtime_info",
                "process_cpu_seconds_total", "process_open_fds", "process_resident_memory_bytes",
                "process_start_time_seconds");
        assertThat(families.stream()
                .filter(name -> !name.startsWith("jvm_") && !name.startsWith("process_"))
                .collect(Collectors.toSet()))
                .isEqualTo(SERVICE_FAMILIES);
    }

    @Test
    void readinessBuildAndJettyAreGaugesWithConventionalNames() throws InterruptedException {
        final Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (app.status("/health-check?type=ready") != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        final PrometheusScrape scrape = scrape();
        final JsonNode version = Http.json(app.get("/v1/version"));

        assertThat(scrape.value("capstan_ready")).isEqualTo(1);
        assertThat(scrape.samplesOf("capstan_build_info")).singleElement().satisfies(info -> {
            assertThat(info.value()).isEqualTo(1);
            assertThat(info.labels()).isEqualTo(Map.of("version", version.path("version").asText(),
                    "commit", version.path("commit").asText(), "image_tag", version.path("imageTag").asText()));
        });
        assertThat(scrape.value("jetty_threads_config_max")).isEqualTo(64);
        assertThat(scrape.value("jetty_threads_current")).isPositive();
        assertThat(scrape.value("http_server_active_requests")).isZero();
    }
}
