package dev.capstan.service.core;

import java.util.Locale;

/** The rules a name to greet must pass, in the order they are checked. */
public enum NameRule {
    EMPTY("name must not be empty"),
    TOO_LONG("name must be at most " + GreetingName.MAX_LENGTH + " characters long"),
    BAD_CHARACTER("name may contain only letters, digits, spaces, '.', '-' and '''");

    private final String description;

    NameRule(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The identifier clients see in error bodies, e.g. {@code too-long}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
