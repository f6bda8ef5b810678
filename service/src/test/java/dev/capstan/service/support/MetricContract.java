package dev.capstan.service.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * The fleet's CloudWatch metric contract, read from its file as it is (not through the publisher's reading of it),
 * and what an EMF document must be to be exactly one of its documents.
 */
public final class MetricContract {
    /** The file itself, from the module directory where the tests run. */
    public static final Path FILE = Path.of("src/main/resources/dev/capstan/service/metrics/cloudwatch-metrics.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MetricContract() {
    }

    public static JsonNode read() {
        try {
            return MAPPER.readTree(FILE.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contract's document whose metrics the EMF document defines, if any. */
    public static Optional<JsonNode> documentOf(JsonNode contract, JsonNode event) {
        final Set<String> defined = names(event.path("_aws").path("CloudWatchMetrics").path(0).path("Metrics"));
        return StreamSupport.stream(contract.path("documents").spliterator(), false)
                .filter(document -> names(document.path("metrics")).equals(defined))
                .findFirst();
    }

    /** @return how this EMF document differs from the contract; empty when it is exactly one of its documents */
    public static List<String> mismatches(JsonNode contract, String line) {
        final JsonNode event = Http.json(line);
        final List<String> mismatches = new ArrayList<>();
        final JsonNode directives = event.path("_aws").path("CloudWatchMetrics");
        if (directives.size() != 1) {
            return List.of("not exactly one metric directive");
        }
        final JsonNode directive = directives.get(0);
        if (!directive.path("Namespace").asText().equals(contract.path("namespace").asText())) {
            mismatches.add("namespace " + directive.path("Namespace") + ", not " + contract.path("namespace"));
        }
        final Optional<JsonNode> document = documentOf(contract, event);
        if (document.isEmpty()) {
            mismatches.add("no document of the contract has the metrics " + directive.path("Metrics"));
            return mismatches;
        }
        final JsonNode expected = document.get();
        final List<JsonNode> definitions = new ArrayList<>();
        expected.path("metrics").forEach(metric -> definitions.add(MAPPER.createObjectNode()
                .put("Name", metric.path("name").asText())
                .put("Unit", metric.path("unit").asText())));
        if (!MAPPER.valueToTree(definitions).equals(directive.path("Metrics"))) {
            mismatches.add("metrics " + directive.path("Metrics") + ", not " + definitions);
        }
        if (!expected.path("dimensionSets").equals(directive.path("Dimensions"))) {
            mismatches.add("dimension sets " + directive.path("Dimensions") + ", not "
                    + expected.path("dimensionSets"));
        }
        final Set<String> members = new HashSet<>(Set.of("_aws"));
        expected.path("dimensionSets").forEach(set -> set.forEach(name -> members.add(name.asText())));
        members.addAll(names(expected.path("metrics")));
        final Set<String> present = new HashSet<>();
        for (Iterator<String> names = event.fieldNames(); names.hasNext(); ) {
            present.add(names.next());
        }
        if (!present.equals(members)) {
            mismatches.add("root members " + present + ", not " + members);
        }
        expected.path("dimensionSets").forEach(set -> set.forEach(name -> {
            if (!event.path(name.asText()).isTextual()) {
                mismatches.add("the dimension " + name.asText() + " is not a string");
            }
        }));
        return mismatches;
    }

    private static Set<String> names(JsonNode definitions) {
        final Set<String> names = new HashSet<>();
        definitions.forEach(definition -> names.add(definition.has("Name")
                ? definition.path("Name").asText() : definition.path("name").asText()));
        return names;
    }
}
