package dev.capstan.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.service.support.HeldStartApplication;
import dev.capstan.service.support.Http;
import dev.capstan.service.support.TestApps;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StartupReadinessTest {
    @Test
    void aStartingInstanceIsNotReadyUntilItHasStartedButAlreadyAlive() throws Exception {
        final DropwizardTestSupport<CapstanConfiguration> support = new DropwizardTestSupport<>(
                HeldStartApplication.class, TestApps.ROOT_CONFIG,
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("health.shutdownWaitPeriod", "20ms"),
                ConfigOverride.config("logging.level", "WARN"));
        final CompletableFuture<Void> starting = CompletableFuture.runAsync(() -> {
            try {
                support.before();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertThat(HeldStartApplication.HELD.await(60, TimeUnit.SECONDS)).isTrue();
            final Http app = new Http(HeldStartApplication.applicationPort);
            // Long past the readiness check's 100 ms schedule: it is the server's state that keeps it at 503.
            Thread.sleep(500);

            assertThat(app.get("/health-check?type=ready").statusCode()).isEqualTo(503);
            assertThat(app.get("/health-check?type=ready").body()).isEqualTo("{\"type\":\"ready\",\"healthy\":false}");
            assertThat(app.get("/health-check?type=alive").statusCode()).isEqualTo(200);

            HeldStartApplication.RELEASE.countDown();
            starting.get(60, TimeUnit.SECONDS);
            final Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (app.status("/health-check?type=ready") != 200 && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertThat(app.get("/health-check?type=ready").statusCode()).isEqualTo(200);
        } finally {
            HeldStartApplication.RELEASE.countDown();
            starting.handle((ignored, failure) -> null).get(60, TimeUnit.SECONDS);
            support.after();
        }
    }
}
