package dev.capstan.service.core;

import java.util.regex.Pattern;

/** A name that passed every {@link NameRule}: 1 to 64 letters, digits, spaces, '.', '-' or '''. */
public final class GreetingName {
    public static final int MAX_LENGTH = 64;
    /** The whole rule as one expression, for configuration validation; lengths count code points. */
    public static final String PATTERN = "[\\p{L}\\p{M}\\p{Nd} .'-]{1," + MAX_LENGTH + "}";

    // Combining marks count as part of a letter, so decomposed forms such as "e" + U+0301 pass.
    private static final Pattern ALLOWED_CHARACTER = Pattern.compile("[\\p{L}\\p{M}\\p{Nd} .'-]");

    private final String value;

    private GreetingName(String value) {
        this.value = value;
    }

    /** Checks the rules in order (empty, too long, bad character) and reports the first one that fails. */
    public static GreetingName parse(String raw) {
        if (raw.isEmpty()) {
            throw new InvalidNameException(NameRule.EMPTY, NameRule.EMPTY.description());
        }
        final int length = raw.codePointCount(0, raw.length());
        if (length > MAX_LENGTH) {
            throw new InvalidNameException(NameRule.TOO_LONG,
                    NameRule.TOO_LONG.description() + " (got " + length + ")");
        }
        raw.codePoints()
                .filter(codePoint -> !ALLOWED_CHARACTER.matcher(Character.toString(codePoint)).matches())
                .findFirst()
                .ifPresent(codePoint -> {
                    throw new InvalidNameException(NameRule.BAD_CHARACTER,
                            NameRule.BAD_CHARACTER.description() + " (found " + describe(codePoint) + ")");
                });
        return new GreetingName(raw);
    }

    private static String describe(int codePoint) {
        final String unicode = String.format("U+%04X", codePoint);
        return Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                ? unicode
                : "'" + Character.toString(codePoint) + "' " + unicode;
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
