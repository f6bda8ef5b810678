package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** --verify-url polls URL/v1/version (a real HTTP server on loopback) for the new digest. */
class VerifyUrlTest extends Scenario {
    HttpServer service;
    final AtomicReference<String> served = new AtomicReference<>();

    @BeforeEach
    void startAServiceThatReportsItsDigest() throws Exception {
        service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        service.createContext("/v1/version", exchange -> {
            byte[] body = ("{\"version\":\"1.0.0\",\"imageTag\":\"x\",\"imageDigest\":\"" + served.get() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
    }

    @AfterEach
    void stop() {
        service.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + service.getAddress().getPort();
    }

    @Test
    void succeedsWhenTheServiceReportsTheNewDigest() {
        served.set(NEW_DIGEST);

        Result result = deploy("--verify-url", url());

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains(url() + "/v1/version reports " + NEW_DIGEST);
    }

    @Test
    void failsWhenTheServiceKeepsReportingTheOldDigest() {
        served.set(OLD_DIGEST);

        Result result = deploy("--verify-url", url(), "--verify-timeout", "1m");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("did not report " + NEW_DIGEST + " before the verify deadline (last answer: "
                + OLD_DIGEST + ")");
    }
}
