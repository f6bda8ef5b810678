package dev.capstan.standin.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.standin.AwsError;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the JSON 1.1 services (ECR, SSM) share: the mapper, timestamps, error bodies, recorded parameters. */
final class JsonWire {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private JsonWire() {
    }

    /** JSON 1.1 timestamps are epoch seconds with a fraction. */
    static BigDecimal epoch(Instant i) {
        return BigDecimal.valueOf(i.toEpochMilli()).movePointLeft(3);
    }

    static String text(JsonNode in, String field) {
        JsonNode n = in.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** {@code {"__type": code, "message": text}}, the JSON protocols' error body. */
    static Reply error(AwsError error) {
        ObjectNode body = JSON.createObjectNode().put("__type", error.code()).put("message", error.getMessage());
        return new Reply(error.httpStatus(), CONTENT_TYPE, body.toString());
    }

    /** The request body flattened to dotted keys, lists numbered from 1 ({@code imageIds.1.imageTag}). */
    static Map<String, String> flatten(JsonNode json) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", json, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "." + (i + 1), node.get(i), out);
            }
        } else {
            out.put(prefix, node.asText());
        }
    }
}
