package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.capstan.rollout.admin.Shell;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line rollout admin prints, run the way an operator runs it (bash, eval) by the real AWS CLI (Debian's
 * /usr/bin/aws, which CI installs), sends the StartSession request that AWS's guide shows for port forwarding. A
 * loopback server takes the request in SSM's place and answers TargetNotConnected, so no session starts and the
 * Session Manager plugin is never needed. Without the CLI the test is skipped locally, and fails on CI.
 */
class StartSessionRequestTest extends Scenario {
    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private HttpServer ssm;
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void needsTheAwsCli() {
        if (!Files.isExecutable(AWS)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI must have the AWS CLI at " + AWS + " (Debian package awscli)");
            }
            assumeTrue(false, "no AWS CLI at " + AWS);
        }
    }

    @BeforeEach
    void ssmThatTakesTheRequest() throws IOException {
        ssm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ssm.createContext("/", exchange -> {
            requests.add(Map.of("target", String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target")),
                    "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] answer = "{\"__type\":\"TargetNotConnected\",\"message\":\"The target is not connected.\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(400, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        ssm.start();
    }

    @AfterEach
    void stop() {
        ssm.stop(0);
    }

    @Test
    void theLineSendsStartSessionForThePickedInstanceTheDocumentAndBothPorts() throws Exception {
        Result result = rollout("admin", "--asg", GROUP, "--port", "9000", "--local-port", "18081");
        assertThat(result.exitCode()).as(result.all()).isZero();
        String line = result.out().strip();
        String instance = Shell.evalWords(line).get(6);

        Shell.Run run = Shell.isolated(awsAnsweredByTheLoopbackSsm(), Map.of("LINE", line, "HOME", home.toString(),
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "AWS_EC2_METADATA_DISABLED", "true",
                "AWS_CONFIG_FILE", home.resolve("no-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString(), "AWS_PAGER", ""),
                List.of("-c", "eval \"$LINE\""));

        assertThat(run.err()).as(run.out()).contains("TargetNotConnected");
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.get("target")).isEqualTo("AmazonSSM.StartSession");
            assertThat(JSON.readTree(request.get("body"))).isEqualTo(JSON.readTree("""
                    {"Target": "%s", "DocumentName": "AWS-StartPortForwardingSession",
                     "Parameters": {"portNumber": ["9000"], "localPortNumber": ["18081"]}}""".formatted(instance)));
        });
    }

    /**
     * A directory whose {@code aws} is the real CLI pointed at the loopback server. The CLI 2.9 ignores
     * AWS_ENDPOINT_URL, so it gets --endpoint-url, as the stand-in's guide describes.
     */
    private Path awsAnsweredByTheLoopbackSsm() throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path aws = bin.resolve("aws");
        Files.writeString(aws, "#!/bin/sh\nexec " + AWS + " --endpoint-url http://127.0.0.1:" + ssm.getAddress().getPort()
                + " \"$@\"\n");
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }
}
