package dev.capstan.service.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** What the admin port's {@code GET /instance} reports: the public version facts, and where this copy runs. */
public record InstanceInfo(
        String instanceId,
        String availabilityZone,
        @JsonUnwrapped VersionInfo running) {
}
