package dev.capstan.service.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service.jar run as a real process, the way the container runs it (with the repository's jvm.options,
 * so with its 128 MB heap); stdout and stderr collected.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final Pattern STARTED_CONNECTOR =
            Pattern.compile("Started (application|admin)@\\w+\\{[^}]*\\}\\{[^:}]*:(\\d+)\\}");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ServiceProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::collect, "service-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static Path jar() {
        final Path jar = Path.of(System.getProperty("service.jar", "target/service.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: these tests run after `mvn package`");
        }
        return jar;
    }

    /** Runs {@code java -jar service.jar ARGS...} in the repository root with these extra environment variables. */
    public static ServiceProcess start(Map<String, String> environment, String... args) {
        return launch(environment, List.of("-jar", jar().toAbsolutePath().toString()), args);
    }

    /** Runs a test subclass of the application from the packaged jar, with the test classes beside it. */
    public static ServiceProcess startWithTestClasses(Class<?> mainClass, Map<String, String> environment,
                                                     String... args) {
        final String classPath = jar().toAbsolutePath() + java.io.File.pathSeparator
                + Path.of("target", "test-classes").toAbsolutePath();
        return launch(environment, List.of("-cp", classPath, mainClass.getName()), args);
    }

    private static ServiceProcess launch(Map<String, String> environment, List<String> javaArgs, String... args) {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + Path.of("..", "jvm.options").toAbsolutePath().normalize());
        command.addAll(javaArgs);
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Path.of("..").toFile())
                .redirectErrorStream(true);
        // Nothing from the surrounding shell may change the configuration under test.
        builder.environment().keySet().removeIf(name -> TestEnvironment.SERVICE_VARIABLES.contains(name));
        builder.environment().putAll(environment);
        try {
            return new ServiceProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server on ports the OS picks and waits until both connectors have reported theirs. */
    public static ServiceProcess server(Map<String, String> environment) {
        return awaitConnectors(start(withFreePorts(environment), "server", "config.yml"));
    }

    /** Like {@link #server}, for a test subclass of the application. */
    public static ServiceProcess server(Class<?> mainClass, Map<String, String> environment) {
        return awaitConnectors(startWithTestClasses(mainClass, withFreePorts(environment), "server", "config.yml"));
    }

    private static Map<String, String> withFreePorts(Map<String, String> environment) {
        final Map<String, String> withPorts = new java.util.HashMap<>(environment);
        withPorts.putIfAbsent("APP_PORT", "0");
        withPorts.putIfAbsent("ADMIN_PORT", "0");
        return withPorts;
    }

    private static ServiceProcess awaitConnectors(ServiceProcess service) {
        try {
            service.await("both connectors to start", Duration.ofSeconds(60),
                    () -> service.port("application").isPresent() && service.port("admin").isPresent());
            return service;
        } catch (AssertionError e) {
            service.close();
            throw e;
        }
    }

    private void collect() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.add(line);
            }
        } catch (IOException ignored) {
            // the process is gone; what was read stays in output
        }
    }

    public Optional<Integer> port(String connector) {
        for (String line : output) {
            final Matcher matcher = STARTED_CONNECTOR.matcher(line);
            if (matcher.find() && matcher.group(1).equals(connector)) {
                return Optional.of(Integer.parseInt(matcher.group(2)));
            }
        }
        return Optional.empty();
    }

    public Http app() {
        return new Http(port("application").orElseThrow());
    }

    public Http admin() {
        return new Http(port("admin").orElseThrow());
    }

    public void await(String what, Duration timeout, BooleanSupplier condition) {
        final Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() && !condition.getAsBoolean()) {
                throw new AssertionError("the service exited (" + process.exitValue() + ") while waiting for "
                        + what + "; output:\n" + String.join("\n", output));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what + "; output:\n" + String.join("\n", output));
            }
            pause(Duration.ofMillis(25));
        }
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, as {@code docker stop} sends it. ({@code Process.destroy()} would also close our end of stdout.) */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** @return the exit code, or empty when the process did not exit in time */
    public Optional<Integer> awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    ? Optional.of(process.exitValue())
                    : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Everything the process printed so far; all of it once the process has exited. */
    public List<String> output() {
        if (!process.isAlive()) {
            try {
                reader.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return List.copyOf(output);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
