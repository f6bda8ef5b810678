package dev.capstan.service.metrics.emf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.service.core.DeploymentInfo;
import dev.capstan.service.metrics.RequestDurations;
import dev.capstan.service.metrics.ServiceGauges;
import dev.capstan.service.support.EmfSpec;
import dev.capstan.service.support.Http;
import dev.capstan.service.support.MetricContract;
import io.dropwizard.util.Duration;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.SummaryWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Quantiles;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The publisher against a registry whose request histogram is the service's own and whose JVM readings the test sets,
 * so that every value in a document is known.
 */
class EmfPublisherTest {
    static final DeploymentInfo DEPLOYMENT = new DeploymentInfo("3f2a1b0", "sha256:0123", "i-0abc", "eu-west-1b");

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final RequestDurations requests = RequestDurations.register(registry);
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final AtomicLong heapUsed = new AtomicLong(40_000_000);
    private final AtomicLong gcMillis = new AtomicLong(0);
    private final AtomicLong clock = new AtomicLong(1_796_000_000_000L);
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private EmfPublisher publisher;

    EmfPublisherTest() {
        // The readings the publisher takes from the JVM instrumentation, under its names.
        GaugeWithCallback.builder().name(IntervalReader.HEAP_USED).labelNames("area")
                .callback(callback -> {
                    callback.call(heapUsed.get(), "heap");
                    callback.call(12_345, "nonheap");
                })
                .register(registry);
        SummaryWithCallback.builder().name(IntervalReader.GC_TIME).labelNames("gc")
                .callback(callback -> {
                    callback.call(3, gcMillis.get() / 1000.0 * 0.25, Quantiles.EMPTY, "Copy");
                    callback.call(1, gcMillis.get() / 1000.0 * 0.75, Quantiles.EMPTY, "MarkSweepCompact");
                })
                .register(registry);
        GaugeWithCallback.builder().name(IntervalReader.THREADS).callback(callback -> callback.call(27))
                .register(registry);
        ServiceGauges.registerReadiness(registry, ready::get);
    }

    private EmfPublisher publisher(String interval) {
        final EmfSettings settings = new EmfSettings();
        settings.setInterval(Duration.parse(interval));
        settings.setService("capstan-blue");
        publisher = EmfPublisher.create(settings, registry, DEPLOYMENT, lines::add, clock::get);
        return publisher;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (publisher != null) {
            publisher.stop();
        }
    }

    private void serve(String method, String route, int status, long millis, int times) {
        for (int i = 0; i < times; i++) {
            requests.record(method, route, status, TimeUnit.MILLISECONDS.toNanos(millis));
        }
    }

    /** Publishes one interval and returns its documents. */
    private List<JsonNode> interval() {
        lines.clear();
        publisher.publish();
        return lines.stream().map(Http::json).toList();
    }

    private static List<JsonNode> requestDocuments(List<JsonNode> documents) {
        return documents.stream().filter(document -> document.has("Requests")).toList();
    }

    private static JsonNode jvmDocument(List<JsonNode> documents) {
        return documents.stream().filter(document -> document.has("HeapUsed")).collect(Collectors.toList()).get(0);
    }

    private static JsonNode requestDocument(List<JsonNode> documents, String method, String route, String status) {
        return requestDocuments(documents).stream()
                .filter(document -> document.path("Method").asText().equals(method)
                        && document.path("Route").asText().equals(route)
                        && document.path("Status").asText().equals(status))
                .findFirst().orElseThrow(() -> new AssertionError("no document for " + method + " " + route + " "
                        + status + " in " + documents));
    }

    @Test
    void everyDocumentFollowsTheSpecificationAndIsExactlyADocumentOfTheContract() {
        publisher("1m").start();
        serve("GET", "/v1/hello", 200, 2, 250);
        serve("POST", "/v1/hello", 400, 3, 7);
        serve("GET", "/v1/version", 503, 40, 1);
        serve("OTHER", "unmatched", 405, 1, 2);
        publisher.publish();

        final JsonNode contract = MetricContract.read();
        assertThat(lines).hasSize(5).allSatisfy(line -> {
            assertThat(EmfSpec.violations(line)).as(line).isEmpty();
            assertThat(MetricContract.mismatches(contract, line)).as(line).isEmpty();
        });
        assertThat(lines.stream().map(Http::json).map(document -> MetricContract.documentOf(contract, document)
                .orElseThrow().path("name").asText()))
                .containsExactlyInAnyOrder("requests", "requests", "requests", "requests", "jvm");
    }

