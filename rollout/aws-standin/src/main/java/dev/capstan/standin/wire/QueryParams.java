package dev.capstan.standin.wire;

import dev.capstan.standin.AwsError;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The flattened parameters of an AWS Query or EC2 Query request ({@code A.B.1.C=v}), with helpers to read
 * scalars, numbered lists and nested structures.
 */
public final class QueryParams {

    private final Map<String, String> values;

    public QueryParams(Map<String, String> values) {
        this.values = values;
    }

    public static QueryParams parseForm(String... encodedParts) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String encoded : encodedParts) {
            if (encoded == null || encoded.isEmpty()) {
                continue;
            }
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.put(key, value);
            }
        }
        return new QueryParams(values);
    }

    public Map<String, String> asMap() {
        return values;
    }

    public String get(String name) {
        return values.get(name);
    }

    public String require(String name) {
        String v = values.get(name);
        if (v == null || v.isEmpty()) {
            throw AwsError.validation("1 validation error detected: Value null at '" + lowerFirst(name)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return v;
    }

    public Integer integer(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw AwsError.validation("Invalid value for parameter " + name + ": " + v);
        }
    }

    public Boolean bool(String name) {
        String v = values.get(name);
        return v == null ? null : Boolean.valueOf(v);
    }

    /** Whether any parameter starts with {@code prefix.} (a structure or list was sent). */
    public boolean has(String prefix) {
        String p = prefix + ".";
        return values.containsKey(prefix) || values.keySet().stream().anyMatch(k -> k.startsWith(p));
    }

    /** {@code prefix.1}, {@code prefix.2}, ... as strings; null when the list was not sent. */
    public List<String> strings(String prefix) {
        return list(prefix, p -> values.get(p));
    }

    /** Numbered entries read with {@code reader} given each entry's prefix ({@code prefix.N}); null when absent. */
    public <T> List<T> list(String prefix, Function<String, T> reader) {
        List<T> out = new ArrayList<>();
        for (int n = 1; ; n++) {
            String p = prefix + "." + n;
            if (!has(p)) {
                break;
            }
            out.add(reader.apply(p));
        }
        if (out.isEmpty() && !values.containsKey(prefix)) {
            return null;
        }
        return out;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
