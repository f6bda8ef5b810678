package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.standin.AwsStandIn;
import dev.capstan.standin.GroupSpec;
import dev.capstan.standin.TemplateSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar, as CI runs it, gets a real SIGTERM while it waits for the refresh. */
class StopSignalIT {
    static final String DIGEST = "sha256:" + "d4".repeat(32);

    @Test
    void sigtermWhileWaitingRollsTheRefreshBackAndExitsThree() throws Exception {
        AwsStandIn standIn = AwsStandIn.shared();
        standIn.reset();
        standIn.ecr().putImage("capstan", "def5678", DIGEST);
        standIn.ec2().createLaunchTemplate(TemplateSpec.named("capstan-web").userData("#!/bin/bash\n"));
        standIn.autoScaling().createGroup(GroupSpec.named("capstan-web").launchTemplate("capstan-web", "1").capacity(2));
        Path jar = Path.of("target", "rollout.jar");
        assertThat(jar).exists();

        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "deploy", "--asg", "capstan-web", "--repository", "capstan", "--tag", "def5678");
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("GITHUB_"));
        env.putAll(Map.of("AWS_ENDPOINT_URL", standIn.endpoint().toString(), "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test", "AWS_REGION", "eu-west-1", "AWS_EC2_METADATA_DISABLED", "true"));
        Process process = builder.start();
        List<String> out = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(out::add);
            } catch (Exception ignored) {
                // the process ended
            }
        });
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (out.stream().noneMatch(l -> l.contains(" Pending ")) && System.nanoTime() < until && process.isAlive()) {
            Thread.sleep(100);
        }
        assertThat(out).as("the deploy reached the wait").anyMatch(l -> l.contains(" Pending "));

        process.destroy(); // SIGTERM

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.get(5, TimeUnit.SECONDS);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join("\n", out) + err).isEqualTo(3);
        assertThat(err).contains("The deploy was interrupted (SIGINT/SIGTERM)");
        assertThat(standIn.calls("RollbackInstanceRefresh").size() + standIn.calls("CancelInstanceRefresh").size()).isEqualTo(1);
        assertThat(standIn.ec2().launchTemplate("capstan-web").defaultVersionNumber()).isEqualTo(1);
    }
}
