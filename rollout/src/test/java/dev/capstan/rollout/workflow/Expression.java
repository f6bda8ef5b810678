package dev.capstan.rollout.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the part of the GitHub Actions expression language that this workflow uses: literals, context paths
 * ({@code vars.ASG_NAME}, {@code needs.image.outputs.tag}, {@code inputs.image-tag}), {@code ! == != && ||},
 * parentheses and the status functions. No Java library evaluates GitHub expressions, hence this small parser.
 * Anything outside that subset is an error rather than a guess, and so is a context path the caller did not supply:
 * on GitHub a misspelt {@code vars.ASG_NAMe} is silently empty, here it fails the test.
 */
final class Expression {
    /** Supplies context values and status functions; throws IllegalArgumentException for anything unknown. */
    interface Context {
        Object value(String path);

        default boolean status(String function) {
            throw new IllegalArgumentException("No status function " + function + "() in this context");
        }
    }

    private static final Pattern TEMPLATE = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(?<string>'(?:[^']|'')*')|(?<number>-?\\d+(?:\\.\\d+)?)|(?<op>==|!=|&&|\\|\\||[!()])"
                    + "|(?<name>[A-Za-z_][A-Za-z0-9_-]*(?:\\.[A-Za-z_*][A-Za-z0-9_-]*)*))");

    private final List<String> tokens;
    private final Context context;
    private int next;

    private Expression(List<String> tokens, Context context) {
        this.tokens = tokens;
        this.context = context;
    }

    /** The value of an expression, with or without its ${{ }}. */
    static Object evaluate(String expression, Context context) {
        String body = expression.strip();
        Matcher whole = TEMPLATE.matcher(body);
        if (whole.matches()) {
            body = whole.group(1);
        }
        Expression parser = new Expression(tokenize(body), context);
        Object value = parser.or();
        if (parser.next != parser.tokens.size()) {
            throw new IllegalArgumentException("Unexpected '" + parser.tokens.get(parser.next) + "' in: " + expression);
        }
        return value;
    }

    /** A string with ${{ }} parts, each replaced by its value as GitHub formats it. */
    static String interpolate(String text, Context context) {
        Matcher m = TEMPLATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(format(evaluate(m.group(1), context))));
        }
        m.appendTail(out);
        return out.toString();
    }

    static boolean containsExpression(String text) {
        return TEMPLATE.matcher(text).find();
    }

    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Double d) {
            return d != 0 && !d.isNaN();
        }
        return !value.toString().isEmpty();
    }

    static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }

    private static List<String> tokenize(String body) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(body);
        int at = 0;
        while (at < body.length()) {
            if (body.substring(at).isBlank()) {
                break;
            }
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("Cannot read the expression at '" + body.substring(at).strip() + "'");
            }
            tokens.add(m.group().strip());
            at = m.end();
        }
        return tokens;
    }

    // GitHub's precedence, loosest first: ||, &&, == !=, !. && and || return an operand, not a boolean.
    private Object or() {
        Object left = and();
        while (accept("||")) {
            Object right = and();
            left = truthy(left) ? left : right;
        }
        return left;
    }

    private Object and() {
        Object left = comparison();
        while (accept("&&")) {
            Object right = comparison();
            left = truthy(left) ? right : left;
        }
        return left;
    }

    private Object comparison() {
        Object left = unary();
        if (accept("==")) {
            return looselyEqual(left, unary());
        }
        if (accept("!=")) {
            return !looselyEqual(left, unary());
        }
        return left;
    }

    private Object unary() {
        if (accept("!")) {
            return !truthy(unary());
        }
        return primary();
    }

    private Object primary() {
        String token = take();
        if (token.equals("(")) {
            Object value = or();
            expect(")");
            return value;
        }
        if (token.startsWith("'")) {
            return token.substring(1, token.length() - 1).replace("''", "'");
        }
        if (Character.isDigit(token.charAt(0)) || token.startsWith("-")) {
            return Double.parseDouble(token);
        }
        switch (token) {
            case "true":
                return true;
            case "false":
                return false;
            case "null":
                return null;
            default:
                break;
        }
        if (accept("(")) {
            expect(")");
            return context.status(token);
        }
        return context.value(token);
    }

    // GitHub compares strings case-insensitively and converts mismatched types to numbers.
    private static boolean looselyEqual(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.toLowerCase(Locale.ROOT).equals(y.toLowerCase(Locale.ROOT));
        }
        if (a == null || b == null || a.getClass() == b.getClass()) {
            return a == null ? b == null : a.equals(b);
        }
        return number(a) == number(b);
    }

    private static double number(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Double d) {
            return d;
        }
        String s = value.toString().strip();
        try {
            return s.isEmpty() ? 0 : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private boolean accept(String token) {
        if (next < tokens.size() && tokens.get(next).equals(token)) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw new IllegalArgumentException("Expected '" + token + "' in " + String.join(" ", tokens));
        }
    }

    private String take() {
        if (next >= tokens.size()) {
            throw new IllegalArgumentException("The expression ends too early: " + String.join(" ", tokens));
        }
        return tokens.get(next++);
    }
}
