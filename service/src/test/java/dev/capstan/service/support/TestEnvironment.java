package dev.capstan.service.support;

import java.util.Set;

final class TestEnvironment {
    /** Every variable config.yml or the version endpoint reads; cleared before a test sets its own. */
    static final Set<String> SERVICE_VARIABLES = Set.of("APP_BIND_HOST", "APP_PORT", "ADMIN_BIND_HOST",
            "ADMIN_PORT", "SHUTDOWN_GRACE_PERIOD", "DRAIN_WINDOW", "LOG_LEVEL", "HELLO_TEMPLATE",
            "HELLO_DEFAULT_NAME", "IMAGE_TAG", "IMAGE_DIGEST", "INSTANCE_ID", "AVAILABILITY_ZONE", "EMF_ENABLED",
            "EMF_INTERVAL", "SERVICE_NAME");

    private TestEnvironment() {
    }
}
