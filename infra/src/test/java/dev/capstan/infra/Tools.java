package dev.capstan.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The offline checks' tools, found on this machine: a tool that is missing skips its check here, but fails it when
 * CI=true (.ci/run provides every tool).
 */
final class Tools {
    record Result(int exitCode, String output) {
    }

    private Tools() {
    }

    /** The tool named by an environment variable, or found on PATH; skips (or fails in CI) when there is none. */
    static Path require(String envVariable, String command, String howToGetIt) {
        Optional<Path> found = Optional.ofNullable(System.getenv(envVariable)).map(Path::of).filter(Files::isExecutable)
                .or(() -> onPath(command));
        if (found.isEmpty()) {
            String message = command + " is not installed (" + howToGetIt + "; or set " + envVariable + ")";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message + ": CI runs every check");
            }
            Assumptions.abort(message + ": skipped here");
        }
        return found.get();
    }

    /** A directory named by an environment variable; skips (or fails in CI) when it is not set. */
    static Path requireDirectory(String envVariable, String what) {
        String value = System.getenv(envVariable);
        if (value == null || !Files.isDirectory(Path.of(value))) {
            String message = envVariable + " does not name " + what;
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message + ": CI runs every check");
            }
            Assumptions.abort(message + ": skipped here");
        }
        return Path.of(value);
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(command.get(0) + " finished").isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static Optional<Path> onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Every variant of the app the checks cover: the example, and each egress choice and OIDC option. */
    static List<Synthesized> variants() {
        return List.of(Synthesized.example(),
                Synthesized.with(Map.of("egress", "nat-per-az")),
                Synthesized.with(Map.of("egress", "endpoints")),
                Synthesized.with(Map.of("createGithubOidcProvider", false)));
    }

    static List<Path> templates() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Synthesized app : variants()) {
            try (var files = Files.list(app.outdir())) {
                files.filter(f -> f.toString().endsWith(".template.json")).sorted().forEach(out::add);
            }
        }
        return out;
    }
}
