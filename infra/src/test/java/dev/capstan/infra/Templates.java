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
        template.get("Resources").properties().forEach(e -> {
            if (e.getValue().get("Type").asText().equals(type)) {
                ids.add(e.getKey());
            }
        });
        if (ids.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + ids);
        }
        return ids.get(0);
    }

    /** A value IAM and CloudFormation write as one string or as a list of them (Action, Resource), as a list. */
    public static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isMissingNode()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }

    /** The pseudo parameters of the example account and region. */
    public static final Map<String, String> EXAMPLE_PSEUDO = Map.of(
            "AWS::Partition", "aws", "AWS::Region", "eu-west-1", "AWS::AccountId", "123456789012",
            "AWS::URLSuffix", "amazonaws.com");

    /**
     * Resolves the intrinsic functions these templates use (Ref to the given names, Fn::Join, Fn::Split, Fn::Select,
     * Fn::Base64), leaving anything else as it is: what CloudFormation would make of the value at deploy time.
     */
    public static JsonNode resolved(JsonNode node, Map<String, String> refs) {
        if (node.isObject() && node.size() == 1) {
            String function = node.fieldNames().next();
            JsonNode args = node.get(function);
            switch (function) {
                case "Ref" -> {
                    if (refs.containsKey(args.asText())) {
                        return text(refs.get(args.asText()));
                    }
                }
                case "Fn::Join" -> {
                    StringBuilder out = new StringBuilder();
                    JsonNode parts = resolved(args.get(1), refs);
                    for (int i = 0; i < parts.size(); i++) {
                        out.append(i == 0 ? "" : args.get(0).asText()).append(parts.get(i).asText());
                    }
                    return text(out.toString());
                }
                case "Fn::Split" -> {
                    var out = Synthesized.JSON.createArrayNode();
                    String value = resolved(args.get(1), refs).asText();
                    for (String part : value.split(java.util.regex.Pattern.quote(args.get(0).asText()), -1)) {
                        out.add(part);
                    }
                    return out;
                }
                case "Fn::Select" -> {
                    return resolved(args.get(1), refs).get(args.get(0).asInt());
                }
                case "Fn::Base64" -> {
                    return text(java.util.Base64.getEncoder().encodeToString(
                            resolved(args, refs).asText().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                }
                default -> {
                }
            }
        }
        if (node.isObject()) {
            var copy = Synthesized.JSON.createObjectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), resolved(e.getValue(), refs)));
            return copy;
        }
        if (node.isArray()) {
            var copy = Synthesized.JSON.createArrayNode();
            node.forEach(n -> copy.add(resolved(n, refs)));
            return copy;
        }
        return node;
    }

    private static JsonNode text(String value) {
        return Synthesized.JSON.getNodeFactory().textNode(value);
    }
}
