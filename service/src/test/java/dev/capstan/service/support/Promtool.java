package dev.capstan.service.support;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Prometheus's own parser and linter of the exposition format, {@code promtool check metrics}. Where it is missing a
 * test that needs it is skipped on a developer's machine and fails in CI, which installs it.
 */
public final class Promtool {
    /** What promtool said about the exposition, and how it exited. */
    public record Verdict(int exitCode, String output) {
    }

    private Promtool() {
    }

    public static Path require() {
        final Optional<Path> promtool = find();
        if (promtool.isEmpty() && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("promtool is missing: CI must install the Debian package prometheus");
        }
        assumeThat(promtool).as("promtool (Debian package prometheus) is not installed").isPresent();
        return promtool.orElseThrow();
    }

    private static Optional<Path> find() {
        final String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(java.io.File.pathSeparator)), Stream.of("/usr/bin"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "promtool"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** {@code promtool check metrics} with the exposition on its standard input. */
    public static Verdict checkMetrics(String exposition) {
        try {
            final Process process = new ProcessBuilder(require().toString(), "check", "metrics")
                    .redirectErrorStream(true)
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(exposition.getBytes(StandardCharsets.UTF_8));
            }
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("promtool did not finish within 30 s");
            }
            return new Verdict(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
