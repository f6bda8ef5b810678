package dev.capstan.standin.wire;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the Query protocols share. */
final class QueryWire {

    private QueryWire() {
    }

    /** The parameters as recorded: everything but Action and Version. */
    static Map<String, String> withoutEnvelope(QueryParams q) {
        Map<String, String> params = new LinkedHashMap<>(q.asMap());
        params.remove("Action");
        params.remove("Version");
        return params;
    }
}
