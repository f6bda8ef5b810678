package dev.capstan.standin.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies the plain map/list/string trees that hold launch template data, so views never share mutable state. */
public final class DataTrees {

    private DataTrees() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> deepCopy(Map<String, Object> tree) {
        Map<String, Object> copy = new LinkedHashMap<>();
        tree.forEach((k, v) -> copy.put(k, copyValue(v)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> deepCopyList(List<?> list) {
        return (List<Object>) copyValue(list);
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return deepCopy((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            for (Object o : l) {
                copy.add(copyValue(o));
            }
            return copy;
        }
        return v == null ? null : v.toString();
    }
}