    @Test
    void everyDocumentCarriesWhereItComesFromAndWhen() {
        publisher("1m").start();
        serve("GET", "/v1/hello", 200, 2, 1);
        clock.set(1_796_000_060_000L);

        final List<JsonNode> documents = interval();

        assertThat(documents).hasSize(2).allSatisfy(document -> {
            assertThat(document.path("_aws").path("Timestamp").asLong()).isEqualTo(1_796_000_060_000L);
            assertThat(document.path("_aws").path("CloudWatchMetrics").path(0).path("Namespace").asText())
                    .isEqualTo("Capstan");
            assertThat(document.path("Service").asText()).isEqualTo("capstan-blue");
            assertThat(document.path("InstanceId").asText()).isEqualTo("i-0abc");
            assertThat(document.path("AvailabilityZone").asText()).isEqualTo("eu-west-1b");
            assertThat(document.path("ImageTag").asText()).isEqualTo("3f2a1b0");
        });
        final JsonNode request = requestDocument(documents, "GET", "/v1/hello", "200");
        assertThat(request.path("Requests").asLong()).isEqualTo(1);
    }

    @Test
    void eachIntervalCountsOnlyItsOwnRequests() {
        publisher("1m").start();
        serve("GET", "/v1/hello", 200, 2, 3);
        serve("POST", "/v1/hello", 500, 30, 1);

        final List<JsonNode> first = interval();
        assertThat(requestDocument(first, "GET", "/v1/hello", "200").path("Requests").asLong()).isEqualTo(3);
        assertThat(requestDocument(first, "GET", "/v1/hello", "200").path("ServerErrors").asLong()).isZero();
        assertThat(requestDocument(first, "POST", "/v1/hello", "500").path("Requests").asLong()).isEqualTo(1);
        assertThat(requestDocument(first, "POST", "/v1/hello", "500").path("ServerErrors").asLong()).isEqualTo(1);

        serve("GET", "/v1/hello", 200, 2, 2);
        final List<JsonNode> second = interval();
        assertThat(requestDocuments(second)).singleElement().satisfies(document -> {
            assertThat(document.path("Route").asText()).isEqualTo("/v1/hello");
            assertThat(document.path("Status").asText()).isEqualTo("200");
            assertThat(document.path("Requests").asLong()).isEqualTo(2);
            assertThat(document.path("Latency")).hasSize(2);
        });

        final List<JsonNode> quiet = interval();
        assertThat(requestDocuments(quiet)).isEmpty();
        assertThat(quiet).hasSize(1);
    }

    @Test
    void requestsCountedBeforeTheStartBelongToNoInterval() {
        serve("GET", "/v1/hello", 200, 2, 5);
        publisher("1m").start();
        serve("GET", "/v1/hello", 200, 2, 1);

        assertThat(requestDocument(interval(), "GET", "/v1/hello", "200").path("Requests").asLong()).isEqualTo(1);
    }

    @Test
    void theDocumentsAreExactlyTheSeriesThatServedRequestsInTheInterval() {
        publisher("1m").start();
        final Set<String> served = Set.of("GET /v1/hello 200", "GET unmatched 404", "OTHER unmatched 405",
                "POST unmatched 413", "POST /v1/hello 400");
        served.forEach(series -> {
            final String[] parts = series.split(" ");
            serve(parts[0], parts[1], Integer.parseInt(parts[2]), 1, 3);
        });

        assertThat(requestDocuments(interval()).stream()
                .map(document -> document.path("Method").asText() + " " + document.path("Route").asText() + " "
                        + document.path("Status").asText()))
                .containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void latencyKeepsTheIntervalsDistributionInAtMostOneHundredValues() {
        publisher("1m").start();
        serve("GET", "/v1/hello", 200, 2, 900);
        serve("GET", "/v1/hello", 200, 300, 100);

        final JsonNode latency = requestDocument(interval(), "GET", "/v1/hello", "200").path("Latency");
        // Docker splits a log line longer than 16 KB into several events, which would no longer be EMF.
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThan(4 * 1024));

        assertThat(latency).hasSize(100);
        final List<Double> values = StreamSupport.stream(latency.spliterator(), false).map(JsonNode::asDouble)
                .toList();
        assertThat(values).isSorted();
        // 2 ms falls in the bucket (1 ms, 2.5 ms], 300 ms in (250 ms, 500 ms].
        assertThat(values.subList(0, 90)).allSatisfy(value -> assertThat(value).isBetween(1.0, 2.5));
        assertThat(values.subList(90, 100)).allSatisfy(value -> assertThat(value).isBetween(250.0, 500.0));
    }

    @Test
    void theJvmDocumentSaysReadyOneWhenReadyAndZeroWhenNot() {
        publisher("1m").start();

        assertThat(jvmDocument(interval()).path("Ready").asInt()).isEqualTo(1);
        ready.set(false);
        assertThat(jvmDocument(interval()).path("Ready").asInt()).isZero();
        ready.set(true);
        assertThat(jvmDocument(interval()).path("Ready").asInt()).isEqualTo(1);
    }

