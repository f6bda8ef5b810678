package dev.capstan.service.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Version, commit and build time, written into the jar at build time. The build time is the commit's time, not the
 * clock's: two builds of the same commit must produce the same jar.
 */
public record BuildInfo(String version, String commit, String buildTime) {
    public static final String UNKNOWN = "unknown";
    static final String RESOURCE = "/dev/capstan/service/build-info.properties";

    public static BuildInfo fromClasspath() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            final Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return fromProperties(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static BuildInfo fromProperties(Properties properties) {
        return new BuildInfo(
                known(properties.getProperty("version")),
                known(properties.getProperty("commit")),
                known(properties.getProperty("buildTime")));
    }

    // A build without git metadata leaves the filter placeholders in place.
    private static String known(String value) {
        return value == null || value.isBlank() || value.contains("${") ? UNKNOWN : value.trim();
    }
}
