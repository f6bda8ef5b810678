package dev.capstan.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.service.core.RequestLimits;
import dev.capstan.service.support.Http;
import dev.capstan.service.support.TestApps;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bounds on what a request may carry, over real HTTP; the heap-sized cases run against the jar (HostileClientsIT). */
@ExtendWith(DropwizardExtensionsSupport.class)
class RequestLimitsTest {
    static final DropwizardAppExtension<CapstanConfiguration> APP = TestApps.capstan();

    private final Http app = Http.application(APP);
    private final Http admin = Http.admin(APP);

    /** {"name":"Ada"} padded with spaces to exactly this many bytes. */
    static byte[] greetingOfSize(int bytes) {
        final String head = "{\"name\":\"Ada\"";
        return (head + " ".repeat(bytes - head.length() - 1) + "}").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(String text) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static void assertJsonError(HttpResponse<String> response, int status, String messagePart) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(Http.json(response).path("code").asInt()).isEqualTo(status);
        assertThat(Http.json(response).path("message").asText()).contains(messagePart);
        assertThat(response.body()).doesNotContain("\tat ");
    }

    @Test
    void aBodyOfExactlyTheLimitIsServed() {
        final HttpResponse<String> response = app.post("/v1/hello", "application/json",
                greetingOfSize(RequestLimits.MAX_BODY_BYTES));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).path("message").asText()).isEqualTo("Hello, Ada!");
    }

    @Test
    void aChunkedBodyOfExactlyTheLimitIsServed() {
        assertThat(app.postChunked("/v1/hello", "application/json", greetingOfSize(RequestLimits.MAX_BODY_BYTES))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyDeclaredOneByteOverTheLimitIs413() {
        assertJsonError(app.post("/v1/hello", "application/json", greetingOfSize(RequestLimits.MAX_BODY_BYTES + 1)),
                413, "Request body is too large");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() {
        assertJsonError(app.postChunked("/v1/hello", "application/json",
                greetingOfSize(RequestLimits.MAX_BODY_BYTES + 1)), 413, "Request body is too large");
    }

    @Test
    void aCompressedBodyIsRefusedWith415SayingWhatIsAccepted() throws IOException {
        final HttpResponse<String> response = app.post("/v1/hello", "application/json", gzip("{\"name\":\"Ada\"}"),
                "Content-Encoding", "gzip");

        assertJsonError(response, 415, "Content-Encoding");
        assertThat(response.headers().firstValue("Accept-Encoding")).hasValue("identity");
    }

    @Test
    void anyContentCodingButIdentityIsRefusedOnEveryPort() {
        assertJsonError(app.post("/v1/hello", "application/json", "{}", "Content-Encoding", "br"), 415, "");
        assertJsonError(app.post("/v1/hello", "application/json", "{}", "Content-Encoding", "identity, gzip"), 415,
                "");
        assertJsonError(admin.post("/ping", "application/json", "{}", "Content-Encoding", "deflate"), 415, "");
    }

    @Test
    void theIdentityCodingIsNoCodingAtAll() {
        assertThat(app.post("/v1/hello", "application/json", "{\"name\":\"Ada\"}", "Content-Encoding", "identity")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aDuplicatedKeyIsA400WithTheUsualBody() {
        final HttpResponse<String> response = app.post("/v1/hello", "application/json",
                "{\"name\":\"Ada\",\"name\":\"Bob\"}");

        assertJsonError(response, 400, "Unable to process JSON");
    }

    @Test
    void aStringLongerThanTheParserReadsIs413() {
        final String name = "a".repeat(RequestLimits.MAX_JSON_STRING_CHARS * 2);

        assertJsonError(app.post("/v1/hello", "application/json", "{\"name\":\"" + name + "\"}"), 413,
                "String value length");
    }

    @Test
    void aNameTooLongForTheRuleButWithinTheParserBoundStillGetsTheRulesAnswer() {
        final HttpResponse<String> response = app.post("/v1/hello", "application/json",
                "{\"name\":\"" + "a".repeat(200) + "\"}");

        assertJsonError(response, 400, "at most 64");
        assertThat(Http.json(response).path("details").asText()).isEqualTo("too-long");
    }

    @Test
    void nestingDeeperThanTheParserReadsIs413() {
        final int depth = RequestLimits.MAX_JSON_NESTING_DEPTH + 1;

        assertJsonError(app.post("/v1/hello", "application/json",
                "{\"name\":\"Ada\",\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}"), 413, "nesting depth");
    }

    @Test
    void anUnknownFieldWithinTheBoundsIsStillIgnored() {
        assertThat(app.post("/v1/hello", "application/json", "{\"name\":\"Ada\",\"x\":[[1,{\"y\":2}]]}")
                .statusCode()).isEqualTo(200);
    }
}
