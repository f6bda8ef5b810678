package dev.capstan.standin;

import java.time.Instant;

/** A snapshot of an SSM parameter's latest version; {@code type} is String, StringList or SecureString. */
public record ParameterView(String name, String value, String type, long version, Instant lastModifiedDate) {
}
