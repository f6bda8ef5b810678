package dev.capstan.service.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The rules of the CloudWatch embedded metric format that a document must follow for CloudWatch Logs to turn it into
 * metrics, checked independently of the code that writes it. From the specification
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html)
 * and the CloudWatch limits it refers to:
 * <ul>
 * <li>the log event is one valid JSON object, with no data before or after it, of at most 1 MB;</li>
 * <li>the root has an {@code _aws} object holding {@code Timestamp} (a number: milliseconds since the epoch) and
 * {@code CloudWatchMetrics} (an array of metric directives); objects the specification defines have no other
 * members;</li>
 * <li>a directive has {@code Namespace} (a string), {@code Dimensions} (an array of dimension sets) and
 * {@code Metrics} (at most 100 metric definitions);</li>
 * <li>a dimension set is an array of dimension names; at most 30 (older versions: 9, which these tests keep to); each
 * names a member of the root whose value is a string: printable ASCII, at least one visible character, at most 1,024
 * characters; dimension names at most 255 characters;</li>
 * <li>a metric definition has {@code Name} (at most 255 characters), optionally {@code Unit} (one of CloudWatch's
 * units) and {@code StorageResolution} (1 or 60); it names a member of the root whose value is a number or an array
 * of at most 100 numbers.</li>
 * </ul>
 */
public final class EmfSpec {
    public static final int MAX_EVENT_BYTES = 1024 * 1024;
    public static final int MAX_METRICS_PER_DIRECTIVE = 100;
    public static final int MAX_DIMENSIONS_PER_SET = 9;
    public static final int MAX_VALUES_PER_METRIC = 100;
    public static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second",
            "Count/Second", "None");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EmfSpec() {
    }

    /** @return what in this log event breaks the specification; empty when nothing does */
    public static List<String> violations(String event) {
        final List<String> violations = new ArrayList<>();
        if (event.getBytes(StandardCharsets.UTF_8).length > MAX_EVENT_BYTES) {
            violations.add("larger than 1 MB");
        }
        if (event.contains("\n") || event.contains("\r")) {
            violations.add("more than one line");
        }
        final JsonNode root;
        try {
            root = MAPPER.readTree(event);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !event.strip().equals(event) || !event.startsWith("{")) {
            return List.of("not exactly one JSON object");
        }
        final JsonNode aws = root.path("_aws");
        if (!aws.isObject()) {
            return List.of("no _aws object");
        }
        onlyMembers(aws, Set.of("Timestamp", "CloudWatchMetrics", "LogGroupName"), "_aws", violations);
        if (!aws.path("Timestamp").isIntegralNumber() || aws.path("Timestamp").asLong() < 1_500_000_000_000L) {
            violations.add("_aws.Timestamp is not milliseconds since the epoch");
        }
        final JsonNode directives = aws.path("CloudWatchMetrics");
        if (!directives.isArray() || directives.isEmpty()) {
            violations.add("_aws.CloudWatchMetrics is not a non-empty array");
            return violations;
        }
        for (JsonNode directive : directives) {
            directive(root, directive, violations);
        }
        return violations;
    }

    private static void directive(JsonNode root, JsonNode directive, List<String> violations) {
        onlyMembers(directive, Set.of("Namespace", "Dimensions", "Metrics"), "a metric directive", violations);
        final String namespace = directive.path("Namespace").asText("");
        if (!directive.path("Namespace").isTextual() || namespace.isBlank() || namespace.length() > 255) {
            violations.add("Namespace is not a string of 1 to 255 characters");
        }
        final JsonNode sets = directive.path("Dimensions");
        if (!sets.isArray()) {
            violations.add("Dimensions is not an array");
        } else {
            for (JsonNode set : sets) {
                dimensionSet(root, set, violations);
            }
        }
        final JsonNode metrics = directive.path("Metrics");
        if (!metrics.isArray() || metrics.size() > MAX_METRICS_PER_DIRECTIVE) {
            violations.add("Metrics is not an array of at most 100 definitions");
            return;
        }
        final Set<String> names = new HashSet<>();
        for (JsonNode metric : metrics) {
            metricDefinition(root, metric, violations);
            if (!names.add(metric.path("Name").asText())) {
                violations.add("the metric " + metric.path("Name").asText() + " is defined twice");
            }
        }
    }

    private static void dimensionSet(JsonNode root, JsonNode set, List<String> violations) {
        if (!set.isArray() || set.size() > MAX_DIMENSIONS_PER_SET) {
            violations.add("a dimension set is not an array of at most " + MAX_DIMENSIONS_PER_SET + " names: " + set);
            return;
        }
        for (JsonNode name : set) {
            final JsonNode value = root.path(name.asText());
            if (!name.isTextual() || name.asText().isEmpty() || name.asText().length() > 255) {
                violations.add("a dimension name is not a string of 1 to 255 characters: " + name);
            } else if (!value.isTextual()) {
                violations.add("the dimension " + name.asText() + " is not a string member of the root");
            } else if (!value.asText().matches("[\\x20-\\x7E]*\\S[\\x20-\\x7E]*") || value.asText().length() > 1024) {
                violations.add("the dimension " + name.asText() + " is not 1 to 1,024 printable ASCII characters");
            }
        }
    }

    private static void metricDefinition(JsonNode root, JsonNode metric, List<String> violations) {
        onlyMembers(metric, Set.of("Name", "Unit", "StorageResolution"), "a metric definition", violations);
        final String name = metric.path("Name").asText("");
        if (!metric.path("Name").isTextual() || name.isEmpty() || name.length() > 255) {
            violations.add("a metric Name is not a string of 1 to 255 characters: " + metric);
            return;
        }
        if (metric.has("Unit") && !UNITS.contains(metric.path("Unit").asText())) {
            violations.add("the metric " + name + " has no valid CloudWatch unit: " + metric.path("Unit"));
        }
        if (metric.has("StorageResolution") && !Set.of(1, 60).contains(metric.path("StorageResolution").asInt())) {
            violations.add("the metric " + name + " has a StorageResolution other than 1 or 60");
        }
        final JsonNode value = root.path(name);
        if (value.isArray()) {
            if (value.size() > MAX_VALUES_PER_METRIC) {
                violations.add("the metric " + name + " has more than 100 values");
            }
            value.forEach(element -> number(name, element, violations));
        } else {
            number(name, value, violations);
        }
    }

    private static void number(String metric, JsonNode value, List<String> violations) {
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            violations.add("the metric " + metric + " has a value that is not a finite number: " + value);
        }
    }

    private static void onlyMembers(JsonNode object, Set<String> allowed, String what, List<String> violations) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            final String name = names.next();
            if (!allowed.contains(name)) {
                violations.add(what + " has a member the specification does not define: " + name);
            }
        }
    }
}
