package dev.capstan.service.core;

import java.util.Map;

/** Where this copy runs: facts the boot script passes in as environment variables; {@code local} when unset. */
public record DeploymentInfo(String imageTag, String imageDigest, String instanceId, String availabilityZone) {
    public static final String LOCAL = "local";

    public static DeploymentInfo fromEnvironment(Map<String, String> environment) {
        return new DeploymentInfo(
                valueOf(environment, "IMAGE_TAG"),
                valueOf(environment, "IMAGE_DIGEST"),
                valueOf(environment, "INSTANCE_ID"),
                valueOf(environment, "AVAILABILITY_ZONE"));
    }

    private static String valueOf(Map<String, String> environment, String name) {
        final String value = environment.get(name);
        return value == null || value.isBlank() ? LOCAL : value.trim();
    }
}
