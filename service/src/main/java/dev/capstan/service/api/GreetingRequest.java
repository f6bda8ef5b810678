package dev.capstan.service.api;

/** The body of {@code POST /v1/hello}; a missing or null name means the configured default name. */
public record GreetingRequest(String name) {
}