    @Test
    void theJvmDocumentHasTheHeapAndThreadsNowAndTheCollectionTimeOfTheInterval() {
        gcMillis.set(500);
        publisher("1m").start();
        heapUsed.set(50_000_000);
        gcMillis.set(620);

        final JsonNode jvm = jvmDocument(interval());
        assertThat(jvm.path("HeapUsed").asLong()).isEqualTo(50_000_000);
        assertThat(jvm.path("Threads").asLong()).isEqualTo(27);
        assertThat(jvm.path("GcTime").asDouble()).isEqualTo(120);

        assertThat(jvmDocument(interval()).path("GcTime").asDouble()).isZero();
    }

    @Test
    void stoppingPublishesTheLastPartialInterval() throws InterruptedException {
        publisher("1h").start();
        serve("GET", "/v1/hello", 200, 2, 4);
        ready.set(false);

        publisher.stop();

        final List<JsonNode> documents = lines.stream().map(Http::json).toList();
        assertThat(requestDocument(documents, "GET", "/v1/hello", "200").path("Requests").asLong()).isEqualTo(4);
        assertThat(jvmDocument(documents).path("Ready").asInt()).isZero();
        publisher = null;
    }

    /** A publisher on its schedule, every 50 ms, whose documents go to this output. */
    private void startScheduled(java.util.function.Consumer<String> output) {
        final EmfSettings settings = new EmfSettings();
        settings.setInterval(Duration.milliseconds(50));
        publisher = EmfPublisher.create(settings, registry, DEPLOYMENT, output, clock::get);
        publisher.start();
    }

    private void awaitLines(int count) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (lines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo(count);
    }

    @Test
    void itPublishesEveryIntervalFromOneDaemonThread() throws InterruptedException {
        final List<Thread> publishers = new CopyOnWriteArrayList<>();
        startScheduled(line -> {
            publishers.add(Thread.currentThread());
            lines.add(line);
        });

        awaitLines(3);

        assertThat(Set.copyOf(publishers)).singleElement().satisfies(thread -> {
            assertThat(thread.isDaemon()).isTrue();
            assertThat(thread.getName()).isEqualTo("cloudwatch-metrics");
        });
    }

    @Test
    void anIntervalThatCannotBePublishedDoesNotEndTheSchedule() throws InterruptedException {
        final AtomicLong attempts = new AtomicLong();
        startScheduled(line -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("the log queue refused it");
            }
            lines.add(line);
        });

        awaitLines(2);
    }

    @Test
    void theRealJvmInstrumentationFillsTheJvmDocument() {
        final PrometheusRegistry real = new PrometheusRegistry();
        io.prometheus.metrics.instrumentation.jvm.JvmMetrics.builder().register(real);
        ServiceGauges.registerReadiness(real, () -> true);
        publisher = EmfPublisher.create(new EmfSettings(), real, DEPLOYMENT, lines::add, clock::get);
        publisher.start();

        final JsonNode jvm = jvmDocument(interval());

        assertThat(jvm.path("HeapUsed").asLong()).isPositive();
        assertThat(jvm.path("Threads").asLong()).isPositive();
        assertThat(jvm.path("GcTime").asDouble()).isNotNegative();
        assertThat(jvm.path("Ready").asInt()).isEqualTo(1);
    }

    @Test
    void theDefaultIntervalIsTheContracts() {
        assertThat(new EmfSettings().getInterval().toSeconds())
                .isEqualTo(MetricContract.read().path("intervalSeconds").asLong());
    }

    @Test
    void aContractThePublisherCannotFillIsRefusedAtStart() {
        final EmfContract contract = EmfContract.load();
        final EmfContract.Document jvm = contract.document(EmfDocuments.JVM);
        final List<EmfContract.Metric> more = new java.util.ArrayList<>(jvm.metrics());
        more.add(new EmfContract.Metric("OpenFiles", "Count"));
        final EmfContract changed = new EmfContract(contract.namespace(), contract.intervalSeconds(), List.of(
                contract.document(EmfDocuments.REQUESTS), new EmfContract.Document("jvm", more, jvm.dimensionSets())));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EmfDocuments(changed, Map.of(
                        "Service", "s", "InstanceId", "i", "AvailabilityZone", "a", "ImageTag", "t")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OpenFiles");
    }

    @Test
    void dimensionValuesAreWhatCloudWatchAccepts() {
        assertThat(EmfDocuments.dimensionValue("eu-west-1b")).isEqualTo("eu-west-1b");
        assertThat(EmfDocuments.dimensionValue("caf\u00e9\tbar")).isEqualTo("caf??bar");
        assertThat(EmfDocuments.dimensionValue("  ")).isEqualTo("unknown");
        assertThat(EmfDocuments.dimensionValue(null)).isEqualTo("unknown");
        assertThat(EmfDocuments.dimensionValue("x".repeat(2000))).hasSize(1024);
    }
}
