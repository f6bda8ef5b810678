package dev.capstan.userdata;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Placeholders whose values are not known when the script is rendered: the value passed for each is a stand-in
 * (a CloudFormation reference that the stack resolves at deploy time), and the real value is at most the declared
 * number of bytes. The renderer puts the stand-in into the script as it is and checks AWS's size limit against the
 * declared maximum, so a real value can never push the deployed user-data over it.
 */
public final class DeferredValues {
    private static final DeferredValues NONE = new DeferredValues(Map.of());

    private final Map<String, Integer> maxBytes;

    private DeferredValues(Map<String, Integer> maxBytes) {
        this.maxBytes = Map.copyOf(maxBytes);
    }

    public static DeferredValues none() {
        return NONE;
    }

    /** Placeholder name (without braces) to the most bytes its real value may have. */
    public static DeferredValues of(Map<String, Integer> maxBytesByPlaceholder) {
        Map<String, Integer> checked = new LinkedHashMap<>();
        maxBytesByPlaceholder.forEach((name, max) -> {
            if (max == null || max < 1) {
                throw new UserDataException("The deferred value for {{" + name + "}} declares a maximum of " + max
                        + " bytes; declare the longest real value it can have (at least 1).");
            }
            checked.put(name, max);
        });
        return new DeferredValues(checked);
    }

    boolean isEmpty() {
        return maxBytes.isEmpty();
    }

    boolean isDeferred(String placeholder) {
        return maxBytes.containsKey(placeholder);
    }

    int maxBytes(String placeholder) {
        return maxBytes.get(placeholder);
    }

    Iterable<String> placeholders() {
        return maxBytes.keySet();
    }
}
