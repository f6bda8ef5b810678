package dev.capstan.service.metrics.emf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What the fleet publishes to CloudWatch, as the shared contract file says: the namespace, and each document's metrics
 * (names and units) and dimension sets. The CloudWatch dashboard is built against the same file, so the publisher takes
 * names, units and dimension sets from it rather than repeating them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmfContract(String namespace, int intervalSeconds, List<Document> documents) {
    public static final String RESOURCE = "/dev/capstan/service/metrics/cloudwatch-metrics.json";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Document(String name, List<Metric> metrics, List<List<String>> dimensionSets) {
        public List<String> metricNames() {
            return metrics.stream().map(Metric::name).toList();
        }

        /** Every dimension any of the document's sets names, in order of first mention. */
        public List<String> dimensionNames() {
            return dimensionSets.stream().flatMap(List::stream).distinct().toList();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metric(String name, String unit) {
    }

    public static EmfContract load() {
        try (InputStream in = EmfContract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new ObjectMapper().readValue(in, EmfContract.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public Document document(String name) {
        return documents.stream()
                .filter(document -> document.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the metric contract has no document " + name));
    }
}
