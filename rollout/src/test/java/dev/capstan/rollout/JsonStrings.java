package dev.capstan.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A JSON or YAML member that may be one string or a list of them (IAM's Action, a workflow's needs), as a list. */
public final class JsonStrings {
    private JsonStrings() {
    }

    public static List<String> of(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node.asText());
        }
        return out;
    }
}
