package dev.capstan.service.api;

/**
 * What {@code GET /v1/version} reports to anyone: what was built and which image runs it. The deploy's verification
 * reads {@code imageDigest}. Where the copy runs is for the admin port only ({@link InstanceInfo}).
 */
public record VersionInfo(
        String version,
        String commit,
        String buildTime,
        String imageTag,
        String imageDigest) {
}
