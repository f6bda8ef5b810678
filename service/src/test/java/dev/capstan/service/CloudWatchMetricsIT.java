package dev.capstan.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.service.support.EmfSpec;
import dev.capstan.service.support.Http;
import dev.capstan.service.support.MetricContract;
import dev.capstan.service.support.ServiceProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar's CloudWatch metrics, as the awslogs driver would ship them: documents in the embedded metric
 * format, each one line of stdout, among the ordinary JSON log lines.
 */
class CloudWatchMetricsIT {
    static final Map<String, String> ENVIRONMENT = Map.of("DRAIN_WINDOW", "300ms", "SHUTDOWN_GRACE_PERIOD", "2s",
            "IMAGE_TAG", "3f2a1b0", "INSTANCE_ID", "i-0abc", "AVAILABILITY_ZONE", "eu-west-1b",
            "SERVICE_NAME", "capstan-it-asg");
    static final String GREETING = "{\"name\":\"Ada\"}";

    private static ServiceProcess start(String... variables) {
        final Map<String, String> environment = new HashMap<>(ENVIRONMENT);
        for (int i = 0; i < variables.length; i += 2) {
            environment.put(variables[i], variables[i + 1]);
        }
        final ServiceProcess service = ServiceProcess.server(environment);
        service.await("readiness", Duration.ofSeconds(30),
                () -> service.app().status("/health-check?type=ready") == 200);
        return service;
    }

    private static int stop(ServiceProcess service) {
        service.terminate();
        final int exit = service.awaitExit(Duration.ofSeconds(15)).orElseThrow();
        service.close();
        return exit;
    }

    private static List<JsonNode> documents(List<String> lines) {
        return lines.stream().filter(EmfLines::isDocument).map(Http::json).toList();
    }

    /** Requests the documents published so far count for POST /v1/hello 200, the series only these tests use. */
    private static long greetingsPublished(List<String> lines) {
        return documents(lines).stream()
                .filter(document -> "POST".equals(document.path("Method").asText())
                        && "/v1/hello".equals(document.path("Route").asText())
                        && "200".equals(document.path("Status").asText()))
                .mapToLong(document -> document.path("Requests").asLong())
                .sum();
    }

    @Test
    void documentsComeEveryIntervalAmongTheLogLinesEachOneLineOfTheContract() throws Exception {
        final ServiceProcess service = start("EMF_INTERVAL", "1s");
        final long sent;
        try {
            // Several clients for a few intervals: request log lines and documents are written at the same time.
            final ExecutorService clients = Executors.newFixedThreadPool(4);
            final Instant until = Instant.now().plusMillis(2500);
            final List<Future<Integer>> counts = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                counts.add(clients.submit(() -> {
                    int answered = 0;
                    while (Instant.now().isBefore(until)) {
                        assertThat(service.app().post("/v1/hello", "application/json", GREETING).statusCode())
                                .isEqualTo(200);
                        answered++;
                    }
                    return answered;
                }));
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            long total = 0;
            for (Future<Integer> count : counts) {
                total += count.get();
            }
            sent = total;
            service.await("every greeting in a published document", Duration.ofSeconds(10),
                    () -> greetingsPublished(service.output()) >= sent);
        } finally {
            stop(service);
        }

        final List<String> lines = service.output();
        assertThat(lines).allSatisfy(line -> assertThat(Http.json(line).isObject()).as(line).isTrue());
        assertThat(lines).as("documents only as bare lines, never inside a log line's envelope")
                .noneSatisfy(line -> assertThat(Http.json(line).path("message").asText()).contains("_aws"));
        final JsonNode contract = MetricContract.read();
        final List<String> emf = lines.stream().filter(EmfLines::isDocument).toList();
        assertThat(emf).allSatisfy(line -> {
            assertThat(EmfSpec.violations(line)).as(line).isEmpty();
            assertThat(MetricContract.mismatches(contract, line)).as(line).isEmpty();
        });
        assertThat(documents(lines)).allSatisfy(document -> {
            assertThat(document.path("Service").asText()).isEqualTo("capstan-it-asg");
            assertThat(document.path("InstanceId").asText()).isEqualTo("i-0abc");
            assertThat(document.path("AvailabilityZone").asText()).isEqualTo("eu-west-1b");
            assertThat(document.path("ImageTag").asText()).isEqualTo("3f2a1b0");
        });
        assertThat(greetingsPublished(lines)).as("greetings counted once each").isEqualTo(sent);
        assertThat(documents(lines).stream().map(document -> document.path("_aws").path("Timestamp").asLong())
                .distinct().count()).as("intervals published").isGreaterThanOrEqualTo(3);
        final int first = lines.indexOf(emf.get(0));
        final int last = lines.lastIndexOf(emf.get(emf.size() - 1));
        assertThat(lines.subList(first, last)).as("log lines between the documents")
                .anySatisfy(line -> assertThat(EmfLines.isDocument(line)).isFalse());
    }

    @Test
    void atAStopTheLastDocumentsCoverThePartialIntervalAndSayNotReady() {
        final ServiceProcess service = start("EMF_INTERVAL", "1h");
        for (int i = 0; i < 5; i++) {
            assertThat(service.app().post("/v1/hello", "application/json", GREETING).statusCode()).isEqualTo(200);
        }

        assertThat(stop(service)).isZero();

        final List<JsonNode> documents = documents(service.output());
        assertThat(greetingsPublished(service.output())).isEqualTo(5);
        assertThat(documents.stream().filter(document -> document.has("Ready")))
                .singleElement()
                .satisfies(jvm -> {
                    // The stop began with readiness turning off, so that the load balancer stops sending.
                    assertThat(jvm.path("Ready").asInt()).isZero();
                    assertThat(jvm.path("HeapUsed").asLong()).isPositive();
                    assertThat(jvm.path("Threads").asLong()).isPositive();
                });
    }

    @Test
    void turnedOffItWritesNoDocument() {
        final ServiceProcess service = start("EMF_ENABLED", "false", "EMF_INTERVAL", "1s");
        service.app().post("/v1/hello", "application/json", GREETING);
        ServiceProcess.pause(Duration.ofMillis(1500));

        assertThat(stop(service)).isZero();

        assertThat(service.output()).isNotEmpty().noneSatisfy(line -> assertThat(EmfLines.isDocument(line)).isTrue());
    }

    /** How a reader of the log stream tells a document from a log line: the EMF metadata member. */
    static final class EmfLines {
        private EmfLines() {
        }

        static boolean isDocument(String line) {
            return Http.json(line).has("_aws");
        }
    }
}
