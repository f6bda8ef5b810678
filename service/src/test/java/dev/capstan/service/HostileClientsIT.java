package dev.capstan.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.service.core.RequestLimits;
import dev.capstan.service.support.Http;
import dev.capstan.service.support.PrometheusScrape;
import dev.capstan.service.support.ServiceProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a hostile client once did to the service, replayed against the packaged jar with its real 128 MB heap: each
 * request gets a clear answer, and the process keeps serving with bounded threads and heap. Before the fixes the two
 * large-body cases ended the JVM with OutOfMemoryError, and 200 stalled bodies held 200 server threads.
 */
class HostileClientsIT {
    static final int STALLED_BODIES = 200;
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static ServiceProcess service;
    static Http app;
    static Http admin;

    @BeforeAll
    static void start() {
        service = ServiceProcess.server(Map.of("DRAIN_WINDOW", "100ms", "SHUTDOWN_GRACE_PERIOD", "2s"));
        app = service.app();
        admin = service.admin();
        service.await("readiness", Duration.ofSeconds(30), () -> app.status("/health-check?type=ready") == 200);
    }

    @AfterAll
    static void stop() {
        service.terminate();
        service.awaitExit(Duration.ofSeconds(10));
        service.close();
    }

    /** Every test ends with the process alive and serving. */
    @AfterEach
    void stillServing() {
        assertThat(service.awaitExit(Duration.ZERO)).as("the service is still running").isEmpty();
        final HttpResponse<String> response = app.get("/v1/hello?name=Ada");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"message\":\"Hello, Ada!\"}");
    }

    /** {"name":"…"} with a name of this many copies of one character, as UTF-8. */
    static byte[] greetingWithName(int characters, char character) {
        final byte[] one = String.valueOf(character).getBytes(StandardCharsets.UTF_8);
        final ByteArrayOutputStream out = new ByteArrayOutputStream(characters * one.length + 12);
        out.writeBytes("{\"name\":\"".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < characters; i++) {
            out.writeBytes(one);
        }
        out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /**
     * The request from the finding: a name of 19,990,000 two-byte characters, just under the 20 million Jackson read
     * by default, which gzip squeezes into 39 KB.
     */
    static byte[] gzipBomb() throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final byte[] block = new byte[1 << 16];
        final byte[] character = "ā".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < block.length; i += character.length) {
            System.arraycopy(character, 0, block, i, character.length);
        }
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write("{\"name\":\"".getBytes(StandardCharsets.UTF_8));
            for (long left = 19_990_000L * character.length; left > 0; left -= block.length) {
                zip.write(block, 0, (int) Math.min(left, block.length));
            }
            zip.write("\"}".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static HttpRequest post(byte[] body, boolean expectContinue, String... headers) {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(app.uri("/v1/hello"))
                .timeout(Duration.ofSeconds(30))
                .expectContinue(expectContinue)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder.build();
    }

    private static long gauge(String name) {
        return Http.json(admin.get("/metrics")).path("gauges").path(name).path("value").asLong();
    }

    /** Busy request threads, as a share of the most the pool may have. */
    private static double busyRequestThreads() {
        return Http.json(admin.get("/metrics")).path("gauges")
                .path("org.eclipse.jetty.util.thread.QueuedThreadPool.dw.utilization-max").path("value").asDouble();
    }

    private static long activeRequests() {
        return Http.json(admin.get("/metrics")).path("counters")
                .path("io.dropwizard.jetty.MutableServletContextHandler.active-requests").path("count").asLong();
    }

    @Test
    void aGzipBombIsRefusedBeforeAnythingInflatesIt() throws Exception {
        final byte[] bomb = gzipBomb();
        assertThat(bomb.length).as("the bomb's size").isLessThan(40_000);

        final HttpResponse<String> response = CLIENT.send(post(bomb, false, "Content-Encoding", "gzip"),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(Http.json(response).path("message").asText()).contains("Content-Encoding");
    }

    @Test
    void threeConcurrentNineteenMegabyteBodiesAreRefusedAndNeverRead() {
        final byte[] body = greetingWithName(19_000_000, 'a');

        // A client that waits for the go-ahead (Expect: 100-continue) reads the refusal before it sends anything.
        final List<CompletableFuture<HttpResponse<String>>> polite = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            polite.add(CLIENT.sendAsync(post(body, true), HttpResponse.BodyHandlers.ofString()));
        }
        polite.forEach(answer -> {
            assertThat(answer.join().statusCode()).isEqualTo(413);
            assertThat(Http.json(answer.join()).path("message").asText()).contains("Request body is too large");
        });

        // One that just sends gets the same answer, unless the server's close reaches it while it is still sending.
        final List<CompletableFuture<String>> blind = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            blind.add(CLIENT.sendAsync(post(body, false), HttpResponse.BodyHandlers.ofString())
                    .handle((answer, failure) -> failure == null ? String.valueOf(answer.statusCode()) : "closed"));
        }
        blind.forEach(answer -> assertThat(answer.join()).isIn("413", "closed"));
    }

    @Test
    void aBodyOfExactlyTheLimitIsServed() throws Exception {
        final byte[] body = new byte[RequestLimits.MAX_BODY_BYTES];
        Arrays.fill(body, (byte) ' ');
        final byte[] greeting = "{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(greeting, 0, body, 0, greeting.length);

        final HttpResponse<String> response = CLIENT.send(post(body, false), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aDuplicatedKeyIsA400AndLeavesNoStackTraceInTheLog() {
        final HttpResponse<String> response = app.post("/v1/hello", "application/json",
                "{\"name\":\"Ada\",\"name\":\"Bob\"}", "X-Request-Id", "duplicate-key-1");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"code\":400,\"message\":\"Unable to process JSON\"}");
        service.await("the request log line", Duration.ofSeconds(5),
                () -> service.output().stream().anyMatch(line -> line.contains("duplicate-key-1")));
        assertThat(service.output()).noneSatisfy(line -> assertThat(line).contains("\\tat "))
                .noneSatisfy(line -> assertThat(line).contains("\"level\":\"ERROR\""));
    }

    /** Answers of the application port with this status and no route, in the admin port's Prometheus histogram. */
    private static double unroutedAnswers(String method, int status) {
        return PrometheusScrape.of(admin).value("http_server_request_duration_seconds_count",
                Map.of("method", method, "route", "unmatched", "status", String.valueOf(status)));
    }

    @Test
    void stalledBodiesHoldNoThreadAndAreAnswered408WhileOthersAreServed() throws Exception {
        final double timedOutBefore = unroutedAnswers("POST", 408);
        final List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED_BODIES; i++) {
                stalled.add(stalledBody());
            }
            service.await("every stalled body to reach the application", Duration.ofSeconds(10),
                    () -> activeRequests() >= STALLED_BODIES);
            assertThat(PrometheusScrape.of(admin).value("http_server_active_requests"))
                    .as("requests in flight, as Prometheus sees them").isGreaterThanOrEqualTo(STALLED_BODIES);

            final Instant asked = Instant.now();
            assertThat(app.get("/v1/hello?name=Grace").statusCode()).isEqualTo(200);
            assertThat(app.post("/v1/hello", "application/json", "{\"name\":\"Grace\"}").statusCode())
                    .isEqualTo(200);
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(1));
            assertThat(busyRequestThreads()).as("request threads busy while %s bodies stall", STALLED_BODIES)
                    .isLessThan(0.1);
            assertThat(gauge("jvm.threads.count")).as("threads in the JVM (the request pool holds at most 64)")
                    .isLessThan(100);
            assertThat(gauge("jvm.memory.heap.used")).as("heap in use, of 128 MB").isLessThan(64L * 1024 * 1024);

            final Duration wait = RequestLimits.BODY_DEADLINE.plusSeconds(5);
            for (Socket socket : stalled) {
                assertThat(statusLine(socket, wait)).startsWith("HTTP/1.1 408 ");
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        service.await("no request in flight", Duration.ofSeconds(5), () -> activeRequests() == 0);
        service.await("every 408 in the request histogram", Duration.ofSeconds(5),
                () -> unroutedAnswers("POST", 408) - timedOutBefore == STALLED_BODIES);
    }

    /** A request whose head and first bytes of body arrive, and then nothing. */
    private static Socket stalledBody() throws IOException {
        final URI uri = app.uri("/v1/hello");
        final Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.getOutputStream().write(("POST /v1/hello HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"name\":")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static String statusLine(Socket socket, Duration wait) {
        try {
            socket.setSoTimeout((int) wait.toMillis());
            final InputStream in = socket.getInputStream();
            final StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
