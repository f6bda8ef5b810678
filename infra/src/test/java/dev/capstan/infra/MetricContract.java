package dev.capstan.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fleet's CloudWatch metric contract, the file the service's publisher is written against: the namespace, and
 * each document's metrics and the dimension sets it publishes them under. Read from the service module (tests run
 * in infra/).
 */
record MetricContract(String namespace, List<Document> documents) {
    static final Path FILE = Path.of("..", "service", "src", "main", "resources", "dev", "capstan", "service", "metrics",
            "cloudwatch-metrics.json");

    record Document(String name, Set<String> metrics, List<Set<String>> dimensionSets) {
    }

    static MetricContract read() {
        try {
            JsonNode contract = Synthesized.JSON.readTree(FILE.toFile());
            List<Document> documents = new ArrayList<>();
            contract.get("documents").forEach(d -> {
                Set<String> metrics = new HashSet<>();
                d.get("metrics").forEach(m -> metrics.add(m.get("name").asText()));
                List<Set<String>> sets = new ArrayList<>();
                d.get("dimensionSets").forEach(ds -> {
                    Set<String> set = new HashSet<>();
                    ds.forEach(n -> set.add(n.asText()));
                    sets.add(set);
                });
                documents.add(new Document(d.get("name").asText(), metrics, sets));
            });
            return new MetricContract(contract.get("namespace").asText(), documents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether some document publishes the metric under exactly these dimensions. */
    boolean publishes(String metric, Set<String> dimensions) {
        return documents.stream().anyMatch(d -> d.metrics().contains(metric) && d.dimensionSets().contains(dimensions));
    }
}
