package dev.capstan.rollout.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads durations the way people type them: 90s, 5m, 1h30m, or a bare number of seconds. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern PARTS = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    @Override
    public Duration convert(String value) {
        String v = value.strip().toLowerCase();
        if (v.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        Matcher m = PARTS.matcher(v);
        if (v.isEmpty() || !m.matches()) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration; write it like 90s, 5m, 1h30m or a number of seconds");
        }
        return Duration.ofHours(parse(m.group(1))).plusMinutes(parse(m.group(2))).plusSeconds(parse(m.group(3)));
    }

    private static long parse(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }
}
