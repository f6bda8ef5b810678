package dev.capstan.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

class ReadinessHealthCheckTest {
    @Test
    void isUnhealthyUntilTheServerHasStarted() {
        final ReadinessHealthCheck check = new ReadinessHealthCheck();

        assertThat(check.execute().isHealthy()).isFalse();
        check.serverStarted(new Server());
        assertThat(check.execute().isHealthy()).isTrue();
    }
}
