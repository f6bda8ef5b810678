package dev.capstan.rollout.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Hands a printed command line to a real bash, the way an operator uses it, and reads back the words bash made of
 * it: pasted or {@code eval}'d (quotes removed), or through plain {@code $(...)} (split, no quotes removed).
 */
public final class Shell {
    /** Prints each argument it gets, NUL-terminated, so that no argument can be mistaken for two. */
    private static final String ARGV = "argv() { printf '%s\\0' \"$@\"; }; ";

    private Shell() {
    }

    public record Run(int exitCode, String out, String err) {
    }

    /** bash -n: the line is one well-formed command. */
    public static Run syntax(String line) {
        return bash(Map.of(), List.of("-n", "-c", line));
    }

    /** The words of the line as pasted at a prompt or run with eval "$(rollout admin ...)". */
    public static List<String> evalWords(String line) {
        return words(bash(Map.of("LINE", line), List.of("-c", ARGV + "eval \"argv $LINE\"")));
    }

    /** The words of the line when the operator runs $(rollout admin ...) unquoted, without eval. */
    public static List<String> substitutionWords(String line) {
        return words(bash(Map.of("LINE", line), List.of("-c", ARGV + "printed() { printf '%s\\n' \"$LINE\"; }; argv $(printed)")));
    }

    /** Runs bash with the test's environment plus these variables. */
    public static Run bash(Map<String, String> env, List<String> args) {
        return run(env, args, false);
    }

    /**
     * Runs bash with these variables alone, PATH being {@code bin} first, then /usr/bin and /bin: nothing of the
     * developer's own environment (a profile, keys) reaches what it runs.
     */
    public static Run isolated(Path bin, Map<String, String> env, List<String> args) {
        Map<String, String> all = new HashMap<>(env);
        all.put("PATH", bin + ":/usr/bin:/bin");
        return run(all, args, true);
    }

    private static Run run(Map<String, String> env, List<String> args, boolean clean) {
        List<String> command = new ArrayList<>(List.of("bash", "--noprofile", "--norc"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (clean) {
            builder.environment().clear();
        }
        builder.environment().putAll(env);
        try {
            Process p = builder.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("bash did not finish: " + command);
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not run bash", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static List<String> words(Run run) {
        if (run.exitCode() != 0) {
            throw new AssertionError("bash exited " + run.exitCode() + ": " + run.err());
        }
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < run.out().length(); i++) {
            if (run.out().charAt(i) == '\0') {
                words.add(run.out().substring(start, i));
                start = i + 1;
            }
        }
        return words;
    }
}
