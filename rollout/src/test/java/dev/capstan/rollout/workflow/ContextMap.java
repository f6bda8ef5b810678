package dev.capstan.rollout.workflow;

import java.util.HashMap;
import java.util.Map;

/** An expression context from plain maps: every path the workflow reads must be in it, or evaluation fails. */
final class ContextMap implements Expression.Context {
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, Boolean> statuses = new HashMap<>();

    ContextMap put(String path, Object value) {
        values.put(path, value);
        return this;
    }

    ContextMap putAll(Map<String, ?> more) {
        values.putAll(more);
        return this;
    }

    ContextMap status(String function, boolean value) {
        statuses.put(function, value);
        return this;
    }

    @Override
    public Object value(String path) {
        if (!values.containsKey(path)) {
            throw new IllegalArgumentException("The workflow reads " + path + ", which this test's context does not supply");
        }
        return values.get(path);
    }

    @Override
    public boolean status(String function) {
        Boolean value = statuses.get(function);
        if (value == null) {
            throw new IllegalArgumentException("No status function " + function + "() in this context");
        }
        return value;
    }
}
