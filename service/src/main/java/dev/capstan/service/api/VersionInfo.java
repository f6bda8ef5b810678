package dev.capstan.service.api;

/** What {@code GET /v1/version} reports: what was built, and where it runs. */
public record VersionInfo(
        String version,
        String commit,
        String buildTime,
        String imageTag,
        String imageDigest,
        String instanceId,
        String availabilityZone) {
}
