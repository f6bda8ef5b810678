package dev.capstan.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.service.support.Http;
import dev.capstan.service.support.TestApps;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(DropwizardExtensionsSupport.class)
class ApiTest {
    static final DropwizardAppExtension<CapstanConfiguration> APP = TestApps.capstan();

    private final Http app = Http.application(APP);

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void assertJsonError(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        final JsonNode body = Http.json(response);
        assertThat(body.path("code").asInt()).isEqualTo(status);
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(response.body()).doesNotContainIgnoringCase("<html").doesNotContain("\tat ");
    }

    @Test
    void helloGreetsTheNameGivenInTheQuery() {
        final HttpResponse<String> response = app.get("/v1/hello?name=Ada");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"message\":\"Hello, Ada!\"}");
    }

    @Test
    void helloGreetsTheConfiguredDefaultNameWhenNoneIsGiven() {
        assertThat(Http.json(app.get("/v1/hello")).path("message").asText()).isEqualTo("Hello, Stranger!");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada Lovelace", "O'Brien", "Jean-Luc", "J. R. R.", "Zoë", "Søren", "R2D2", "李小龙"})
    void helloAcceptsLettersDigitsSpacesDotsDashesAndApostrophes(String name) {
        final HttpResponse<String> response = app.get("/v1/hello?name=" + query(name));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).path("message").asText()).isEqualTo("Hello, " + name + "!");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                                                     | empty",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa      | too-long",
        "%3Cscript%3E                                                           | bad-character",
        "Ada_Lovelace                                                           | bad-character",
        "Ada%0AInjected                                                         | bad-character",
    })
    void helloRejectsABadNameWithTheRuleItBroke(String rawQueryValue, String rule) {
        final HttpResponse<String> response = app.get("/v1/hello?name=" + rawQueryValue);

        assertJsonError(response, 400);
        assertThat(Http.json(response).path("details").asText()).isEqualTo(rule);
    }

    @Test
    void helloAcceptsExactlySixtyFourCharacters() {
        assertThat(app.get("/v1/hello?name=" + "a".repeat(64)).statusCode()).isEqualTo(200);
        assertThat(Http.json(app.get("/v1/hello?name=" + "a".repeat(65))).path("message").asText())
                .contains("at most 64");
    }

    @Test
    void helloFromAJsonBodyGreetsTheNameInIt() {
        final HttpResponse<String> response = app.post("/v1/hello", "application/json", "{\"name\":\"Ada\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).path("message").asText()).isEqualTo("Hello, Ada!");
    }

    @Test
    void helloFromAJsonBodyWithoutANameGreetsTheDefaultName() {
        assertThat(Http.json(app.post("/v1/hello", "application/json", "{}")).path("message").asText())
                .isEqualTo("Hello, Stranger!");
    }

    @Test
    void helloFromAJsonBodyAppliesTheSameNameRules() {
        final HttpResponse<String> response = app.post("/v1/hello", "application/json", "{\"name\":\"<b>\"}");

        assertJsonError(response, 400);
        assertThat(Http.json(response).path("details").asText()).isEqualTo("bad-character");
    }

    @Test
    void malformedJsonIsA400InJson() {
        assertJsonError(app.post("/v1/hello", "application/json", "{\"name\":"), 400);
    }

    @Test
    void aBodyOfTheWrongMediaTypeIsA415InJson() {
        assertJsonError(app.post("/v1/hello", "text/plain", "Ada"), 415);
    }

    @Test
    void anUnknownPathIsA404InJsonEvenWhenTheClientAsksForHtml() {
        assertJsonError(app.get("/no/such/thing", "Accept", "text/html"), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "PUT", "PATCH"})
    void aWrongMethodIsA405InJson(String method) {
        assertJsonError(app.method(method, "/v1/hello", "Accept", "text/html"), 405);
    }

    @Test
    void aMethodJettyRefusesOutrightIsStillA405InJson() {
        assertJsonError(app.method("TRACE", "/v1/hello", "Accept", "text/html"), 405);
    }

    @Test
    void aWrongMethodOnTheHealthServletIsA405InJson() {
        assertJsonError(app.post("/health-check", "text/plain", "", "Accept", "text/html"), 405);
    }

    @Test
    void aMalformedRequestLineIsA400InJsonWithARequestId() {
        final String answer = app.raw("GET /\u0001bad HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).containsIgnoringCase("Content-Type: application/json");
        assertThat(answer).containsIgnoringCase("X-Request-Id: ");
        assertThat(answer).contains("{\"code\":400,").doesNotContainIgnoringCase("<html");
    }

    @Test
    void oversizedHeadersAreA431InJson() {
        final String answer = app.raw("GET /v1/hello HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                + "\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 431");
        assertThat(answer).containsIgnoringCase("Content-Type: application/json");
        assertThat(answer).contains("{\"code\":431,");
    }

    @Test
    void anAmbiguousPathIsA400InJson() {
        assertJsonError(app.get("/v1/hello/%2e%2e/x", "Accept", "text/html"), 400);
    }

    @Test
    void versionReportsTheBuildAndTheImageButNotWhereItRuns() {
        final HttpResponse<String> response = app.get("/v1/version");

        assertThat(response.statusCode()).isEqualTo(200);
        final JsonNode body = Http.json(response);
        // The instance id and zone are on the admin port (OperationsTest); the deploy's check reads imageDigest.
        assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder(
                "version", "commit", "buildTime", "imageTag", "imageDigest");
        assertThat(body.path("version").asText()).isNotBlank().isNotEqualTo("unknown");
        assertThat(body.path("commit").asText()).matches("[0-9a-f]{40}|unknown");
        assertThat(body.path("buildTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ|unknown");
        // The test JVM does not get the boot script's variables.
        assertThat(body.path("imageTag").asText()).isEqualTo("local");
        assertThat(body.path("imageDigest").asText()).isEqualTo("local");
    }
}
