package dev.capstan.rollout.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.rollout.JsonStrings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An IAM identity policy read from a committed file, and what it allows for an action that has no resource-level
 * permissions (its request names the resource {@code *}). Follows IAM's evaluation logic for one policy: an explicit
 * Deny wins, else an Allow must match, else the action is denied. Action and NotAction patterns match case-insensitively,
 * with {@code *} and {@code ?} wildcards (IAM User Guide, "IAM JSON policy elements: Action" and "Policy evaluation
 * logic"). Conditions are not evaluated: a statement with one counts as matching, so a policy that allows an action
 * only under a condition passes here, and the condition is the policy generator's own tests' to check.
 */
public final class PolicyDocument {
    private final Path file;
    private final List<JsonNode> statements;

    private PolicyDocument(Path file, List<JsonNode> statements) {
        this.file = file;
        this.statements = statements;
    }

    public static PolicyDocument read(Path file) throws IOException {
        List<JsonNode> statements = new ArrayList<>();
        JsonNode statement = new ObjectMapper().readTree(file.toFile()).get("Statement");
        if (statement.isArray()) {
            statement.forEach(statements::add);
        } else {
            statements.add(statement);
        }
        return new PolicyDocument(file, statements);
    }

    public Path file() {
        return file;
    }

    /** True when a statement allows {@code action} on {@code *} and none denies it. */
    public boolean allowsOnAnyResource(String action) {
        return statements.stream().noneMatch(s -> effect(s, "Deny") && appliesTo(s, action))
                && statements.stream().anyMatch(s -> effect(s, "Allow") && appliesTo(s, action));
    }

    private static boolean effect(JsonNode statement, String effect) {
        return effect.equals(statement.path("Effect").asText());
    }

    private static boolean appliesTo(JsonNode statement, String action) {
        boolean actionMatches = statement.has("NotAction")
                ? JsonStrings.of(statement.get("NotAction")).stream().noneMatch(p -> matches(p, action))
                : JsonStrings.of(statement.path("Action")).stream().anyMatch(p -> matches(p, action));
        boolean resourceMatches = statement.has("NotResource")
                ? !JsonStrings.of(statement.get("NotResource")).contains("*")
                : JsonStrings.of(statement.path("Resource")).contains("*");
        return actionMatches && resourceMatches;
    }

    static boolean matches(String pattern, String action) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return action.toLowerCase(Locale.ROOT).matches(regex.toString());
    }
}
