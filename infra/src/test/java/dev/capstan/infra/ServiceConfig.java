package dev.capstan.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service's own timings, read from the repository's config.yml, so the infrastructure is checked against them. */
public final class ServiceConfig {
    static final Path CONFIG = Path.of("..", "config.yml");

    private ServiceConfig() {
    }

    /** health.shutdownWaitPeriod's default: ${DRAIN_WINDOW:-15s}. */
    public static int drainWindowSeconds() {
        return seconds(find("shutdownWaitPeriod: \\$\\{DRAIN_WINDOW:-(\\d+)s}"));
    }

    /** The application connector's idleTimeout. */
    public static int idleTimeoutSeconds() {
        return seconds(find("idleTimeout: (\\d+) seconds"));
    }

    private static String find(String regex) {
        Matcher m = Pattern.compile(regex).matcher(text());
        if (!m.find()) {
            throw new AssertionError("config.yml no longer has " + regex);
        }
        return m.group(1);
    }

    private static int seconds(String value) {
        return Integer.parseInt(value);
    }

    private static String text() {
        try {
            return Files.readString(CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
