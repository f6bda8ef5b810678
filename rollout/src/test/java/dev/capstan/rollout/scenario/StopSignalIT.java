package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.standin.AwsStandIn;
import dev.capstan.standin.GroupSpec;
import dev.capstan.standin.TemplateSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar, as CI runs it, gets a real SIGTERM while it waits for the refresh. */
class StopSignalIT {
    static final String DIGEST = "sha256:" + "d4".repeat(32);
    static final String OLD_DIGEST = "sha256:" + "e5".repeat(32);

    @Test
    void sigtermWhileWaitingRollsTheRefreshBackAndExitsThree() throws Exception {
        AwsStandIn standIn = AwsStandIn.shared();
        standIn.reset();
        standIn.ecr().putImage("capstan", "def5678", DIGEST);
        standIn.ec2().createLaunchTemplate(TemplateSpec.named("capstan-web").userData("#!/bin/bash\n")
                .versionDescription("image capstan:abc1234 " + OLD_DIGEST));
        standIn.autoScaling().createGroup(GroupSpec.named("capstan-web").launchTemplate("capstan-web", "1").capacity(2)
                .tag("capstan:last-good-parameter", "/capstan/test/last-good-image"));
        standIn.ssm().putParameter("/capstan/test/last-good-image", "capstan:abc1234@" + OLD_DIGEST);
        Path jar = Path.of("target", "rollout.jar");
        assertThat(jar).exists();

        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "deploy", "--asg", "capstan-web", "--repository", "capstan", "--tag", "def5678");
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("GITHUB_"));
        env.putAll(Map.of("AWS_ENDPOINT_URL", standIn.endpoint().toString(), "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test", "AWS_REGION", "eu-west-1", "AWS_EC2_METADATA_DISABLED", "true"));
        // Files, not pipes: destroying a process closes the pipes to it, and the last lines are the interesting ones.
        Path stdout = Files.createTempFile(Path.of("target"), "stop-signal", ".out");
        Path stderr = Files.createTempFile(Path.of("target"), "stop-signal", ".err");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(stdout).contains(" Pending ") && System.nanoTime() < until && process.isAlive()) {
            Thread.sleep(100);
        }
        assertThat(Files.readString(stdout)).as("the deploy reached the wait").contains(" Pending ");

        process.destroy(); // SIGTERM

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(stderr);
        assertThat(process.exitValue()).as(Files.readString(stdout) + err).isEqualTo(3);
        assertThat(err).contains("The deploy was interrupted (SIGINT/SIGTERM)");
        assertThat(standIn.calls("RollbackInstanceRefresh").size() + standIn.calls("CancelInstanceRefresh").size()).isEqualTo(1);
        assertThat(standIn.ec2().launchTemplate("capstan-web").defaultVersionNumber()).isEqualTo(1);
    }
}
