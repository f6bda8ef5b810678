package dev.capstan.standin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ImdsTest {

    private static final String TTL = "X-aws-ec2-metadata-token-ttl-seconds";
    private static final String TOKEN = "X-aws-ec2-metadata-token";

    private final HttpClient http = HttpClient.newHttpClient();
    private AwsStandIn standIn;
    private URI imds;

    @BeforeEach
    void world() {
        standIn = AwsStandIn.shared();
        standIn.reset();
        standIn.imds().setIdentity(new InstanceIdentity("i-0abcdef0123456789", "eu-west-1b", "eu-west-1",
                "capstan-instance", "123456789012", "ami-0123456789abcdef0", "t3.small", "10.0.2.7"));
        imds = standIn.imds().endpoint();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token() throws Exception {
        return send(HttpRequest.newBuilder(imds.resolve("/latest/api/token")).header(TTL, "60")
                .PUT(HttpRequest.BodyPublishers.noBody())).body();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(imds.resolve(path)).GET();
        if (token != null) {
            b.header(TOKEN, token);
        }
        return send(b);
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(imds.getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void aTokenNeedsAValidTtl() throws Exception {
        HttpRequest.Builder noTtl = HttpRequest.newBuilder(imds.resolve("/latest/api/token")).PUT(HttpRequest.BodyPublishers.noBody());
        assertThat(send(noTtl).statusCode()).isEqualTo(400);
        for (String ttl : new String[] {"0", "21601", "soon"}) {
            assertThat(send(HttpRequest.newBuilder(imds.resolve("/latest/api/token")).header(TTL, ttl)
                    .PUT(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(400);
        }
        HttpResponse<String> ok = send(HttpRequest.newBuilder(imds.resolve("/latest/api/token")).header(TTL, "21600")
                .PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).hasSizeGreaterThan(20);
    }

    @Test
    void readsWithoutAValidTokenAreUnauthorized() throws Exception {
        assertThat(get("/latest/meta-data/instance-id", null).statusCode()).isEqualTo(401);
        assertThat(get("/latest/meta-data/instance-id", "made-up").statusCode()).isEqualTo(401);
        assertThat(get("/latest/meta-data/iam/security-credentials/capstan-instance", null).statusCode()).isEqualTo(401);
    }

    @Test
    void servesTheInstanceFactsWithAToken() throws Exception {
        String token = token();
        assertThat(get("/latest/meta-data/instance-id", token).body()).isEqualTo("i-0abcdef0123456789");
        assertThat(get("/latest/meta-data/placement/availability-zone", token).body()).isEqualTo("eu-west-1b");
        assertThat(get("/latest/meta-data/placement/region", token).body()).isEqualTo("eu-west-1");
        assertThat(get("/latest/meta-data/iam/security-credentials/", token).body()).isEqualTo("capstan-instance");
        JsonNode credentials = StandaloneStandIn.JSON.readTree(
                get("/latest/meta-data/iam/security-credentials/capstan-instance", token).body());
        assertThat(credentials.get("Code").asText()).isEqualTo("Success");
        assertThat(credentials.get("AccessKeyId").asText()).isNotBlank();
        assertThat(credentials.get("SecretAccessKey").asText()).isNotBlank();
        assertThat(credentials.get("Token").asText()).isNotBlank();
        assertThat(credentials.get("Expiration").asText()).endsWith("Z");
        JsonNode document = StandaloneStandIn.JSON.readTree(get("/latest/dynamic/instance-identity/document", token).body());
        assertThat(document.get("instanceId").asText()).isEqualTo("i-0abcdef0123456789");
        assertThat(document.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(get("/latest/meta-data/iam/security-credentials/other-role", token).statusCode()).isEqualTo(404);
    }

    @Test
    void forwardedRequestsAreRefusedAsOnEc2() throws Exception {
        assertThat(send(HttpRequest.newBuilder(imds.resolve("/latest/api/token")).header(TTL, "60")
                .header("X-Forwarded-For", "10.0.0.1").PUT(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(403);
    }
}
