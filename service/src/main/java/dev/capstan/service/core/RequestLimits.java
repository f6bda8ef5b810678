package dev.capstan.service.core;

import java.time.Duration;

/**
 * How much of a request the service reads, and why these figures (docs/operations.md, "Limits").
 *
 * <p>The largest body the API accepts is {@code {"name":"…"}} with a 64-character name: about 800 bytes even when
 * every character is a JSON-escaped surrogate pair. The bounds leave ample room for whitespace and extra fields, and
 * keep what a few hundred requests in flight can hold to a few megabytes of a 128 MB heap.
 */
public final class RequestLimits {
    /** Request body, in bytes: 10 times the largest valid body, and as much as Jetty allows a request's head. */
    public static final int MAX_BODY_BYTES = 8 * 1024;
    /** From the request's head to the last byte of its body: the largest body at 820 bytes a second. */
    public static final Duration BODY_DEADLINE = Duration.ofSeconds(10);
    /** Any one JSON string or property name, in characters: 16 times the longest name (which may use 128 chars). */
    public static final int MAX_JSON_STRING_CHARS = 1024;
    /** Objects and arrays inside each other; a greeting request has depth 1. */
    public static final int MAX_JSON_NESTING_DEPTH = 16;

    private RequestLimits() {
    }
}
