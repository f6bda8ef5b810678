package dev.capstan.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small readers over a synthesized template's JSON, where the assertions library has no direct question. */
public final class Templates {
    private Templates() {
    }

    public static List<JsonNode> resourcesOfType(JsonNode template, String type) {
        List<JsonNode> out = new ArrayList<>();
        template.get("Resources").forEach(r -> {
            if (r.get("Type").asText().equals(type)) {
                out.add(r);
            }
        });
        return out;
    }

    public static JsonNode onlyResourceOfType(JsonNode template, String type) {
        List<JsonNode> found = resourcesOfType(template, type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + found.size());
        }
        return found.get(0);
    }

    /** The logical id of the one resource of a type. */
    public static String logicalIdOf(JsonNode template, String type) {
        List<String> ids = new ArrayList<>();
        template.get("Resources").fields().forEachRemaining(e -> {
            if (e.getValue().get("Type").asText().equals(type)) {
                ids.add(e.getKey());
            }
        });
        if (ids.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + ids);
        }
        return ids.get(0);
    }

    /** Resolves what the example account's templates use of CloudFormation: Fn::Join and the pseudo parameters. */
    public static JsonNode resolved(JsonNode node, Map<String, String> pseudo) {
        if (node.isObject() && node.size() == 1 && node.has("Fn::Join")) {
            JsonNode join = node.get("Fn::Join");
            StringBuilder out = new StringBuilder();
            String separator = join.get(0).asText();
            JsonNode parts = join.get(1);
            for (int i = 0; i < parts.size(); i++) {
                out.append(i == 0 ? "" : separator).append(resolved(parts.get(i), pseudo).asText());
            }
            return Synthesized.JSON.getNodeFactory().textNode(out.toString());
        }
        if (node.isObject() && node.size() == 1 && node.has("Ref") && pseudo.containsKey(node.get("Ref").asText())) {
            return Synthesized.JSON.getNodeFactory().textNode(pseudo.get(node.get("Ref").asText()));
        }
        if (node.isObject()) {
            var copy = Synthesized.JSON.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolved(e.getValue(), pseudo)));
            return copy;
        }
        if (node.isArray()) {
            var copy = Synthesized.JSON.createArrayNode();
            node.forEach(n -> copy.add(resolved(n, pseudo)));
            return copy;
        }
        return node;
    }
}
