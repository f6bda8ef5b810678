package dev.capstan.service.api;

/** The answer of the hello endpoints. */
public record Greeting(String message) {
}
