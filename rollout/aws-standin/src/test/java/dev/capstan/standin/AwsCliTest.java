package dev.capstan.standin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real AWS CLI (Debian's /usr/bin/aws, which CI installs) against the standalone stand-in, with credentials from
 * the IMDS stand-in only, as the boot script uses it. That CLI (2.9) ignores AWS_ENDPOINT_URL, so it gets
 * --endpoint-url. Without the CLI the test is skipped locally, and fails on CI.
 */
class AwsCliTest {

    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final String INSTANCE = "i-0feedfacecafe0001";

    private static StandaloneStandIn standalone;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(AWS)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI must have the AWS CLI at " + AWS + " (Debian package awscli)");
            }
            assumeTrue(false, "no AWS CLI at " + AWS);
        }
        standalone = StandaloneStandIn.start("--port", "0", "--imds-port", "0", "--speed", "1");
        standalone.post("/_standin/seed", """
                {"ecrPassword": "registry-password-from-the-stand-in",
                 "images": [{"repository": "capstan", "tag": "abc1234", "digest": "sha256:%s"}],
                 "launchTemplates": [{"name": "capstan", "userData": "#!/bin/bash\\n"}],
                 "groups": [{"name": "capstan-web", "launchTemplate": "capstan", "desiredCapacity": 1,
                             "launchHook": "capstan-launch", "holdLifecycleActions": true,
                             "instances": [{"instanceId": "%s", "availabilityZone": "eu-west-1a",
                                            "lifecycleState": "Pending:Wait"}]}],
                 "identity": {"instanceId": "%s", "availabilityZone": "eu-west-1a"}}
                """.formatted("d".repeat(64), INSTANCE, INSTANCE));
    }

    @AfterAll
    static void stop() throws Exception {
        if (standalone != null) {
            standalone.close();
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs the CLI with a clean environment: no keys, no profile, credentials only from the IMDS stand-in. */
    private static Result aws(String imdsEndpoint, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", standalone.endpoint.toString(),
                "--region", "eu-west-1", "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
        env.put("AWS_PAGER", "");
        env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", imdsEndpoint);
        env.put("AWS_METADATA_SERVICE_TIMEOUT", "2");
        env.put("AWS_METADATA_SERVICE_NUM_ATTEMPTS", "1");
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the AWS CLI did not finish: " + command);
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void cliGetsTheRegistryPasswordWithInstanceRoleCredentials() throws Exception {
        Result r = aws(standalone.imds + "/", "ecr", "get-login-password");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout().trim()).isEqualTo("registry-password-from-the-stand-in");
    }

    @Test
    void cliCompletesTheLifecycleActionAndTheStandInRecordsContinue() throws Exception {
        Result r = aws(standalone.imds + "/", "autoscaling", "complete-lifecycle-action",
                "--auto-scaling-group-name", "capstan-web", "--lifecycle-hook-name", "capstan-launch",
                "--instance-id", INSTANCE, "--lifecycle-action-result", "CONTINUE");
        assertThat(r.exitCode()).as(r.stderr()).isZero();

        JsonNode actions = standalone.get("/_standin/lifecycle-actions");
        assertThat(actions).hasSize(1);
        assertThat(actions.get(0).get("instanceId").asText()).isEqualTo(INSTANCE);
        assertThat(actions.get(0).get("result").asText()).isEqualTo("CONTINUE");
        assertThat(actions.get(0).get("source").asText()).isEqualTo("api");

        Result again = aws(standalone.imds + "/", "autoscaling", "complete-lifecycle-action",
                "--auto-scaling-group-name", "capstan-web", "--lifecycle-hook-name", "capstan-launch",
                "--instance-id", INSTANCE, "--lifecycle-action-result", "CONTINUE");
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.stderr()).contains("ValidationError").contains("No active Lifecycle Action found with instance ID " + INSTANCE);
    }

    @Test
    void withoutTheImdsStandInTheCliHasNoCredentials() throws Exception {
        Result r = aws("http://127.0.0.1:9/", "ecr", "get-login-password");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("Unable to locate credentials");
    }
}
