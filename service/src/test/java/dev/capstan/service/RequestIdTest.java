package dev.capstan.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.capstan.service.support.Http;
import dev.capstan.service.support.ProbeApplication;
import dev.capstan.service.support.TestApps;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

@ExtendWith(DropwizardExtensionsSupport.class)
class RequestIdTest {
    static final DropwizardAppExtension<CapstanConfiguration> APP = TestApps.capstan(ProbeApplication.class);

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Http app = Http.application(APP);
    private final Http admin = Http.admin(APP);

    @BeforeEach
    void listen() {
        logged.start();
        probeLogger().addAppender(logged);
    }

    @AfterEach
    void detach() {
        probeLogger().detachAppender(logged);
    }

    private static Logger probeLogger() {
        return (Logger) LoggerFactory.getLogger(ProbeApplication.LoggingProbe.class);
    }

    private static String requestId(HttpResponse<String> response) {
        return response.headers().firstValue("X-Request-Id").orElseThrow();
    }

    @Test
    void aSaneRequestIdFromTheClientIsEchoed() {
        assertThat(requestId(app.get("/v1/hello", "X-Request-Id", "client-42.a:b"))).isEqualTo("client-42.a:b");
    }

    @Test
    void aRequestWithoutAnIdGetsAFreshUuid() {
        final String first = requestId(app.get("/v1/hello"));
        final String second = requestId(app.get("/v1/hello"));

        assertThat(UUID.fromString(first)).isNotNull();
        assertThat(first).isNotEqualTo(second);
    }

    @ParameterizedTest
    @MethodSource("unsafeRequestIds")
    void anUnsafeRequestIdIsReplacedByAFreshUuid(String unsafe) {
        final String answered = requestId(app.get("/v1/hello", "X-Request-Id", unsafe));

        assertThat(answered).isNotEqualTo(unsafe);
        assertThat(UUID.fromString(answered)).isNotNull();
    }

    static Stream<String> unsafeRequestIds() {
        return Stream.of("has space", "<script>", "quote\"d", "semi;colon", "x".repeat(129));
    }

    @Test
    void errorsAndHealthAndAdminAnswersCarryARequestIdToo() {
        assertThat(app.get("/nope").headers().firstValue("X-Request-Id")).isPresent();
        assertThat(app.get("/v1/hello?name=%3C").headers().firstValue("X-Request-Id")).isPresent();
        assertThat(app.post("/health-check", "text/plain", "").headers().firstValue("X-Request-Id")).isPresent();
        assertThat(app.get("/health-check?type=alive").headers().firstValue("X-Request-Id")).isPresent();
        assertThat(requestId(admin.get("/ping", "X-Request-Id", "op-1"))).isEqualTo("op-1");
        assertThat(admin.get("/nope").headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void applicationLogLinesWrittenDuringARequestCarryItsId() {
        app.get("/test/log", "X-Request-Id", "trace-me-1");
        final String generated = requestId(app.get("/test/log"));

        assertThat(logged.list).extracting(event -> event.getMDCPropertyMap().get("requestId"))
                .containsExactly("trace-me-1", generated);
    }
}
