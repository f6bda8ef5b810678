package dev.capstan.service.metrics.emf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes an interval as CloudWatch embedded metric format documents, each a single line of JSON: one per method, route
 * and status that served requests, and one for the JVM. Names, units and dimension sets are the contract's; this class
 * only says where each value comes from, and refuses at start-up a contract it cannot fill.
 *
 * <p>The document's shape is the EMF specification's: the metadata under {@code _aws} ({@code Timestamp} in
 * milliseconds, one metric directive), then every dimension and metric the directive names as members of the root.
 */
public final class EmfDocuments {
    public static final String REQUESTS = "requests";
    public static final String JVM = "jvm";
    /** CloudWatch takes dimension values of at most this many characters. */
    static final int MAX_DIMENSION_VALUE = 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Shape<RequestInterval> requests;
    private final Shape<JvmInterval> jvm;

    /**
     * @param instance the dimensions every document carries (Service, InstanceId, AvailabilityZone, ImageTag)
     */
    public EmfDocuments(EmfContract contract, Map<String, String> instance) {
        final Map<String, Function<RequestInterval, String>> requestDimensions = withInstance(instance);
        requestDimensions.put("Method", RequestInterval::method);
        requestDimensions.put("Route", RequestInterval::route);
        requestDimensions.put("Status", RequestInterval::status);
        this.requests = new Shape<>(contract.namespace(), contract.document(REQUESTS), requestDimensions, Map.of(
                "Requests", request -> MAPPER.getNodeFactory().numberNode(request.requests()),
                "ServerErrors", request -> MAPPER.getNodeFactory().numberNode(
                        request.serverError() ? request.requests() : 0),
                "Latency", request -> milliseconds(request.latencyMillis())));
        this.jvm = new Shape<>(contract.namespace(), contract.document(JVM), withInstance(instance), Map.of(
                "HeapUsed", jvmNow -> MAPPER.getNodeFactory().numberNode(Math.round(jvmNow.heapUsedBytes())),
                "GcTime", jvmNow -> MAPPER.getNodeFactory().numberNode(jvmNow.gcMillis()),
                "Threads", jvmNow -> MAPPER.getNodeFactory().numberNode(Math.round(jvmNow.threads())),
                "Ready", jvmNow -> MAPPER.getNodeFactory().numberNode(jvmNow.ready() ? 1 : 0)));
    }

    private static <T> Map<String, Function<T, String>> withInstance(Map<String, String> instance) {
        final Map<String, Function<T, String>> dimensions = new LinkedHashMap<>();
        instance.forEach((name, value) -> dimensions.put(name, ignored -> value));
        return dimensions;
    }

    private static ArrayNode milliseconds(double[] values) {
        final ArrayNode array = MAPPER.createArrayNode();
        for (double value : values) {
            // Microseconds are more than the buckets resolve, and keep the line short.
            array.add(Math.round(value * 1000) / 1000.0);
        }
        return array;
    }

    /** The interval's documents: the requests', then the JVM's; each one line of JSON. */
    List<String> lines(IntervalReader.Interval interval, long timestampMillis) {
        final List<String> lines = new ArrayList<>();
        for (RequestInterval request : interval.requests()) {
            lines.add(requests.write(request, timestampMillis));
        }
        lines.add(jvm.write(interval.jvm(), timestampMillis));
        return lines;
    }

    /** CloudWatch takes printable ASCII only, at least one visible character, at most 1,024 of them. */
    static String dimensionValue(String value) {
        final String printable = value == null ? "" : value.replaceAll("[^\\x20-\\x7E]", "?").trim();
        final String visible = printable.isEmpty() ? "unknown" : printable;
        return visible.length() > MAX_DIMENSION_VALUE ? visible.substring(0, MAX_DIMENSION_VALUE) : visible;
    }

    /** One document of the contract, with where each of its dimensions and metrics comes from. */
    private static final class Shape<T> {
        private final ObjectNode directive;
        private final Map<String, Function<T, String>> dimensions = new LinkedHashMap<>();
        private final Map<String, Function<T, JsonNode>> metrics =
                new LinkedHashMap<>();

        Shape(String namespace, EmfContract.Document document, Map<String, Function<T, String>> dimensionSources,
              Map<String, Function<T, JsonNode>> metricSources) {
            if (!Set.copyOf(document.metricNames()).equals(metricSources.keySet())) {
                throw new IllegalStateException("the metric contract's " + document.name() + " document has the "
                        + "metrics " + document.metricNames() + "; the publisher writes " + metricSources.keySet());
            }
            for (String dimension : document.dimensionNames()) {
                if (!dimensionSources.containsKey(dimension)) {
                    throw new IllegalStateException("the metric contract's " + document.name() + " document has "
                            + "the dimension " + dimension + ", which the publisher has no value for");
                }
                dimensions.put(dimension, dimensionSources.get(dimension));
            }
            document.metricNames().forEach(name -> metrics.put(name, metricSources.get(name)));
            directive = MAPPER.createObjectNode();
            directive.put("Namespace", namespace);
            final ArrayNode sets = directive.putArray("Dimensions");
            for (List<String> set : document.dimensionSets()) {
                final ArrayNode keys = sets.addArray();
                set.forEach(keys::add);
            }
            final ArrayNode definitions = directive.putArray("Metrics");
            document.metrics().forEach(metric -> definitions.addObject()
                    .put("Name", metric.name())
                    .put("Unit", metric.unit()));
        }

        String write(T value, long timestampMillis) {
            final ObjectNode root = MAPPER.createObjectNode();
            final ObjectNode aws = root.putObject("_aws");
            aws.put("Timestamp", timestampMillis);
            aws.putArray("CloudWatchMetrics").add(directive);
            dimensions.forEach((name, source) -> root.put(name, dimensionValue(source.apply(value))));
            metrics.forEach((name, source) -> root.set(name, source.apply(value)));
            try {
                return MAPPER.writeValueAsString(root);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write an EMF document", e);
            }
        }
    }
}
