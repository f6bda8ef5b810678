package dev.capstan.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.service.support.Http;
import dev.capstan.service.support.ServiceProcess;
import dev.capstan.service.support.SlowApplication;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The drain contract on the packaged jar as a real process, stopped the way {@code docker stop} stops it: SIGTERM.
 * The only addition to the production jar is a test resource that holds a request in flight for as long as asked.
 */
class DrainIT {
    static final Duration DRAIN_WINDOW = Duration.ofSeconds(3);
    static final Duration GRACE_PERIOD = Duration.ofSeconds(10);

    @Test
    void onSigtermReadinessFailsAtOnceRequestsStillCompleteAndTheProcessExitsZeroInTime() {
        try (ServiceProcess service = ServiceProcess.server(SlowApplication.class, Map.of(
                "DRAIN_WINDOW", DRAIN_WINDOW.toMillis() + "ms",
                "SHUTDOWN_GRACE_PERIOD", GRACE_PERIOD.toSeconds() + "s"))) {
            final Http app = service.app();
            final Http admin = service.admin();
            service.await("readiness", Duration.ofSeconds(30), () -> app.status("/health-check?type=ready") == 200);

            // Still running when the drain window ends and the connectors close.
            final long slowMillis = DRAIN_WINDOW.plusSeconds(3).toMillis();
            final CompletableFuture<HttpResponse<String>> inFlight =
                    CompletableFuture.supplyAsync(() -> app.get("/test/slow?millis=" + slowMillis));
            service.await("the slow request to be in flight", Duration.ofSeconds(10),
                    () -> activeRequests(admin) >= 1);

            service.terminate();

            service.await("readiness to turn 503 while still answering", DRAIN_WINDOW.dividedBy(2),
                    () -> app.status("/health-check?type=ready") == 503);
            assertThat(app.get("/health-check?type=ready").body())
                    .isEqualTo("{\"type\":\"ready\",\"healthy\":false}");
            assertThat(app.get("/health-check?type=alive").statusCode())
                    .as("liveness stays up while draining").isEqualTo(200);
            final HttpResponse<String> arrivingDuringDrain = app.get("/v1/hello?name=Late");
            assertThat(arrivingDuringDrain.statusCode()).isEqualTo(200);
            assertThat(arrivingDuringDrain.body()).isEqualTo("{\"message\":\"Hello, Late!\"}");
            assertThat(inFlight).as("still in flight during the drain window").isNotDone();

            service.await("the drain window to end and the connectors to close", DRAIN_WINDOW.multipliedBy(3),
                    () -> refusesConnections(app));
            assertThat(inFlight).as("still in flight after the connectors closed").isNotDone();
            final HttpResponse<String> completed = inFlight.join();
            assertThat(completed.statusCode()).isEqualTo(200);
            assertThat(completed.body()).isEqualTo("{\"slept\":" + slowMillis + "}");

            assertThat(service.awaitExit(GRACE_PERIOD))
                    .as("exit code within the grace period after the drain window").hasValue(0);
            assertThat(service.output()).anySatisfy(line -> assertThat(line).contains("delayed shutdown: started"));
        }
    }

    private static long activeRequests(Http admin) {
        return Http.json(admin.get("/metrics")).path("counters")
                .path("io.dropwizard.jetty.MutableServletContextHandler.active-requests").path("count").asLong();
    }

    private static boolean refusesConnections(Http app) {
        try {
            new Socket("127.0.0.1", app.uri("/").getPort()).close();
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException other) {
            return false;
        }
    }
}
