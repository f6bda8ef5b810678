package dev.capstan.rollout.admin;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes an argument vector as one POSIX shell line that gives the same words back, whether the line is pasted,
 * {@code eval}'d or run through {@code $(...)}. Words made only of characters no shell treats specially are written
 * bare: that keeps the usual command readable and makes plain {@code $(...)} work, since command substitution splits
 * words but removes no quotes. Anything else (a region from the environment, say) is single-quoted, the one quoting
 * in which no character is special, with {@code '} written as {@code '\''}.
 */
public final class ShellWords {
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    private ShellWords() {
    }

    public static String line(List<String> argv) {
        return argv.stream().map(ShellWords::word).collect(Collectors.joining(" "));
    }

    static String word(String s) {
        if (BARE.matcher(s).matches()) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
